// Real files in every container we accept, made with the ffmpeg program, read back through our decoders.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "audio/audio_decoder.h"
#include "audio/audio_stream.h"
#include "audio/wav_writer.h"
#include "test_support.h"

namespace {

using sctx::test::quote;
using sctx::test::run;

std::vector<float> read_native(const std::string& path, sctx::AudioInfo* info = nullptr) {
    auto dec = sctx::open_audio_file(path);
    if (info) *info = dec->info();
    std::vector<float> out, buf(4096);
    size_t n;
    while ((n = dec->read_mono(buf.data(), buf.size())) > 0) out.insert(out.end(), buf.begin(), buf.begin() + long(n));
    return out;
}

// Correlation of a and b shifted by lag (b[i + lag] against a[i]).
double correlation(const std::vector<float>& a, const std::vector<float>& b, int lag) {
    double ab = 0, aa = 0, bb = 0;
    for (size_t i = 200; i + 200 < a.size(); ++i) {
        const long j = long(i) + lag;
        if (j < 0 || size_t(j) >= b.size()) continue;
        ab += double(a[i]) * b[size_t(j)];
        aa += double(a[i]) * a[i];
        bb += double(b[size_t(j)]) * b[size_t(j)];
    }
    return ab / std::sqrt(aa * bb + 1e-30);
}

int best_lag(const std::vector<float>& a, const std::vector<float>& b, int range) {
    int best = 0;
    double best_c = -2;
    for (int lag = -range; lag <= range; ++lag) {
        const double c = correlation(a, b, lag);
        if (c > best_c) best_c = c, best = lag;
    }
    return best;
}

class Decoding : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(sctx::test::have_program("ffmpeg")) << "the ffmpeg program makes the test files";
        // Speech-like test signal: a gliding tone plus a steady one, 2 s at 16 kHz.
        source_.resize(32000);
        for (size_t i = 0; i < source_.size(); ++i) {
            const double t = double(i) / 16000;
            source_[i] =
                float(0.25 * std::sin(2 * M_PI * (200 * t + 300 * t * t)) + 0.15 * std::sin(2 * M_PI * 1000 * t));
        }
        src_ = dir_.file("source.wav");
        sctx::write_wav(src_, source_, 16000);
    }

    std::string convert(const std::string& name, const std::string& args) {
        const std::string out = dir_.file(name);
        auto r =
            run("ffmpeg -hide_banner -loglevel error -y -i " + quote(src_) + " " + args + " " + quote(out) + " 2>&1");
        EXPECT_EQ(r.status, 0) << r.out;
        return out;
    }

    sctx::test::TempDir dir_;
    std::string src_;
    std::vector<float> source_;
};

struct LosslessCase {
    const char* name;
    const char* args;
    double tolerance;
};

TEST_F(Decoding, EveryWavSampleTypeAndFlacThroughLibsndfile) {
    const LosslessCase cases[] = {{"u8.wav", "-c:a pcm_u8", 1.0 / 64},   {"s16.wav", "-c:a pcm_s16le", 1e-4},
                                  {"s24.wav", "-c:a pcm_s24le", 1e-4},   {"s32.wav", "-c:a pcm_s32le", 1e-4},
                                  {"f32.wav", "-c:a pcm_f32le", 1e-4},   {"alaw.wav", "-c:a pcm_alaw", 0.02},
                                  {"mulaw.wav", "-c:a pcm_mulaw", 0.02}, {"x.flac", "-c:a flac", 1e-4}};
    for (const auto& c : cases) {
        sctx::AudioInfo info;
        const auto got = read_native(convert(c.name, c.args), &info);
        EXPECT_EQ(info.decoder, "libsndfile") << c.name;
        EXPECT_EQ(info.sample_rate, 16000) << c.name;
        ASSERT_EQ(got.size(), source_.size()) << c.name;
        double worst = 0;
        for (size_t i = 0; i < got.size(); ++i) worst = std::max(worst, double(std::fabs(got[i] - source_[i])));
        EXPECT_LT(worst, c.tolerance) << c.name << " (" << info.format << ")";
    }
}

