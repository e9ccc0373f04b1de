#include "version.h"

#include <climits>
#include <cstdlib>
#include <vector>

#if defined(_WIN32)
#include <io.h>
#include <stdlib.h>
#include <windows.h>
#define access _access
#define R_OK 4
#else
#include <unistd.h>
#endif
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include "build_info.h"
#include "util/error.h"

namespace sctx {

std::string version() { return SOCIALCTX_VERSION; }
std::string fft_backend() { return SOCIALCTX_FFT_BACKEND; }
std::string shipped_model_sha256() { return SOCIALCTX_SHIPPED_MODEL_SHA256; }

namespace {
#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

std::string exe_dir() {
    std::string p;
#if defined(_WIN32)
    char buf[MAX_PATH];
    DWORD n = GetModuleFileNameA(nullptr, buf, MAX_PATH);
    if (n == 0) return ".";
    p.assign(buf, n);
    for (char& c : p)
        if (c == '\\') c = '/';
#elif defined(__APPLE__)
    char buf[PATH_MAX];
    uint32_t size = sizeof buf;
    if (_NSGetExecutablePath(buf, &size) != 0) return ".";
    p = buf;
#else
    char buf[PATH_MAX];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    p.assign(buf, size_t(n));
#endif
    return p.substr(0, p.find_last_of('/'));
}
bool exists(const std::string& p) { return ::access(p.c_str(), R_OK) == 0; }
std::string real(const std::string& p) {
#if defined(_WIN32)
    char buf[MAX_PATH];
    return _fullpath(buf, p.c_str(), MAX_PATH) ? std::string(buf) : p;
#else
    char buf[PATH_MAX];
    return ::realpath(p.c_str(), buf) ? std::string(buf) : p;
#endif
}
}  // namespace

std::string default_model_path() {
    if (const char* env = std::getenv("SOCIALCTX_MODEL"); env && *env) return env;
    return shipped_model_path("default");
}

std::string shipped_model_path(const std::string& which) {
    std::string name;
    if (which == "default")
        name = SOCIALCTX_SHIPPED_MODEL_NAME;
    else if (which == "accurate")
        name = SOCIALCTX_ACCURATE_MODEL_NAME;
    else
        return {};
    const std::string dir = exe_dir();
    const std::vector<std::string> candidates = {
        dir + "/../" SOCIALCTX_MODEL_INSTALL_DIR "/" + name,   // installed: <prefix>/bin -> <prefix>/share/...
        dir + "/models/" + name,                               // next to the program (Windows, app bundles)
        dir + "/../Resources/models/" + name,                  // macOS bundle
        std::string(SOCIALCTX_SOURCE_MODEL_DIR) + "/" + name,  // build tree
    };
    for (const auto& c : candidates)
        if (exists(c)) return real(c);
    return {};
}

std::string expected_sha256_for(const std::string& path) {
    const std::string accurate = shipped_model_path("accurate");
    if (!accurate.empty() && real(path) == accurate) return SOCIALCTX_ACCURATE_MODEL_SHA256;
    if (shipped_model_sha256().empty()) return {};
    const char* env = std::getenv("SOCIALCTX_MODEL");
    if (env && *env) return {};  // a model the user chose on purpose is not the shipped one
    const std::string shipped = default_model_path();
    return (!shipped.empty() && real(path) == shipped) ? shipped_model_sha256() : std::string();
}

std::string resolve_model_argument(const std::string& arg) {
    if (arg != "default" && arg != "accurate") return arg;
    if (exists(arg)) return arg;  // a file of that name in the working folder is what the user means
    const std::string path = arg == "default" ? default_model_path() : shipped_model_path(arg);
    if (path.empty()) throw Error("no shipped '" + arg + "' model was found next to the program");
    return path;
}

}  // namespace sctx
