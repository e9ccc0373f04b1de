#pragma once
// Second-order IIR sections (the RBJ "Audio EQ Cookbook" formulas) and the few filter shapes the generator
// uses: microphone roll-offs, band limits of a channel, voice colour, noise colour. Frequencies in Hz.
#include <vector>

namespace sctx::synth {

class Biquad {
public:
    static Biquad lowpass(double rate, double freq, double q = 0.7071);
    static Biquad highpass(double rate, double freq, double q = 0.7071);
    static Biquad bandpass(double rate, double freq, double q);  ///< 0 dB peak gain
    static Biquad peaking(double rate, double freq, double q, double gain_db);
    static Biquad lowshelf(double rate, double freq, double gain_db);
    static Biquad highshelf(double rate, double freq, double gain_db);

    float process(float x) {
        const double y = b0_ * x + z1_;
        z1_ = b1_ * x - a1_ * y + z2_;
        z2_ = b2_ * x - a2_ * y;
        return float(y);
    }
    void apply(std::vector<float>& x) {
        for (float& v : x) v = process(v);
    }

private:
    Biquad(double b0, double b1, double b2, double a0, double a1, double a2);
    double b0_, b1_, b2_, a1_, a2_;
    double z1_ = 0, z2_ = 0;
};

/// 4th-order Butterworth (two sections): steep enough for a channel's band edge.
void lowpass4(std::vector<float>& x, double rate, double freq);
void highpass4(std::vector<float>& x, double rate, double freq);
/// 2nd order, for gentle shaping.
void lowpass2(std::vector<float>& x, double rate, double freq);
void highpass2(std::vector<float>& x, double rate, double freq);

}  // namespace sctx::synth
