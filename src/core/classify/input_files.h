#pragma once
// Turning what the user named (files, folders) into the list of inputs: recursive, audio found by extension
// (case-insensitive), every path once (hard links and symlinks to one file are distinct paths, so distinct
// records; only directory loops are cut), sorted by path so the list, and therefore a --shard, is the same on
// every machine.
#include <string>
#include <vector>

namespace sctx {

/// Lower-case extensions (without dot) that a folder walk picks up.
const std::vector<std::string>& audio_extensions();
bool has_audio_extension(const std::string& path);

struct InputList {
    std::vector<std::string> files;  ///< sorted, unique
    /// Inputs that are errors in themselves (a missing path, a folder with no audio): path and reason.
    std::vector<std::pair<std::string, std::string>> problems;
};

/// Files named directly are taken whatever their extension (so a renamed text file is reported, not skipped).
InputList collect_inputs(const std::vector<std::string>& paths);

struct Shard {
    size_t index = 1;  ///< K, 1-based
    size_t count = 1;  ///< N
};
/// Parses "K/N" (1 <= K <= N). Throws sctx::Error.
Shard parse_shard(const std::string& text);
/// The K-th of N disjoint parts of a sorted list: every N-th file starting at K-1, so shards stay balanced
/// when big and small files cluster by folder.
std::vector<std::string> select_shard(const std::vector<std::string>& sorted_files, const Shard& shard);

}  // namespace sctx
