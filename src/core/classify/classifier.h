#pragma once
// File in, FileResult out: decode → 16 kHz mono → windows → log-mel → model → per-window and per-file results.
// Never throws for a bad file: the reason goes into the result, so a batch goes on.
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "classify/file_result.h"
#include "features/log_mel.h"
#include "model/model.h"

namespace sctx {

class AudioStream;

struct ClassifyOptions {
    double window_s = 0;        ///< seconds per window; 0 = the model's own (3 s for the shipped model)
    double hop_s = 0;           ///< seconds between windows of a long recording; 0 = the model's own (1.5 s)
    size_t batch_size = 32;     ///< windows per forward pass
    bool keep_segments = true;  ///< fill FileResult::segments
    /// Threads that compute the log-mel windows of one batch in parallel. Worth more than 1 only when files are
    /// not already classified in parallel (one long recording): the results do not depend on it.
    int feature_threads = 1;
};

class Classifier {
public:
    Classifier(std::shared_ptr<const Model> model, ClassifyOptions options = {});

    /// progress(fraction in [0, 1]) is called now and then for long files; cancel stops early (error "cancelled").
    FileResult classify_file(const std::string& path, const std::atomic<bool>* cancel = nullptr,
                             const std::function<void(double)>& progress = {}) const;
    /// Classifies samples already at the model's rate (used by tests and the dataset tools).
    FileResult classify_samples(const float* samples, size_t n, const std::string& name) const;

    /// Log-mel of one window of samples (zero-padded or cut to the window), n_mels x input_frames.
    std::vector<float> window_features(const float* samples, size_t n) const;

    const Model& model() const { return *model_; }
    const LogMelSpectrogram& spectrogram() const { return mel_; }
    size_t window_samples() const { return window_; }
    size_t hop_samples() const { return hop_; }
    /// See ClassifyOptions::feature_threads (set by whoever knows how many files run at once).
    void set_feature_threads(int threads) { options_.feature_threads = threads < 1 ? 1 : threads; }

private:
    void window_features_into(const float* samples, size_t n, float* out) const;
    void batch_features(const std::vector<std::vector<float>>& windows, float* out) const;
    FileResult run(AudioStream* stream, const float* samples, size_t n, const std::atomic<bool>* cancel,
                   const std::function<void(double)>& progress) const;

    std::shared_ptr<const Model> model_;
    ClassifyOptions options_;
    LogMelSpectrogram mel_;
    size_t window_, hop_;
};

}  // namespace sctx
