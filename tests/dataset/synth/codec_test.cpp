// Real codecs in the recording channel: every codec the generator draws encodes and decodes in-process, keeps the
// length and the timing (its look-ahead is undone), and keeps the voice's band while removing what it cannot carry.
#include "dataset/synth/codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "util/random.h"

using namespace sctx::synth;

namespace {

// Voiced bursts (a 150 Hz buzz with harmonics to 7 kHz) with silences between: timing errors show at once.
std::vector<float> bursts() {
    std::vector<float> x(56000, 0.f);
    for (size_t start = 4000; start + 6000 < x.size(); start += 12000)
        for (size_t i = 0; i < 6000; ++i) {
            double v = 0;
            for (int h = 1; h * 150 < 7000; ++h) v += std::sin(2 * M_PI * 150 * h * double(i) / 16000) / h;
            x[start + i] = float(0.2 * v * std::sin(M_PI * double(i) / 6000));
        }
    return x;
}

double correlation_at(const std::vector<float>& a, const std::vector<float>& b, long lag) {
    double ab = 0, aa = 0, bb = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        const long j = long(i) + lag;
        if (j < 0 || size_t(j) >= b.size()) continue;
        ab += double(a[i]) * b[size_t(j)], aa += double(a[i]) * a[i], bb += double(b[size_t(j)]) * b[size_t(j)];
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0;
}

// Correlation of the envelopes (20 ms RMS), which survives what codecs do to the waveform's phase.
std::vector<float> envelope(const std::vector<float>& x) {
    std::vector<float> e(x.size() / 160);
    for (size_t f = 0; f < e.size(); ++f) {
        double s = 0;
        for (size_t i = f * 160; i < std::min(x.size(), f * 160 + 320); ++i) s += double(x[i]) * x[i];
        e[f] = float(std::sqrt(s / 320));
    }
    return e;
}

}  // namespace

TEST(Codecs, EveryDrawnCodecRoundTripsInTimeAndLength) {
    const std::vector<float> x = bursts();
    sctx::Rng rng(3);
    std::set<std::string> seen;
    for (int i = 0; i < 300; ++i) {
        const CodecSetting c = random_codec(rng);
        if (!seen.insert(c.encoder).second) continue;
        SCOPED_TRACE(c.describe());
        ASSERT_TRUE(codec_available(c)) << "Debian's FFmpeg has every codec the generator draws";
        const std::vector<float> y = through_codec(x, c);
        ASSERT_EQ(y.size(), x.size());
        const auto ex = envelope(x), ey = envelope(y);
        // In step: the envelopes match best with no shift (10 ms steps), and closely.
        const double at0 = correlation_at(ex, ey, 0);
        EXPECT_GT(at0, 0.85);
        for (long lag : {-3L, -2L, 2L, 3L}) EXPECT_GT(at0, correlation_at(ex, ey, lag)) << "lag " << lag;
    }
    EXPECT_GE(seen.size(), 10u);  // G.711 mu/A, GSM, G.726, G.722, Opus, codec2, MP3, Speex, Vorbis, AAC
}

TEST(Codecs, NarrowbandCodecsRemoveTheHighBand) {
    const std::vector<float> x = bursts();
    const std::vector<float> y = through_codec(x, {"libgsm", 8000, 0, {}, {}});
    // Power at the buzz's harmonics above 4.2 kHz (Goertzel): the input has them, an 8 kHz codec cannot.
    auto high = [](const std::vector<float>& s) {
        double e = 0;
        for (int h = 29; h * 150 < 7000; ++h) {
            const double w = 2 * M_PI * 150 * h / 16000, k = 2 * std::cos(w);
            double s1 = 0, s2 = 0;
            for (float v : s) {
                const double s0 = v + k * s1 - s2;
                s2 = s1, s1 = s0;
            }
            e += s1 * s1 + s2 * s2 - k * s1 * s2;
        }
        return e;
    };
    EXPECT_LT(high(y), 0.01 * high(x));
}

TEST(Codecs, AnUnknownEncoderIsAClearError) {
    try {
        through_codec(bursts(), {"no-such-codec", 8000, 0, {}, {}});
        FAIL() << "expected an error";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("no-such-codec"), std::string::npos) << e.what();
    }
}
