// Training features are the classifier's features: the same window, the same log-mel, the noise mixed as asked.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "audio/audio_stream.h"
#include "audio/wav_writer.h"
#include "classify/classifier.h"
#include "model/model_factory.h"
#include "train/augment.h"
#include "train/feature_set.h"
#include "train/window_audio.h"

using namespace sctx;
using namespace sctx::train;
namespace fs = std::filesystem;

namespace {

class TempDir {
public:
    TempDir() {
        std::string t = (fs::temp_directory_path() / "sctx-train-XXXXXX").string();
        path_ = mkdtemp(t.data());
    }
    ~TempDir() { fs::remove_all(path_); }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::vector<float> tone(size_t n, double hz, double amp, int rate = 16000) {
    std::vector<float> s(n);
    for (size_t i = 0; i < n; ++i) s[i] = float(amp * std::sin(2 * M_PI * hz * double(i) / rate));
    return s;
}

double rms(const std::vector<float>& x) {
    double s = 0;
    for (float v : x) s += double(v) * v;
    return std::sqrt(s / double(x.size()));
}

}  // namespace

TEST(WindowAudio, NoiseIsMixedAtTheRequestedSnr) {
    std::vector<float> signal = tone(16000, 440, 0.5);
    const std::vector<float> clean = signal;
    std::vector<float> noise(4000);
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = float(((i * 7919) % 200) / 100.0 - 1.0);  // repeats 4x
    mix_at_snr(signal, noise, 10.0);
    std::vector<float> added(signal.size());
    for (size_t i = 0; i < added.size(); ++i) added[i] = signal[i] - clean[i];
    EXPECT_NEAR(20 * std::log10(rms(clean) / rms(added)), 10.0, 1e-3);
    EXPECT_NEAR(added[4000 + 5] / added[5], 1.0, 1e-5);  // the short noise is looped
}

TEST(Features, TrainingFeaturesEqualTheClassifiersWindowFeatures) {
    TempDir dir;
    ModelConfig config;
    const std::string model_path = dir.path() + "/m.pt";
    create_untrained_model(config, 1, model_path);
    Classifier classifier(Model::load(model_path));
    const LogMelSpectrogram mel(config.mel);
    for (size_t n : {size_t(48000), size_t(30000), size_t(60000)}) {
        const std::vector<float> s = tone(n, 330, 0.3);
        EXPECT_EQ(window_log_mel(mel, config, s.data(), n), classifier.window_features(s.data(), n)) << n;
    }
}

TEST(Features, RowsAreCutFromTheirSourceWithNoiseAndBadRowsAreLeftOut) {
    TempDir dir;
    ModelConfig config;
    // 9 s: 3 s of 300 Hz, 3 s of 900 Hz, 3 s of 2000 Hz.
    std::vector<float> audio;
    for (double hz : {300.0, 900.0, 2000.0}) {
        auto t = tone(48000, hz, 0.4);
        audio.insert(audio.end(), t.begin(), t.end());
    }
    write_wav(dir.path() + "/long.wav", audio, 16000);
    std::vector<float> noise(32000);
    for (size_t i = 0; i < noise.size(); ++i)
        noise[i] = float(std::sin(double(i) * 1.7) * 0.2 + ((i * 31) % 17) / 40.0 - 0.2);
    write_wav(dir.path() + "/noise.wav", noise, 16000);

    std::vector<ManifestRow> rows(4);
    rows[0].source = rows[1].source = rows[2].source = dir.path() + "/long.wav";
    rows[0].offset = 3, rows[0].duration = 3, rows[0].label_index = 1, rows[0].split = Split::Train;
    rows[1].offset = 6, rows[1].duration = 3, rows[1].label_index = 2, rows[1].split = Split::Val;
    rows[2].offset = 0, rows[2].duration = 3, rows[2].label_index = 4, rows[2].split = Split::Test;
    rows[2].noise = dir.path() + "/noise.wav", rows[2].noise_offset = 0.5, rows[2].snr_db = 5;
    rows[3].source = dir.path() + "/missing.wav", rows[3].duration = 3, rows[3].label_index = 0, rows[3].line = 5;

    std::vector<size_t> failed_lines;
    FeatureBuildOptions o;
    o.threads = 2;
    o.cache_dir = dir.path() + "/cache";
    o.on_error = [&](const ManifestRow& r, const std::string&) { failed_lines.push_back(r.line); };
    const FeatureSet set = build_features(rows, config, o);
    ASSERT_EQ(set.size(), 3u);
    EXPECT_EQ(failed_lines, std::vector<size_t>{5});
    EXPECT_EQ(set.labels, (std::vector<int>{1, 2, 4}));
    EXPECT_EQ(set.indices(Split::Val), std::vector<size_t>{1});

    // Expected: the same cut of what the decoder returns, through the classifier's feature code.
    const LogMelSpectrogram mel(config.mel);
    const std::vector<float> decoded = load_audio(dir.path() + "/long.wav", 16000);
    const std::vector<float> decoded_noise = load_audio(dir.path() + "/noise.wav", 16000);
    const auto expect1 = window_log_mel(mel, config, decoded.data() + 48000, 48000);
    EXPECT_TRUE(std::equal(expect1.begin(), expect1.end(), set.features(0)));
    std::vector<float> noisy(decoded.begin(), decoded.begin() + 48000);
    mix_at_snr(noisy, std::vector<float>(decoded_noise.begin() + 8000, decoded_noise.end()), 5);
    const auto expect2 = window_log_mel(mel, config, noisy.data(), noisy.size());
    EXPECT_TRUE(std::equal(expect2.begin(), expect2.end(), set.features(2)));
    const auto clean = window_log_mel(mel, config, decoded.data(), 48000);
    EXPECT_FALSE(std::equal(clean.begin(), clean.end(), set.features(2))) << "the noise was not mixed in";

    // A second build reads the cache: same numbers, and the failed row is still reported.
    failed_lines.clear();
    size_t progress_calls = 0;
    o.progress = [&](size_t, size_t) { ++progress_calls; };
    const FeatureSet again = build_features(rows, config, o);
    EXPECT_EQ(again.data, set.data);
    EXPECT_EQ(progress_calls, 0u) << "features were recomputed instead of read from the cache";
    EXPECT_EQ(failed_lines, std::vector<size_t>{5});
}

TEST(Augment, SpecAugmentMasksBandsAndFramesDeterministically) {
    const size_t mels = 128, frames = 188;
    std::vector<float> base(mels * frames);
    for (size_t i = 0; i < base.size(); ++i) base[i] = -float(i % 80);
    AugmentOptions o;
    auto run = [&](uint64_t seed) {
        std::vector<float> f = base;
        Rng rng(seed);
        for (int k = 0; k < 5; ++k) spec_augment(f.data(), mels, frames, o, rng);
        return f;
    };
    const auto a = run(7), b = run(7), c = run(8);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
    EXPECT_NE(a, base);
    o.spec_augment = false;
    EXPECT_EQ(run(7), base);
}

TEST(Augment, MixingKeepsTheMaxReferenceAndRaisesTheFloor) {
    MelParams mel;
    std::vector<float> f(100, -80.f), bg(100, 0.f);
    f[0] = 0.f;
    mix_background(f.data(), bg.data(), f.size(), 10.0, mel);
    EXPECT_NEAR(*std::max_element(f.begin(), f.end()), 0.0, 1e-6);
    EXPECT_GT(f[50], -80.f);
}
