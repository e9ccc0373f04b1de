#include "train/augment.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sctx::train {

uint64_t Rng::next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double Rng::uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
size_t Rng::below(size_t n) { return size_t(next() % n); }

void spec_augment(float* f, size_t n_mels, size_t frames, const AugmentOptions& o, Rng& rng, uint8_t* masked_frames) {
    if (!o.spec_augment || n_mels == 0 || frames == 0) return;
    double sum = 0;
    for (size_t i = 0; i < n_mels * frames; ++i) sum += f[i];
    const float fill = float(sum / double(n_mels * frames));
    for (int m = 0; m < o.freq_masks; ++m) {
        const size_t w = std::min(n_mels, rng.below(size_t(std::max(0, o.freq_mask_max)) + 1));
        const size_t start = rng.below(n_mels - w + 1);
        for (size_t b = start; b < start + w; ++b) std::fill(f + b * frames, f + (b + 1) * frames, fill);
    }
    for (int m = 0; m < o.time_masks; ++m) {
        const size_t w = std::min(frames, rng.below(size_t(std::max(0, o.time_mask_max)) + 1));
        const size_t start = rng.below(frames - w + 1);
        for (size_t b = 0; b < n_mels; ++b) std::fill(f + b * frames + start, f + b * frames + start + w, fill);
        if (masked_frames) std::fill(masked_frames + start, masked_frames + start + w, uint8_t(1));
    }
}

void apply_gain(float* f, size_t count, double gain_db) {
    for (size_t i = 0; i < count; ++i) f[i] += float(gain_db);
}

void mix_background(float* f, const float* background, size_t count, double snr_db, const MelParams& mel) {
    std::vector<double> a(count), b(count);
    double ea = 0, eb = 0;
    for (size_t i = 0; i < count; ++i) {
        a[i] = std::pow(10.0, f[i] / 10.0);
        b[i] = std::pow(10.0, background[i] / 10.0);
        ea += a[i];
        eb += b[i];
    }
    if (eb <= 0 || ea <= 0) return;
    const double scale = ea / (eb * std::pow(10.0, snr_db / 10.0));
    double top = -1e300;
    for (size_t i = 0; i < count; ++i) {
        a[i] = 10.0 * std::log10(std::max(mel.amin, a[i] + scale * b[i]));
        top = std::max(top, a[i]);
    }
    // ref=max: the loudest cell is 0 dB again; ref=1.0 keeps the absolute level of the (pre-gain) example.
    const double ref = mel.ref == DbReference::Max ? top : 0.0;
    const double floor = mel.top_db > 0 ? top - mel.top_db : -1e300;
    for (size_t i = 0; i < count; ++i) f[i] = float(std::max(a[i], floor) - ref);
}

}  // namespace sctx::train
