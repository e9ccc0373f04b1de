#include "dataset/synth/room.h"

#include <algorithm>
#include <cmath>

#include "dataset/synth/fft.h"
#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"

namespace sctx::synth {

std::vector<float> make_room_response(double rt60, double drr_db, Rng& rng) {
    rt60 = std::clamp(rt60, 0.05, 2.0);
    // 0.9 * RT60 reaches -54 dB: the rest cannot be heard under any noise floor we add.
    const size_t n = size_t(std::min(0.9 * rt60, 0.58) * kRate) + 64;
    std::vector<float> h(n, 0.f);
    const size_t direct = size_t(rng.integer(0, 40));
    const double decay = 6.907755 / (rt60 * kRate);  // ln(1000) per RT60, amplitude

    // Diffuse tail: noise split at 1.5 kHz, the high band decaying faster.
    std::vector<float> low(n), high(n);
    for (size_t i = 0; i < n; ++i) low[i] = high[i] = float(rng.normal());
    lowpass2(low, kRate, 1500);
    highpass2(high, kRate, 1500);
    const double high_rt = rng.uniform(0.45, 0.8);
    const double lowpass_hz = rng.uniform(4000, 7500);
    const size_t tail_start = direct + size_t(rng.uniform(0.002, 0.008) * kRate);
    const double buildup = rng.uniform(0.004, 0.015) * kRate;  // the diffuse field takes a few ms to grow
    std::vector<float> tail(n, 0.f);
    for (size_t i = tail_start; i < n; ++i) {
        const double t = double(i - tail_start);
        const double grow = 1.0 - std::exp(-t / buildup);
        tail[i] = float(grow * (low[i] * std::exp(-decay * t) + high[i] * std::exp(-decay * t / high_rt)));
    }
    // Early reflections: floor, table, near walls.
    const int reflections = rng.integer(4, 10);
    for (int r = 0; r < reflections; ++r) {
        const size_t at = direct + size_t(rng.uniform(0.0015, 0.025) * kRate);
        if (at >= n) continue;
        const double amp = rng.uniform(0.15, 0.6) * std::exp(-decay * double(at - direct));
        tail[at] += float(rng.chance(0.5) ? amp : -amp) * 4.f;
    }
    lowpass2(tail, kRate, lowpass_hz);
    double energy = 0;
    for (float v : tail) energy += double(v) * v;
    const double want = std::pow(10.0, -drr_db / 10.0);  // reverberant energy relative to the direct path (1)
    const double g = energy > 0 ? std::sqrt(want / energy) : 0;
    for (size_t i = 0; i < n; ++i) h[i] = float(tail[i] * g);
    h[direct] += 1.f;
    return h;
}

std::vector<float> apply_room(const std::vector<float>& x, const std::vector<float>& response) {
    std::vector<float> y = convolve(x, response);
    y.resize(x.size());
    return y;
}

}  // namespace sctx::synth
