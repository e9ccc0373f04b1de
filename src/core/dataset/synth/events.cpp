#include "dataset/synth/events.h"

#include <algorithm>
#include <cmath>

#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"

namespace sctx::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586;

void normalise_peak(std::vector<float>& x) {
    const double p = peak(x);
    if (p > 0) scale(x, 1.0 / p);
}

// A ringing impact: a few damped partials plus a tiny noise burst, added at `at`.
void add_impact(std::vector<float>& x, size_t at, double amp, double f_lo, double f_hi, double decay_lo,
                double decay_hi, Rng& rng) {
    const int partials = rng.integer(2, 6);
    for (int p = 0; p < partials; ++p) {
        const double f = rng.uniform(f_lo, f_hi), tau = rng.uniform(decay_lo, decay_hi);
        const double a = amp * rng.uniform(0.3, 1.0), ph = rng.uniform(0, kTwoPi);
        const size_t len = size_t(std::min(5 * tau, 1.0) * kRate);
        for (size_t i = 0; i < len && at + i < x.size(); ++i) {
            const double t = double(i) / kRate;
            x[at + i] += float(a * std::exp(-t / tau) * std::sin(kTwoPi * f * t + ph));
        }
    }
    const size_t burst = size_t(rng.uniform(0.0005, 0.003) * kRate);
    for (size_t i = 0; i < burst && at + i < x.size(); ++i)
        x[at + i] += float(amp * 0.8 * rng.normal() * (1.0 - double(i) / double(burst)));
}

}  // namespace

std::vector<float> clicks(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const bool typing = rng.chance(0.5);
    const int count = typing ? rng.integer(3, 15) : rng.integer(1, 3);
    double t = rng.uniform(0, double(n) / kRate * 0.7);
    for (int c = 0; c < count; ++c) {
        const size_t at = size_t(t * kRate);
        if (at >= n) break;
        const double amp = rng.uniform(0.3, 1.0);
        add_impact(x, at, amp, 1500, 6000, 0.001, 0.006, rng);
        t += typing ? rng.lognormal(0.15, 0.5, 0.05, 0.6) : rng.uniform(0.2, 1.5);
    }
    highpass2(x, kRate, 400);
    normalise_peak(x);
    return x;
}

std::vector<float> thuds(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const bool steps = rng.chance(0.4);
    const int count = steps ? rng.integer(2, 6) : rng.integer(1, 2);
    double t = rng.uniform(0, double(n) / kRate * 0.8);
    for (int c = 0; c < count; ++c) {
        const size_t at = size_t(t * kRate);
        if (at >= n) break;
        add_impact(x, at, rng.uniform(0.5, 1.0), 40, 180, 0.02, 0.15, rng);
        t += steps ? rng.uniform(0.4, 0.7) : rng.uniform(0.3, 1.5);
    }
    lowpass2(x, kRate, rng.uniform(250, 900));  // heard through a wall or from far away
    normalise_peak(x);
    return x;
}

std::vector<float> rustle(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const int bursts = rng.integer(1, 3);
    for (int b = 0; b < bursts; ++b) {
        const double len = rng.uniform(0.15, 0.8);
        const size_t at = size_t(rng.uniform(0, std::max(0.0, double(n) / kRate - len)) * kRate);
        const size_t m = size_t(len * kRate);
        std::vector<float> burst(m);
        for (auto& v : burst) v = float(rng.normal());
        Biquad::bandpass(kRate, rng.uniform(1500, 5000), rng.uniform(0.5, 1.5)).apply(burst);
        // Crackle: the envelope flickers.
        double flick = 1;
        for (size_t i = 0; i < m && at + i < n; ++i) {
            if (i % 80 == 0) flick = rng.uniform(0.2, 1.0);
            const double e = std::sin(3.141592653589793 * double(i) / double(m));
            x[at + i] += float(burst[i] * e * flick);
        }
    }
    normalise_peak(x);
    return x;
}

std::vector<float> ticking(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const double period = rng.chance(0.6) ? 1.0 : 0.5;
    const double f = rng.uniform(2000, 5000);
    for (double t = rng.uniform(0, period); t * kRate < double(n); t += period)
        add_impact(x, size_t(t * kRate), 1.0, f * 0.9, f * 1.1, 0.002, 0.008, rng);
    normalise_peak(x);
    return x;
}

std::vector<float> clatter(size_t n, Rng& rng) {
    std::vector<float> x(n, 0.f);
    const double rate = rng.uniform(1, 8);
    double t = -std::log(1 - rng.uniform()) / rate;
    while (t * kRate < double(n)) {
        const bool metal = rng.chance(0.6);
        const double amp = db_to_gain(rng.uniform(-20, 0));
        if (metal)
            add_impact(x, size_t(t * kRate), amp, 2500, 7500, 0.008, 0.06, rng);
        else
            add_impact(x, size_t(t * kRate), amp, 800, 3500, 0.005, 0.05, rng);
        t += -std::log(1 - rng.uniform()) / rate;
    }
    highpass2(x, kRate, 300);
    normalise_peak(x);
    return x;
}

std::vector<float> quiet_event(size_t n, Rng& rng, std::string& kind) {
    switch (rng.weighted({0.3, 0.3, 0.2, 0.1, 0.1})) {
        case 0: kind = "clicks"; return clicks(n, rng);
        case 1: kind = "thuds"; return thuds(n, rng);
        case 2: kind = "rustle"; return rustle(n, rng);
        case 3: kind = "ticking"; return ticking(n, rng);
        default: kind = "clatter"; return clatter(n, rng);
    }
}

}  // namespace sctx::synth
