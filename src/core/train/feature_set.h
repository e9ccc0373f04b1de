#pragma once
// The log-mel features of every manifest row, computed once (in parallel, grouped by source file so a long
// recording is decoded once) and kept in RAM as float32: recomputing thousands of spectrograms every epoch would
// cost more than the training. Optionally persisted in a cache folder, keyed by everything that shapes the
// features (rows' audio, offsets, noise, mel parameters), so a second run with the same data starts at once.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/model_config.h"
#include "dataset/manifest.h"

namespace sctx::train {

using dataset::ManifestRow;
using dataset::Split;

struct FeatureSet {
    size_t n_mels = 0, frames = 0;
    std::vector<float> data;    ///< rows x n_mels x frames, row-major
    std::vector<int> labels;    ///< class index per row
    std::vector<Split> splits;  ///< split per row
    // Frame targets, where the manifest has them (dataset/manifest.h): rows x frames each, kNoTarget where unknown.
    static constexpr uint8_t kNoTarget = 255;
    std::vector<uint8_t> frame_voices;      ///< how many voices sound in the frame
    std::vector<uint8_t> frame_owner;       ///< talker index of the only voice sounding (kNoTarget: none or several)
    std::vector<std::vector<int>> talkers;  ///< per row, each talker's index into `speakers` (empty: unknown)
    std::vector<std::string> speakers;      ///< global speaker ids, sorted
    bool has_frames = false;                ///< any row has frame targets

    size_t size() const { return labels.size(); }
    size_t feature_size() const { return n_mels * frames; }
    const float* features(size_t i) const { return data.data() + i * feature_size(); }
    /// Indices of the rows in one split.
    std::vector<size_t> indices(Split s) const;
};

struct FeatureBuildOptions {
    int threads = 1;
    std::string cache_dir;  ///< empty: no persistent cache
    /// Called now and then with (rows done, rows total), from one thread at a time.
    std::function<void(size_t, size_t)> progress;
    /// Called for each row that could not be read (the row is left out of the set).
    std::function<void(const ManifestRow&, const std::string&)> on_error;
    /// Called when the cache cannot be written (training goes on without it).
    std::function<void(const std::string&)> on_warning;
};

/// The features a model with `config` sees for one window of samples: zero-padded or cut to the model's window,
/// then the log-mel spectrogram, exactly as Classifier::window_features does at inference.
std::vector<float> window_log_mel(const LogMelSpectrogram& mel, const ModelConfig& config, const float* samples,
                                  size_t n);

/// Builds (or reads from the cache) the features of `rows`. Rows that fail are reported through on_error and left
/// out. Throws sctx::Error if none could be read.
FeatureSet build_features(const std::vector<ManifestRow>& rows, const ModelConfig& config,
                          const FeatureBuildOptions& options);

}  // namespace sctx::train
