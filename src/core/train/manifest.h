#pragma once
// Reading the dataset manifests that `socialctx dataset ...` writes and `socialctx train` reads. The format:
//   source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db
// (header exactly so; noise, noise_offset and snr_db may be empty). A bad row is an sctx::Error naming the file and
// line, so a hand-edited manifest is fixed in one go rather than found out by a crash mid-training.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace sctx::train {

enum class Split { Train, Val, Test, None };  ///< None: the row's split column was empty (carved later)

const char* to_string(Split s);

struct ManifestRow {
    std::string source;   ///< audio path, made absolute against the manifest's folder
    double offset = 0;    ///< seconds into source
    double duration = 0;  ///< seconds
    int label = -1;       ///< index into the class names
    std::string meeting;  ///< group id: no group spans two splits
    std::string stream;   ///< ihm | sdm | synth (informational)
    Split split = Split::None;
    std::string noise;  ///< optional noise file (absolute), mixed in at snr_db from noise_offset
    double noise_offset = 0;
    double snr_db = 0;
    size_t line = 0;       ///< 1-based line in the manifest, for messages
    std::string manifest;  ///< which manifest it came from
};

/// Parses manifest text. `name` is used in messages, `base_dir` resolves relative paths.
std::vector<ManifestRow> parse_manifest(std::istream& in, const std::string& name, const std::string& base_dir,
                                        const std::vector<std::string>& class_names);

/// Reads a manifest file; relative sources are taken from the manifest's folder. Throws sctx::Error.
std::vector<ManifestRow> read_manifest(const std::string& path, const std::vector<std::string>& class_names);

/// When none of `rows` has a val or test split, gives whole meetings to val (~10%) and test (~10%),
/// deterministically (a hash of the meeting id, so the same meeting always lands in the same split); rows with an
/// empty split go to train otherwise. Returns true if anything was carved.
bool carve_missing_splits(std::vector<ManifestRow>& rows);

}  // namespace sctx::train
