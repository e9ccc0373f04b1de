// Bad files give a result with a clear reason, never an exception or a crash, and never stop the next file.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "audio/wav_writer.h"
#include "classify/classifier.h"
#include "model_fixture.h"
#include "wav_bytes.h"

namespace {

using sctx::test::untrained_model;
using sctx::test::write_file;

class BadInput : public ::testing::Test {
protected:
    sctx::FileResult classify(const std::string& name, const std::string& bytes) {
        write_file(dir_.file(name), bytes);
        return classifier_.classify_file(dir_.file(name));
    }
    void expect_error(const sctx::FileResult& r, const std::string& reason_part) {
        EXPECT_FALSE(r.ok);
        EXPECT_NE(r.error.find(reason_part), std::string::npos) << "reason was: " << r.error;
        EXPECT_EQ(r.error.find('\n'), std::string::npos) << "one line: " << r.error;
    }
    sctx::test::TempDir dir_;
    sctx::Classifier classifier_{untrained_model()};
};

TEST_F(BadInput, EmptyFile) { expect_error(classify("empty.wav", ""), "empty file"); }

TEST_F(BadInput, TextRenamedToAudio) {
    for (const char* name : {"text.wav", "text.mp3", "text.m4a", "text.flac", "text.ogg"})
        expect_error(classify(name, "This is not audio at all, just a note somebody renamed.\n"),
                     "not a readable audio file");
}

TEST_F(BadInput, HeaderTruncatedAtEveryOffset) {
    const std::string full = sctx::test::wav_bytes({}, std::string(3200, '\x01'));
    for (size_t cut = 1; cut <= 44; ++cut) {
        const auto r = classify("cut.wav", full.substr(0, cut));
        EXPECT_FALSE(r.ok) << "cut at " << cut;
        EXPECT_FALSE(r.error.empty()) << "cut at " << cut;
    }
}

TEST_F(BadInput, ZeroLengthAudio) {
    expect_error(classify("zero.wav", sctx::test::wav_bytes({}, "")), "no audio samples");
}

TEST_F(BadInput, NanAndInfSamples) {
    std::vector<float> s = sctx::test::tone(440, 1.0);
    s[8000] = std::numeric_limits<float>::quiet_NaN();
    sctx::test::WavHeader h;
    h.format = 3;
    h.bits = 32;
    expect_error(classify("nan.wav", sctx::test::wav_bytes(h, sctx::test::float_payload(s))), "NaN or infinite");
    s[8000] = 0;
    s[100] = std::numeric_limits<float>::infinity();
    expect_error(classify("inf.wav", sctx::test::wav_bytes(h, sctx::test::float_payload(s))), "NaN or infinite");
}

TEST_F(BadInput, HostileHeaderNumbers) {
    const std::string payload(64000, '\0');
    sctx::test::WavHeader many;
    many.channels = 65535;
    EXPECT_FALSE(classify("channels.wav", sctx::test::wav_bytes(many, payload)).ok);
    sctx::test::WavHeader zero_rate;
    zero_rate.rate = 0;
    EXPECT_FALSE(classify("rate0.wav", sctx::test::wav_bytes(zero_rate, payload)).ok);
    sctx::test::WavHeader huge_rate;
    huge_rate.rate = 4000000000u;
    EXPECT_FALSE(classify("rate4g.wav", sctx::test::wav_bytes(huge_rate, payload)).ok);
}

TEST_F(BadInput, AFolderOrAMissingFile) {
    std::filesystem::create_directories(dir_.path() / "dir.wav");
    EXPECT_FALSE(classifier_.classify_file(dir_.file("dir.wav")).ok);
    const auto r = classifier_.classify_file(dir_.file("nope.wav"));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("No such file"), std::string::npos) << r.error;
}

TEST_F(BadInput, AudioShorterThanOneFftFrameIsPaddedAndClassified) {
    sctx::write_wav(dir_.file("tiny.wav"), sctx::test::tone(440, 0.01), 16000);  // 160 samples < n_fft
    const auto r = classifier_.classify_file(dir_.file("tiny.wav"));
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.windows, 1);
}

TEST_F(BadInput, TheNextFileStillWorks) {
    classify("empty.wav", "");
    sctx::write_wav(dir_.file("good.wav"), sctx::test::tone(440, 1.0), 16000);
    EXPECT_TRUE(classifier_.classify_file(dir_.file("good.wav")).ok);
}

}  // namespace

namespace {

TEST_F(BadInput, AHeaderPromisingMoreDataThanTheFileHolds) {
    sctx::test::WavHeader h;
    h.data_size = 10000000;  // 312 s claimed, 1 s present: a half-copied file
    const auto r = classify("half.wav", sctx::test::wav_bytes(h, std::string(32000, '\x02')));
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("truncated file"), std::string::npos) << r.error;
}

TEST_F(BadInput, AStreamingRecordersPlaceholderSizeIsNotAnError) {
    sctx::test::WavHeader h;
    h.data_size = 0xFFFFFFFFll;
    const auto r = classify("stream.wav", sctx::test::wav_bytes(h, std::string(32000, '\x02')));
    EXPECT_TRUE(r.ok) << r.error;
}

}  // namespace
