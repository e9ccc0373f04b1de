#include "dataset/synth/filters.h"

#include <algorithm>
#include <cmath>

namespace sctx::synth {

namespace {
constexpr double kTwoPi = 6.283185307179586;
// Keep the corner below Nyquist: a filter asked for 8 kHz at 16 kHz would be unstable.
double safe_freq(double rate, double f) { return std::clamp(f, 1.0, rate * 0.49); }
}  // namespace

Biquad::Biquad(double b0, double b1, double b2, double a0, double a1, double a2)
    : b0_(b0 / a0), b1_(b1 / a0), b2_(b2 / a0), a1_(a1 / a0), a2_(a2 / a0) {}

Biquad Biquad::lowpass(double rate, double freq, double q) {
    const double w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w), alpha = std::sin(w) / (2 * q);
    return Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

Biquad Biquad::highpass(double rate, double freq, double q) {
    const double w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w), alpha = std::sin(w) / (2 * q);
    return Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
}

Biquad Biquad::bandpass(double rate, double freq, double q) {
    const double w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w), alpha = std::sin(w) / (2 * q);
    return Biquad(alpha, 0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
}

Biquad Biquad::peaking(double rate, double freq, double q, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40), w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w);
    const double alpha = std::sin(w) / (2 * q);
    return Biquad(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
}

Biquad Biquad::lowshelf(double rate, double freq, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40), w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w);
    const double alpha = std::sin(w) / 2 * std::sqrt(2.0), sa = 2 * std::sqrt(a) * alpha;
    return Biquad(a * ((a + 1) - (a - 1) * c + sa), 2 * a * ((a - 1) - (a + 1) * c), a * ((a + 1) - (a - 1) * c - sa),
                  (a + 1) + (a - 1) * c + sa, -2 * ((a - 1) + (a + 1) * c), (a + 1) + (a - 1) * c - sa);
}

Biquad Biquad::highshelf(double rate, double freq, double gain_db) {
    const double a = std::pow(10.0, gain_db / 40), w = kTwoPi * safe_freq(rate, freq) / rate, c = std::cos(w);
    const double alpha = std::sin(w) / 2 * std::sqrt(2.0), sa = 2 * std::sqrt(a) * alpha;
    return Biquad(a * ((a + 1) + (a - 1) * c + sa), -2 * a * ((a - 1) + (a + 1) * c), a * ((a + 1) + (a - 1) * c - sa),
                  (a + 1) - (a - 1) * c + sa, 2 * ((a - 1) - (a + 1) * c), (a + 1) - (a - 1) * c - sa);
}

void lowpass4(std::vector<float>& x, double rate, double freq) {
    Biquad::lowpass(rate, freq, 0.5412).apply(x);
    Biquad::lowpass(rate, freq, 1.3066).apply(x);
}

void highpass4(std::vector<float>& x, double rate, double freq) {
    Biquad::highpass(rate, freq, 0.5412).apply(x);
    Biquad::highpass(rate, freq, 1.3066).apply(x);
}

void lowpass2(std::vector<float>& x, double rate, double freq) { Biquad::lowpass(rate, freq).apply(x); }
void highpass2(std::vector<float>& x, double rate, double freq) { Biquad::highpass(rate, freq).apply(x); }

}  // namespace sctx::synth
