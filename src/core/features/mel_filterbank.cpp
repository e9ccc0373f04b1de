#include "features/mel_filterbank.h"

#include <algorithm>
#include <cmath>

namespace sctx {

namespace {
// Slaney's Auditory Toolbox constants, as in librosa.core.convert.hz_to_mel(htk=False).
constexpr double kFSp = 200.0 / 3.0;
constexpr double kMinLogHz = 1000.0;
constexpr double kMinLogMel = kMinLogHz / kFSp;  // 15
const double kLogStep = std::log(6.4) / 27.0;
}  // namespace

double hz_to_mel_slaney(double hz) {
    return hz >= kMinLogHz ? kMinLogMel + std::log(hz / kMinLogHz) / kLogStep : hz / kFSp;
}

double mel_to_hz_slaney(double mel) {
    return mel >= kMinLogMel ? kMinLogHz * std::exp(kLogStep * (mel - kMinLogMel)) : kFSp * mel;
}

MelFilterbank::MelFilterbank(int sample_rate, int n_fft, int n_mels, double fmin, double fmax)
    : n_mels_(n_mels),
      n_bins_(n_fft / 2 + 1),
      weights_(size_t(n_mels) * size_t(n_fft / 2 + 1), 0.f),
      first_(size_t(n_mels), 0),
      last_(size_t(n_mels), -1) {
    if (fmax <= 0) fmax = sample_rate / 2.0;
    // mel_frequencies(n_mels + 2, fmin, fmax): edges equally spaced in mel.
    std::vector<double> edges(size_t(n_mels) + 2);
    const double lo = hz_to_mel_slaney(fmin), hi = hz_to_mel_slaney(fmax);
    for (size_t i = 0; i < edges.size(); ++i)
        edges[i] = mel_to_hz_slaney(lo + (hi - lo) * double(i) / double(edges.size() - 1));
    // fft_frequencies: np.fft.rfftfreq(n_fft, 1/sr).
    std::vector<double> freqs(static_cast<size_t>(n_bins_));
    for (int k = 0; k < n_bins_; ++k) freqs[size_t(k)] = double(k) * sample_rate / n_fft;

    for (int m = 0; m < n_mels; ++m) {
        const double f0 = edges[size_t(m)], f1 = edges[size_t(m) + 1], f2 = edges[size_t(m) + 2];
        const double enorm = 2.0 / (f2 - f0);
        for (int k = 0; k < n_bins_; ++k) {
            const double lower = (freqs[size_t(k)] - f0) / (f1 - f0);
            const double upper = (f2 - freqs[size_t(k)]) / (f2 - f1);
            const double w = std::max(0.0, std::min(lower, upper));
            // librosa stores the triangle in a float32 array, then scales it in place (float32 again).
            const float w32 = float(double(float(w)) * enorm);
            weights_[size_t(m) * size_t(n_bins_) + size_t(k)] = w32;
            if (w32 != 0.f) {
                if (last_[size_t(m)] < 0) first_[size_t(m)] = k;
                last_[size_t(m)] = k;
            }
        }
    }
}

void MelFilterbank::apply(const double* power, double* mel) const {
    for (int m = 0; m < n_mels_; ++m) {
        const float* w = weights_.data() + size_t(m) * size_t(n_bins_);
        double sum = 0.0;
        for (int k = first_[size_t(m)]; k <= last_[size_t(m)]; ++k) sum += double(w[k]) * power[k];
        mel[m] = sum;
    }
}

void MelFilterbank::apply(const float* power, float* mel) const {
    for (int m = 0; m < n_mels_; ++m) {
        const float* w = weights_.data() + size_t(m) * size_t(n_bins_);
        float sum = 0.f;
        for (int k = first_[size_t(m)]; k <= last_[size_t(m)]; ++k) sum += w[k] * power[k];
        mel[m] = sum;
    }
}

}  // namespace sctx