TEST_F(Decoding, LossyFormatsLineUpWithTheSource) {
    struct Lossy {
        const char* name;
        const char* args;
        const char* decoder;
    };
    const Lossy cases[] = {{"x.ogg", "-c:a libvorbis -q:a 6", "libsndfile"},
                           {"x.mp3", "-c:a libmp3lame -b:a 128k", "libsndfile"},
                           {"x.m4a", "-c:a aac -b:a 128k", "ffmpeg"}};
    for (const auto& c : cases) {
        sctx::AudioInfo info;
        const auto got = read_native(convert(c.name, c.args), &info);
        EXPECT_EQ(info.decoder, c.decoder) << c.name;
        EXPECT_EQ(info.sample_rate, 16000) << c.name;
        // Encoder delay (priming) must be removed: the decoded audio starts where the source starts.
        EXPECT_LE(std::abs(best_lag(source_, got, 3000)), 2) << c.name << " is shifted against the source";
        EXPECT_GT(correlation(source_, got, 0), 0.97) << c.name;
        EXPECT_NEAR(double(got.size()), double(source_.size()), 1200.0) << c.name;
    }
}

TEST_F(Decoding, AacEndPaddingIsTrimmedToTheContainersDuration) {
    const auto got = read_native(convert("trim.m4a", "-c:a aac -b:a 96k"));
    EXPECT_NEAR(double(got.size()), double(source_.size()), 2.0);
}

TEST_F(Decoding, ChannelsAreAveragedAsLibrosaDoes) {
    // Left = the source, right = silence: the mono mix is half the source (FFmpeg's default would be 1/sqrt(2)).
    const std::string stereo = dir_.file("stereo.wav");
    auto r = run("ffmpeg -hide_banner -loglevel error -y -i " + quote(src_) +
                 " -af 'pan=stereo|c0=c0|c1=0*c0' -c:a pcm_s16le " + quote(stereo) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto got = read_native(stereo);
    ASSERT_EQ(got.size(), source_.size());
    for (size_t i = 0; i < got.size(); i += 97) EXPECT_NEAR(got[i], source_[i] / 2, 1e-4);
    const std::string m4a = dir_.file("stereo.m4a");
    r = run("ffmpeg -hide_banner -loglevel error -y -i " + quote(stereo) + " -c:a aac -b:a 192k " + quote(m4a) +
            " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto aac = read_native(m4a);
    double src_rms = 0, got_rms = 0;
    for (size_t i = 0; i < std::min(aac.size(), source_.size()); ++i)
        src_rms += source_[i] * source_[i], got_rms += aac[i] * aac[i];
    EXPECT_NEAR(std::sqrt(got_rms / src_rms), 0.5, 0.03) << "FFmpeg path must average channels too";
}

TEST_F(Decoding, AnyRateIsResampledTo16kWithLibrosasLength) {
    const std::string hi = convert("44k.wav", "-ar 44100 -c:a pcm_s16le");
    sctx::AudioStream stream = sctx::AudioStream::open(hi, 16000);
    EXPECT_EQ(stream.source_info().sample_rate, 44100);
    const std::vector<float> got = sctx::read_all(stream);
    const size_t native = read_native(hi).size();
    EXPECT_EQ(got.size(), size_t(std::ceil(double(native) * 16000 / 44100)));
    EXPECT_GT(correlation(source_, got, best_lag(source_, got, 50)), 0.99);
}

TEST_F(Decoding, LongFilesStreamInBlocksThroughTheSameCode) {
    // 10 minutes at 8 kHz (made by looping): the stream hands out blocks without reading the whole file first.
    const std::string long_wav = dir_.file("long.wav");
    auto r = run("ffmpeg -hide_banner -loglevel error -y -stream_loop 299 -i " + quote(src_) +
                 " -ar 8000 -c:a pcm_s16le " + quote(long_wav) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    sctx::AudioStream stream = sctx::AudioStream::open(long_wav, 16000);
    std::vector<float> block(4096);
    size_t total = 0, n;
    while ((n = stream.read(block.data(), block.size())) > 0) total += n;
    EXPECT_EQ(total, size_t(600 * 16000));
}

TEST_F(Decoding, FromMemoryGivesTheSameSamplesAsFromFile) {
    for (const char* name : {"mem.flac", "mem.m4a"}) {
        const std::string path =
            convert(name, std::string(name).find("flac") != std::string::npos ? "-c:a flac" : "-c:a aac");
        const std::string bytes = sctx::test::read_file(path);
        auto dec = sctx::open_audio_memory(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        std::vector<float> mem(200000);
        size_t got = 0, n;
        while ((n = dec->read_mono(mem.data() + got, mem.size() - got)) > 0) got += n;
        mem.resize(got);
        EXPECT_EQ(mem, read_native(path)) << name;
    }
}

}  // namespace
