#pragma once
// Facts about this build, and where the shipped model is found.
#include <string>

namespace sctx {

std::string version();
std::string fft_backend();

/// The shipped model next to the program: <exe dir>/../share/socialctx/models/<name> once installed (any prefix:
/// /usr, /opt, a user's home), or the source tree's models/ from a build tree. Empty if none is found.
/// SOCIALCTX_MODEL in the environment overrides it.
std::string default_model_path();
/// The SHA-256 recorded at build time for the shipped model (empty if the build had none).
std::string shipped_model_sha256();
/// The hash a model at `path` must have: the recorded one if path is the shipped model, else empty (no check).
std::string expected_sha256_for(const std::string& path);

}  // namespace sctx
