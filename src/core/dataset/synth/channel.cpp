#include "dataset/synth/channel.h"

#include <algorithm>
#include <cmath>

#include "audio/resampler.h"
#include "dataset/synth/codec.h"
#include "dataset/synth/fft.h"
#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"

namespace sctx::synth {

namespace {

// Feed-forward compressor with a peak envelope: an AGC or a phone's voice processing.
void compress(std::vector<float>& x, double threshold_db_below_peak, double ratio, double release_s) {
    const double p = peak(x);
    if (p <= 0) return;
    const double threshold = p * db_to_gain(-threshold_db_below_peak);
    const double attack = std::exp(-1.0 / (0.003 * kRate)), release = std::exp(-1.0 / (release_s * kRate));
    double env = 0;
    for (float& v : x) {
        const double a = std::fabs(v);
        env = a > env ? attack * env + (1 - attack) * a : release * env + (1 - release) * a;
        if (env > threshold) v = float(v * std::pow(env / threshold, 1.0 / ratio - 1.0));
    }
    const double q = peak(x);
    if (q > 0) scale(x, p / q);
}

// An input stage driven into saturation.
void soft_clip(std::vector<float>& x, double drive) {
    const double p = peak(x);
    if (p <= 0) return;
    const double norm = std::tanh(drive);
    for (float& v : x) v = float(p * std::tanh(drive * v / p) / norm);
}

std::vector<float> through_8k(const std::vector<float>& x, bool telephone, bool mulaw, Rng& rng) {
    std::vector<float> y = x;
    if (telephone) highpass4(y, kRate, rng.uniform(250, 350));
    std::vector<float> narrow = resample(y, kRate, 8000);
    if (telephone) lowpass4(narrow, 8000, rng.uniform(3300, 3500));
    if (mulaw) {
        // The line has its own level: quantise at a typical speech level, then undo it.
        const double p = peak(narrow);
        const double g = p > 0 ? db_to_gain(rng.uniform(-12, -2)) / p : 1;
        scale(narrow, g);
        mulaw_quantise(narrow);
        scale(narrow, 1.0 / g);
    }
    std::vector<float> back = resample(narrow, 8000, kRate);
    back.resize(x.size(), 0.f);
    return back;
}

}  // namespace

std::string ChannelInfo::describe() const {
    std::string s = band == "real-codec" ? codec : band;
    if (mulaw) s += "+mulaw";
    if (compressed) s += "+compressed";
    if (clipped) s += "+clipped";
    return s;
}

void mulaw_quantise(std::vector<float>& x) {
    const double mu = 255.0, norm = std::log1p(mu);
    for (float& v : x) {
        const double c = std::clamp(double(v), -1.0, 1.0);
        const double y = std::copysign(std::log1p(mu * std::fabs(c)) / norm, c);
        const double q = std::round(y * 127.0) / 127.0;  // 8 bits: sign + 7
        v = float(std::copysign((std::pow(1.0 + mu, std::fabs(q)) - 1.0) / mu, q));
    }
}

void codec_artifacts(std::vector<float>& x, double floor_db, double step_db, double cutoff_hz) {
    const size_t frame = 512, hop = 256;
    std::vector<double> window(frame);
    // sqrt-Hann analysis and synthesis windows: at 50% overlap their product sums to one.
    for (size_t i = 0; i < frame; ++i) window[i] = std::sin(3.141592653589793 * (double(i) + 0.5) / double(frame));
    std::vector<float> out(x.size() + frame, 0.f);
    const Fft& fft = Fft::plan(frame);
    const size_t cutoff_bin = size_t(cutoff_hz / kRate * double(frame));
    std::vector<Complex> buf(frame);
    for (long start = -long(hop); start < long(x.size()); start += long(hop)) {
        for (size_t i = 0; i < frame; ++i) {
            const long j = start + long(i);
            buf[i] = (j >= 0 && size_t(j) < x.size()) ? Complex(x[size_t(j)] * window[i], 0) : Complex(0, 0);
        }
        fft.forward(buf);
        double strongest = 0;
        for (size_t k = 0; k <= frame / 2; ++k) strongest = std::max(strongest, std::abs(buf[k]));
        const double floor = strongest * db_to_gain(-floor_db);
        for (size_t k = 0; k <= frame / 2; ++k) {
            const double m = std::abs(buf[k]);
            Complex v(0, 0);
            if (k < cutoff_bin && m > floor && m > 0) {
                const double db = std::round(gain_to_db(m) / step_db) * step_db;
                v = buf[k] * (db_to_gain(db) / m);
            }
            buf[k] = v;
            if (k > 0 && k < frame / 2) buf[frame - k] = std::conj(v);
        }
        fft.inverse(buf);
        for (size_t i = 0; i < frame; ++i) {
            const long j = start + long(i);
            if (j >= 0 && size_t(j) < out.size()) out[size_t(j)] += float(buf[i].real() * window[i]);
        }
    }
    out.resize(x.size());
    x = std::move(out);
}

ChannelInfo apply_channel(std::vector<float>& x, Rng& rng) {
    ChannelInfo info;
    // Microphone: a low cut and a gentle tilt.
    info.highpass_hz = rng.uniform(40, 160);
    highpass2(x, kRate, info.highpass_hz);
    Biquad::lowshelf(kRate, rng.uniform(150, 400), rng.uniform(-4, 4)).apply(x);
    Biquad::highshelf(kRate, rng.uniform(2000, 5000), rng.uniform(-5, 4)).apply(x);
    if (rng.chance(0.35)) {
        info.compressed = true;
        compress(x, rng.uniform(8, 24), rng.uniform(2, 6), rng.uniform(0.05, 0.3));
    }
    if (rng.chance(0.1)) {
        info.clipped = true;
        soft_clip(x, rng.uniform(1.5, 4));
    }
    switch (rng.weighted({0.20, 0.12, 0.14, 0.14, 0.05, 0.35})) {
        case 0:
            info.band = "wide";
            if (rng.chance(0.5)) lowpass2(x, kRate, rng.uniform(7000, 7900));
            break;
        case 1:
            info.band = "7k";
            lowpass4(x, kRate, rng.uniform(6000, 7200));
            break;
        case 2:
            info.band = "4k";
            x = through_8k(x, false, false, rng);
            break;
        case 3:
            info.band = "phone";
            info.mulaw = rng.chance(0.6);
            x = through_8k(x, true, info.mulaw, rng);
            break;
        case 4:
            info.band = "codec";
            codec_artifacts(x, rng.uniform(28, 45), rng.uniform(1.5, 4), rng.uniform(4500, 7500));
            break;
        default: {
            const CodecSetting codec = random_codec(rng);
            info.band = "real-codec";
            info.codec = codec.describe();
            // Telephone codecs sit behind the telephone band's filters, as on a real line.
            const bool telephone = codec.rate == 8000 && codec.encoder != "libcodec2" && codec.encoder != "libspeex";
            if (telephone) {
                highpass4(x, kRate, rng.uniform(250, 350));
                lowpass4(x, kRate, rng.uniform(3300, 3500));
            }
            // The codec works at a speech level of its own, like a phone's line level.
            const double p = peak(x);
            const double g = p > 0 ? db_to_gain(rng.uniform(-12, -3)) / p : 1;
            scale(x, g);
            try {
                x = through_codec(x, codec);
            } catch (const std::exception&) {
                // A codec this FFmpeg lacks: the look-alike stands in, so the clip is still made.
                info.band = "codec";
                info.codec.clear();
                codec_artifacts(x, rng.uniform(28, 45), rng.uniform(1.5, 4), 3800);
            }
            scale(x, 1.0 / g);
            break;
        }
    }
    return info;
}

}  // namespace sctx::synth
