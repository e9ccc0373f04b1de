#pragma once
// Shared by the test programs: temporary folders, signals to write, and running the CLI.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace sctx::test {

namespace fs = std::filesystem;

/// A fresh folder removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "socialctx-test-XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    fs::path path_;
};

inline std::vector<float> tone(double freq, double seconds, int rate = 16000, float amp = 0.3f) {
    std::vector<float> s(size_t(seconds * rate));
    for (size_t i = 0; i < s.size(); ++i) s[i] = amp * float(std::sin(2 * M_PI * freq * double(i) / rate));
    return s;
}

inline std::vector<float> noise(double seconds, int rate = 16000, float amp = 0.1f, unsigned seed = 1) {
    std::mt19937 gen(seed);
    std::normal_distribution<float> d(0.f, amp);
    std::vector<float> s(size_t(seconds * rate));
    for (auto& x : s) x = d(gen);
    return s;
}

struct CommandResult {
    int status = -1;  ///< exit status, or -1 if the command died
    std::string out;  ///< standard output (standard error too if merged)
};

/// Runs a shell command and captures its standard output.
inline CommandResult run(const std::string& command) {
    CommandResult r;
    std::FILE* p = ::popen(command.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    const int st = ::pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline bool have_program(const std::string& name) { return run("command -v " + name + " >/dev/null 2>&1").status == 0; }

inline std::string read_file(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return {};
    std::string s;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
    return s;
}

inline void write_file(const std::string& path, const std::string& content) {
    fs::create_directories(fs::path(path).parent_path());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write test file " + path);
    std::fwrite(content.data(), 1, content.size(), f);
    std::fclose(f);
}

}  // namespace sctx::test
