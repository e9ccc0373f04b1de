// Parity with librosa 0.11.0: reference values in tests/parity/data were computed by librosa itself
// (tests/parity/make_reference.py). Both FFT back ends must match within 0.01 dB.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "audio/audio_stream.h"
#include "features/log_mel.h"
#include "features/real_fft.h"
#include "util/npy.h"

namespace {

const std::string kData = SOCIALCTX_PARITY_DATA;
constexpr double kToleranceDb = 0.01;

std::vector<float> first_window(const std::string& wav) {
    std::vector<float> y = sctx::load_audio(kData + "/" + wav, 16000);
    y.resize(48000, 0.f);  // the original: y[:48000], zero-padded at the end when shorter
    return y;
}

double max_abs_diff(const std::vector<float>& a, const std::vector<float>& b) {
    EXPECT_EQ(a.size(), b.size());
    double m = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) m = std::max(m, double(std::fabs(a[i] - b[i])));
    return m;
}

class LibrosaParity : public ::testing::TestWithParam<std::string> {};

TEST_P(LibrosaParity, LogMelMatchesLibrosaWithin001Db) {
    const std::string name = GetParam();
    const sctx::NpyArray ref = sctx::read_npy(kData + "/" + name + ".logmel.npy");
    ASSERT_EQ(ref.shape, (std::vector<size_t>{128, 188}));
    sctx::LogMelSpectrogram mel(sctx::MelParams{});
    const std::vector<float> got = mel.compute(first_window(name + ".wav"));
    EXPECT_LT(max_abs_diff(got, ref.data), kToleranceDb) << name << " with " << sctx::RealFft::backend_name();
}

// speech, tone, noise, chirp; short is a 0.8 s clip zero-padded to 3 s; resample is a 22.05 kHz stereo file that
// goes through the channel mean and soxr HQ first.
INSTANTIATE_TEST_SUITE_P(Cases, LibrosaParity,
                         ::testing::Values("speech", "tone", "noise", "chirp", "short", "resample"));

TEST(LibrosaParityDetails, MelFilterbankEqualsLibrosas) {
    const sctx::NpyArray ref = sctx::read_npy(kData + "/mel_basis.npy");
    sctx::MelFilterbank bank(16000, 1024, 128, 0.0, 8000.0);
    ASSERT_EQ(ref.shape, (std::vector<size_t>{128, 513}));
    for (size_t i = 0; i < ref.data.size(); ++i)
        ASSERT_NEAR(bank.weights()[i], ref.data[i], 1e-6 * std::max(1.f, std::fabs(ref.data[i]))) << "weight " << i;
}

TEST(LibrosaParityDetails, DbReferenceOneIsLibrosasDefault) {
    const sctx::NpyArray ref = sctx::read_npy(kData + "/speech.logmel_ref1.npy");
    sctx::MelParams p;
    p.ref = sctx::DbReference::One;
    const std::vector<float> got = sctx::LogMelSpectrogram(p).compute(first_window("speech.wav"));
    EXPECT_LT(max_abs_diff(got, ref.data), kToleranceDb);
}

TEST(LibrosaParityDetails, ResampledSamplesMatchSoxrHq) {
    const sctx::NpyArray ref = sctx::read_npy(kData + "/resample.resampled.npy");
    const std::vector<float> got = sctx::load_audio(kData + "/resample.wav", 16000);
    ASSERT_EQ(got.size(), ref.data.size()) << "librosa's length rule: ceil(n * 16000 / 22050)";
    EXPECT_LT(max_abs_diff(got, ref.data), 1e-5);
}

TEST(LibrosaParityDetails, WindowsOfALongRecordingMatch) {
    const sctx::NpyArray ref = sctx::read_npy(kData + "/long.logmel_windows.npy");
    ASSERT_EQ(ref.shape, (std::vector<size_t>{4, 128, 188}));
    const std::vector<float> y = sctx::load_audio(kData + "/long.wav", 16000);
    sctx::LogMelSpectrogram mel(sctx::MelParams{});
    const size_t starts[4] = {0, 24000, 48000, 64000};  // 1.5 s hop, the last aligned with the end of 7 s
    for (size_t w = 0; w < 4; ++w) {
        std::vector<float> window(y.begin() + long(starts[w]), y.begin() + long(starts[w] + 48000));
        std::vector<float> want(ref.data.begin() + long(w * 128 * 188), ref.data.begin() + long((w + 1) * 128 * 188));
        EXPECT_LT(max_abs_diff(mel.compute(window), want), kToleranceDb) << "window " << w;
    }
}

TEST(LogMel, ShapeFollowsLibrosasFrameCount) {
    sctx::LogMelSpectrogram mel(sctx::MelParams{});
    EXPECT_EQ(mel.frames_for(48000), 188u);
    EXPECT_EQ(mel.frames_for(100), 1u);
    EXPECT_EQ(mel.compute(std::vector<float>(48000, 0.f)).size(), 128u * 188u);
}

TEST(LogMel, DigitalSilenceIsFlatNotNan) {
    sctx::LogMelSpectrogram mel(sctx::MelParams{});
    for (float v : mel.compute(std::vector<float>(48000, 0.f))) ASSERT_EQ(v, 0.f);  // ref=max of all-amin is 0 dB
}

}  // namespace
