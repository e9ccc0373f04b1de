#include "dataset/reserved_sources.h"

#include <algorithm>
#include <filesystem>

namespace sctx::dataset {

// Kept in step with eval/reserved-paths.txt, which the evaluation builder documents (a test compares the two).
const std::vector<std::string>& reserved_source_prefixes() {
    static const std::vector<std::string> prefixes = {
        "/usr/share/pocketsphinx/", "/usr/share/doc/pocketsphinx-testdata/",
        "/usr/share/sounds/alsa/",  "/usr/share/doc/alsa-utils/",
        "/usr/share/codec2/",       "/usr/share/doc/codec2-examples/",
    };
    return prefixes;
}

const std::vector<std::string>& reserved_packages() {
    static const std::vector<std::string> packages = {"pocketsphinx-testdata", "alsa-utils", "codec2-examples"};
    return packages;
}

bool is_reserved_source(const std::string& path) {
    std::error_code ec;
    std::string p = std::filesystem::absolute(path, ec).lexically_normal().string();
    if (ec) p = path;
    // Symbolic links are followed where they exist, so a link into a reserved folder is caught too.
    const std::string real = std::filesystem::weakly_canonical(path, ec).string();
    for (const std::string& prefix : reserved_source_prefixes())
        if (p.rfind(prefix, 0) == 0 || (!ec && real.rfind(prefix, 0) == 0) || p + "/" == prefix) return true;
    return false;
}

}  // namespace sctx::dataset
