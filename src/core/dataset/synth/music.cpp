#include "dataset/synth/music.h"

#include <cmath>

#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"
#include "dataset/synth/noise.h"

namespace sctx::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586;

double midi_hz(double note) { return 440.0 * std::pow(2.0, (note - 69.0) / 12.0); }

// One note: harmonic partials 1/h, an attack, and either a decay (plucked) or a sustain.
void add_note(std::vector<float>& x, double start_s, double length_s, double hz, double amp, bool plucked,
              int partials) {
    const long at = long(start_s * kRate);
    const size_t len = size_t(length_s * kRate);
    const double tau = plucked ? 0.25 + 60.0 / hz : 10.0;
    for (size_t i = 0; i < len; ++i) {
        const long j = at + long(i);
        if (j < 0) continue;
        if (size_t(j) >= x.size()) break;
        const double t = double(i) / kRate;
        const double attack = std::min(1.0, t / (plucked ? 0.004 : 0.06));
        const double release = std::min(1.0, double(len - i) / (0.03 * kRate));
        double v = 0;
        for (int h = 1; h <= partials; ++h) {
            if (hz * h > 7000) break;
            v += std::sin(kTwoPi * hz * h * t) / h;
        }
        x[size_t(j)] += float(amp * attack * release * std::exp(-t / tau) * v);
    }
}

}  // namespace

std::vector<float> music(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const double beat = 60.0 / rng.uniform(70, 140);
    const int root = rng.integer(45, 57);
    const bool minor = rng.chance(0.4);
    const int scale_major[7] = {0, 2, 4, 5, 7, 9, 11}, scale_minor[7] = {0, 2, 3, 5, 7, 8, 10};
    const int* scale = minor ? scale_minor : scale_major;
    const int degrees[4] = {0, rng.integer(1, 6), rng.integer(1, 6), rng.integer(1, 6)};
    const double seconds = double(n) / kRate;
    const double offset = -rng.uniform(0, 4 * beat);  // the clip starts anywhere within a bar
    const bool pad = rng.chance(0.6), pluck = rng.chance(0.6), bass = rng.chance(0.6), drums = rng.chance(0.5);
    const int pad_partials = rng.integer(3, 8), pluck_partials = rng.integer(4, 12);
    for (int bar = 0; offset + bar * 4 * beat < seconds; ++bar) {
        const int d = degrees[bar % 4];
        const double bar_start = offset + bar * 4 * beat;
        int chord[3];
        for (int k = 0; k < 3; ++k) {
            const int idx = d + 2 * k;
            chord[k] = root + 12 + scale[idx % 7] + 12 * (idx / 7);
        }
        if (pad || (!pluck && !bass))
            for (int k = 0; k < 3; ++k) add_note(x, bar_start, 4 * beat, midi_hz(chord[k]), 0.25, false, pad_partials);
        if (pluck)
            for (int e = 0; e < 8; ++e)
                add_note(x, bar_start + e * beat / 2, beat, midi_hz(chord[e % 3] + (e >= 4 ? 12 : 0)), 0.3, true,
                         pluck_partials);
        if (bass)
            for (int b = 0; b < 4; ++b)
                add_note(x, bar_start + b * beat, beat * 0.9, midi_hz(root + scale[d % 7] - 12), 0.5, true, 4);
        if (drums)
            for (int b = 0; b < 8; ++b) {
                const long at = long((bar_start + b * beat / 2) * kRate);
                const bool kick = b % 4 == 0, snare = b % 4 == 2;
                for (size_t i = 0; i < size_t(0.15 * kRate); ++i) {
                    const long j = at + long(i);
                    if (j < 0 || size_t(j) >= n) continue;
                    const double t = double(i) / kRate;
                    double v = 0.15 * rng.normal() * std::exp(-t / 0.01);  // hi-hat
                    if (kick) v += 0.9 * std::sin(kTwoPi * (50 + 80 * std::exp(-t / 0.02)) * t) * std::exp(-t / 0.06);
                    if (snare) v += 0.4 * rng.normal() * std::exp(-t / 0.04);
                    x[size_t(j)] += float(v);
                }
            }
    }
    // A small loudspeaker: no deep bass, soft top.
    highpass2(x, kRate, rng.uniform(80, 250));
    lowpass2(x, kRate, rng.uniform(3500, 7500));
    normalise_rms(x);
    return x;
}

}  // namespace sctx::synth
