#pragma once
// Streaming sample-rate conversion with libsoxr at SOXR_HQ, the quality librosa.load uses by default
// (res_type="soxr_hq" since librosa 0.10). Feeding a signal in blocks gives the same samples as one call.
#include <cstddef>
#include <vector>

typedef struct soxr* soxr_t;

namespace sctx {

class Resampler {
public:
    Resampler(double in_rate, double out_rate);
    ~Resampler();
    Resampler(const Resampler&) = delete;
    Resampler& operator=(const Resampler&) = delete;

    /// Appends the output for the next block of input to `out`.
    void process(const float* in, size_t n, std::vector<float>& out);
    /// Appends what the filter still holds once the input has ended.
    void finish(std::vector<float>& out);

    double ratio() const { return out_rate_ / in_rate_; }

private:
    void run(const float* in, size_t n, std::vector<float>& out);
    double in_rate_, out_rate_;
    soxr_t soxr_ = nullptr;
};

/// One-shot conversion of a whole signal (used by the dataset tools), with librosa's length rule.
std::vector<float> resample(const std::vector<float>& in, double in_rate, double out_rate);

}  // namespace sctx
