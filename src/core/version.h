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
/// One of the shipped models by name: "default" (fast, socialctx.pt) or "accurate" (slower, more accurate,
/// socialctx-accurate.pt), looked up where default_model_path() looks (no SOCIALCTX_MODEL override). Empty if the
/// name is unknown or the file is not there.
std::string shipped_model_path(const std::string& which);
/// What a --model argument names: "default" and "accurate" are the shipped models (unless a file of that name is
/// in the working folder), anything else is a path. Throws sctx::Error if a named shipped model is missing.
std::string resolve_model_argument(const std::string& arg);
/// The SHA-256 recorded at build time for the shipped model (empty if the build had none).
std::string shipped_model_sha256();
/// The hash a model at `path` must have: the recorded one if path is the shipped model, else empty (no check).
std::string expected_sha256_for(const std::string& path);

}  // namespace sctx
