#include "version.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <vector>

#include "build_info.h"

namespace sctx {

std::string version() { return SOCIALCTX_VERSION; }
std::string fft_backend() { return SOCIALCTX_FFT_BACKEND; }
std::string shipped_model_sha256() { return SOCIALCTX_SHIPPED_MODEL_SHA256; }

namespace {
std::string exe_dir() {
    char buf[PATH_MAX];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    std::string p(buf, size_t(n));
    return p.substr(0, p.find_last_of('/'));
}
bool exists(const std::string& p) { return ::access(p.c_str(), R_OK) == 0; }
std::string real(const std::string& p) {
    char buf[PATH_MAX];
    return ::realpath(p.c_str(), buf) ? std::string(buf) : p;
}
}  // namespace

std::string default_model_path() {
    if (const char* env = std::getenv("SOCIALCTX_MODEL"); env && *env) return env;
    const std::string name = SOCIALCTX_SHIPPED_MODEL_NAME;
    const std::string dir = exe_dir();
    const std::vector<std::string> candidates = {
        dir + "/../" SOCIALCTX_MODEL_INSTALL_DIR "/" + name,  // installed: <prefix>/bin -> <prefix>/share/...
        dir + "/models/" + name,                              // next to the program (Windows, app bundles)
        dir + "/../Resources/models/" + name,                 // macOS bundle
        std::string(SOCIALCTX_SOURCE_MODEL_DIR) + "/" + name, // build tree
    };
    for (const auto& c : candidates)
        if (exists(c)) return real(c);
    return {};
}

std::string expected_sha256_for(const std::string& path) {
    if (shipped_model_sha256().empty()) return {};
    const char* env = std::getenv("SOCIALCTX_MODEL");
    if (env && *env) return {};  // a model the user chose on purpose is not the shipped one
    const std::string shipped = default_model_path();
    return (!shipped.empty() && real(path) == shipped) ? shipped_model_sha256() : std::string();
}

}  // namespace sctx
