#include "dataset/synth/noise.h"

#include <algorithm>
#include <cmath>

#include "dataset/synth/fft.h"
#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"

namespace sctx::synth {

namespace {
constexpr double kTwoPi = 6.283185307179586;
}

void normalise_rms(std::vector<float>& x) {
    const double r = rms(x);
    if (r > 0) scale(x, 1.0 / r);
}

std::vector<float> coloured_noise(size_t n, double slope, bool bumps, Rng& rng) {
    const size_t size = next_pow2(std::max<size_t>(n, 1024));
    struct Bump {
        double centre_oct, width_oct, gain_db;
    };
    std::vector<Bump> resonances;
    if (bumps) {
        const int count = rng.integer(1, 4);
        for (int i = 0; i < count; ++i)
            resonances.push_back({std::log2(rng.uniform(80, 6000)), rng.uniform(0.3, 1.5), rng.uniform(-8, 8)});
    }
    std::vector<Complex> spec(size);
    for (size_t k = 1; k < size / 2; ++k) {
        const double f = double(k) * kRate / double(size);
        const double oct = std::log2(f / 1000.0);
        double db = slope * oct;
        for (const auto& b : resonances) {
            const double d = (std::log2(f) - b.centre_oct) / b.width_oct;
            db += b.gain_db * std::exp(-0.5 * d * d);
        }
        const double mag = db_to_gain(std::clamp(db, -60.0, 40.0));
        spec[k] = Complex(rng.normal(), rng.normal()) * mag;
        spec[size - k] = std::conj(spec[k]);
    }
    Fft::plan(size).inverse(spec);
    std::vector<float> out(n);
    for (size_t i = 0; i < n; ++i) out[i] = float(spec[i].real());
    highpass2(out, kRate, 20);
    normalise_rms(out);
    return out;
}

std::vector<float> room_tone(size_t n, Rng& rng) {
    std::vector<float> x = coloured_noise(n, rng.uniform(-7, -1), true, rng);
    highpass2(x, kRate, rng.uniform(25, 90));
    if (rng.chance(0.5)) lowpass2(x, kRate, rng.uniform(2500, 7500));
    normalise_rms(x);
    return x;
}

std::vector<float> hum(size_t n, Rng& rng) {
    const double f0 = rng.chance(0.5) ? 50.0 : 60.0;
    const bool buzz = rng.chance(0.35);  // rectified-supply buzz: rich in odd harmonics and up to kHz
    const int harmonics = buzz ? rng.integer(10, 40) : rng.integer(2, 8);
    std::vector<double> amp(size_t(harmonics) + 1), phase(size_t(harmonics) + 1);
    for (int h = 1; h <= harmonics; ++h) {
        double a = rng.uniform(0.1, 1.0) * std::pow(double(h), -rng.uniform(0.4, 1.4));
        if (buzz && h % 2 == 0) a *= 0.3;
        amp[size_t(h)] = a;
        phase[size_t(h)] = rng.uniform(0, kTwoPi);
    }
    const double wobble_hz = rng.uniform(0.05, 0.5), wobble = rng.uniform(0, 0.15);
    // 800 samples (50 ms) hold a whole number of 50 Hz and of 60 Hz periods: compute that once and repeat it.
    const size_t cycle = 800;
    std::vector<double> one(cycle, 0.0);
    for (size_t i = 0; i < cycle; ++i)
        for (int h = 1; h <= harmonics; ++h)
            one[i] += amp[size_t(h)] * std::sin(kTwoPi * f0 * h * double(i) / kRate + phase[size_t(h)]);
    std::vector<float> x(n);
    for (size_t i = 0; i < n; ++i)
        x[i] = float(one[i % cycle] * (1.0 + wobble * std::sin(kTwoPi * wobble_hz * double(i) / kRate)));
    normalise_rms(x);
    return x;
}

std::vector<float> ventilation(size_t n, Rng& rng) {
    std::vector<float> x = coloured_noise(n, rng.uniform(-9, -4), true, rng);
    lowpass2(x, kRate, rng.uniform(150, 700));
    normalise_rms(x);
    std::vector<float> hiss = coloured_noise(n, rng.uniform(-3, 0), false, rng);
    const double hiss_gain = db_to_gain(rng.uniform(-30, -12));
    for (size_t i = 0; i < n; ++i) x[i] += float(hiss[i] * hiss_gain);
    if (rng.chance(0.5)) {
        const double blade = rng.uniform(40, 250), depth = rng.uniform(0.02, 0.3);
        const double tone = db_to_gain(rng.uniform(-20, -6)), ph = rng.uniform(0, kTwoPi);
        for (size_t i = 0; i < n; ++i) {
            const double t = double(i) / kRate;
            x[i] += float(tone * (std::sin(kTwoPi * blade * t + ph) + 0.4 * std::sin(2 * kTwoPi * blade * t)) *
                          (1 + depth * std::sin(kTwoPi * 0.7 * t)));
        }
    }
    normalise_rms(x);
    return x;
}

std::vector<float> traffic(size_t n, Rng& rng) {
    std::vector<float> x = coloured_noise(n, -6, true, rng);
    lowpass2(x, kRate, rng.uniform(250, 1200));
    // Level envelope: a constant bed plus vehicles passing (Gaussian swells), centred anywhere near the clip.
    std::vector<double> env(n, rng.uniform(0.2, 0.6));
    const double seconds = double(n) / kRate;
    const int vehicles = rng.integer(0, 4);
    std::vector<float> engines(n, 0.f);
    for (int v = 0; v < vehicles; ++v) {
        const double centre = rng.uniform(-1.0, seconds + 1.0), width = rng.uniform(0.5, 2.0);
        const double amp = rng.uniform(0.5, 2.5);
        const bool tone = rng.chance(0.4);
        const double f = rng.uniform(25, 90), glide = rng.uniform(-0.15, 0.15);
        double phase = 0;
        for (size_t i = 0; i < n; ++i) {
            const double t = double(i) / kRate, d = (t - centre) / width, g = amp * std::exp(-0.5 * d * d);
            env[i] += g;
            if (tone) {
                phase += kTwoPi * f * (1 + glide * std::tanh(d)) / kRate;  // a pass-by's pitch drop
                engines[i] +=
                    float(0.3 * g * (std::sin(phase) + 0.5 * std::sin(2 * phase) + 0.25 * std::sin(3 * phase)));
            }
        }
    }
    // A broadband tyre hiss rides on the same envelope.
    std::vector<float> hiss = coloured_noise(n, -2, false, rng);
    highpass2(hiss, kRate, 1000);
    const double hiss_gain = db_to_gain(rng.uniform(-24, -10));
    for (size_t i = 0; i < n; ++i) x[i] = float((x[i] + hiss[i] * hiss_gain) * env[i] + engines[i]);
    normalise_rms(x);
    return x;
}

}  // namespace sctx::synth
