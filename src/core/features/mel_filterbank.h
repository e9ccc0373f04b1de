#pragma once
// librosa.filters.mel(sr, n_fft, n_mels, fmin=0.0, fmax=sr/2, htk=False, norm="slaney", dtype=float32):
// triangular filters on the Slaney mel scale (linear below 1 kHz, logarithmic above), each scaled by
// 2 / (upper edge - lower edge) so that every filter has the same area ("Slaney area normalisation").
#include <cstddef>
#include <vector>

namespace sctx {

double hz_to_mel_slaney(double hz);
double mel_to_hz_slaney(double mel);

class MelFilterbank {
public:
    MelFilterbank(int sample_rate, int n_fft, int n_mels, double fmin, double fmax);

    int n_mels() const { return n_mels_; }
    int n_bins() const { return n_bins_; }
    /// Dense weights, n_mels x n_bins, row-major, as librosa returns them (float32).
    const std::vector<float>& weights() const { return weights_; }
    /// Applies the bank to one power spectrum (n_bins values) giving n_mels values.
    void apply(const double* power, double* mel) const;
    /// The same in single precision (what the log-mel spectrogram uses).
    void apply(const float* power, float* mel) const;

private:
    int n_mels_, n_bins_;
    std::vector<float> weights_;
    std::vector<int> first_, last_;  // non-zero span of each filter, so apply() skips the zeros
};

}  // namespace sctx
