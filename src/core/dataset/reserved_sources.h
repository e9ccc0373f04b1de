#pragma once
// Recordings reserved for evaluation. The real-speech evaluation set (eval/) is built only from these packages;
// no training, validation or model choice may ever hear them, and no speaker of theirs may be a training talker.
// The training tools refuse any source under these folders or from these packages.
#include <string>
#include <vector>

namespace sctx::dataset {

/// Absolute folder prefixes (with the trailing slash) of the reserved packages' data and documentation.
const std::vector<std::string>& reserved_source_prefixes();
/// Debian package names reserved for evaluation: pocketsphinx-testdata, alsa-utils, codec2-examples.
const std::vector<std::string>& reserved_packages();

/// Whether a path (absolute or relative, normalised lexically) lies in a reserved folder.
bool is_reserved_source(const std::string& path);

}  // namespace sctx::dataset
