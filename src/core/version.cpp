#include "version.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "build_info.h"
#include "platform/file_info.h"
#include "platform/process.h"
#include "util/error.h"

namespace sctx {

std::string version() { return SOCIALCTX_VERSION; }
std::string fft_backend() { return SOCIALCTX_FFT_BACKEND; }
std::string shipped_model_sha256() { return SOCIALCTX_SHIPPED_MODEL_SHA256; }

namespace {
std::string exe_dir() {
    std::string p = platform::executable_path();
    if (p.empty()) return ".";
    for (char& c : p)
        if (c == '\\') c = '/';
    return p.substr(0, p.find_last_of('/'));
}
bool exists(const std::string& p) { return platform::is_readable(p); }
std::string real(const std::string& p) {
    std::error_code ec;
    const auto r = std::filesystem::canonical(std::filesystem::u8path(p), ec);
    return ec ? p : r.u8string();
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
