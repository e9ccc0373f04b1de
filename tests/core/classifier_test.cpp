#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <set>

#include "audio/wav_writer.h"
#include "classify/batch_runner.h"
#include "classify/classifier.h"
#include "model_fixture.h"

namespace {

using sctx::test::untrained_model;

float sum(const std::vector<float>& v) { return std::accumulate(v.begin(), v.end(), 0.f); }

TEST(Classifier, AShortClipIsOnePaddedWindow) {
    sctx::Classifier c(untrained_model());
    const auto s = sctx::test::tone(440, 1.2);
    const auto r = c.classify_samples(s.data(), s.size(), "clip");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.windows, 1);
    EXPECT_NEAR(r.duration_s, 1.2, 1e-6);
    ASSERT_EQ(r.probabilities.size(), 5u);
    EXPECT_NEAR(sum(r.probabilities), 1.f, 1e-5);
    EXPECT_EQ(r.confidence, r.probabilities[size_t(r.label_index)]);
    ASSERT_EQ(r.segments.size(), 1u);
    EXPECT_NEAR(r.segments[0].end_s, 1.2, 1e-6);
}

TEST(Classifier, PaddingMatchesTheOriginalZeroPad) {
    // The model must see exactly the log-mel of the clip zero-padded to 3 s at the end.
    sctx::Classifier c(untrained_model());
    const auto s = sctx::test::noise(0.7);
    std::vector<float> padded = s;
    padded.resize(48000, 0.f);
    const auto feats = c.window_features(s.data(), s.size());
    EXPECT_EQ(feats, c.spectrogram().compute(padded));
    const auto direct = untrained_model()->predict(feats.data(), 1);
    const auto r = c.classify_samples(s.data(), s.size(), "clip");
    for (size_t k = 0; k < 5; ++k) EXPECT_NEAR(r.probabilities[k], direct[k], 1e-6);
}

TEST(Classifier, LongRecordingsAreWindowedAndAveraged) {
    sctx::Classifier c(untrained_model());
    auto s = sctx::test::tone(300, 4.0);
    const auto n2 = sctx::test::noise(3.0, 16000, 0.3f);
    s.insert(s.end(), n2.begin(), n2.end());  // 7 s: 4 windows
    const auto r = c.classify_samples(s.data(), s.size(), "long");
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.windows, 4);
    ASSERT_EQ(r.segments.size(), 4u);
    EXPECT_DOUBLE_EQ(r.segments[3].start_s, 4.0);
    EXPECT_DOUBLE_EQ(r.segments[3].end_s, 7.0);
    for (size_t k = 0; k < 5; ++k) {
        float mean = 0;
        for (const auto& seg : r.segments) mean += seg.probabilities[k] / 4.f;
        EXPECT_NEAR(r.probabilities[k], mean, 1e-6);
    }
    EXPECT_NEAR(sum(r.class_share), 1.f, 1e-5);
}

TEST(Classifier, BatchSizeAndHopChangeNothingButSpeedAndSegments) {
    const auto s = sctx::test::noise(10.0, 16000, 0.2f, 3);
    sctx::ClassifyOptions one;
    one.batch_size = 1;
    sctx::ClassifyOptions many;
    many.batch_size = 32;
    const auto a = sctx::Classifier(untrained_model(), one).classify_samples(s.data(), s.size(), "x");
    const auto b = sctx::Classifier(untrained_model(), many).classify_samples(s.data(), s.size(), "x");
    ASSERT_EQ(a.segments.size(), b.segments.size());
    for (size_t w = 0; w < a.segments.size(); ++w)
        for (size_t k = 0; k < 5; ++k)
            EXPECT_NEAR(a.segments[w].probabilities[k], b.segments[w].probabilities[k], 1e-5);
    sctx::ClassifyOptions hop1;
    hop1.hop_s = 1.0;
    EXPECT_EQ(sctx::Classifier(untrained_model(), hop1).classify_samples(s.data(), s.size(), "x").windows, 8);
}

TEST(Classifier, FilesAndSamplesGiveTheSameAnswer) {
    sctx::test::TempDir d;
    const auto s = sctx::test::noise(5.0, 16000, 0.2f, 9);
    sctx::write_wav(d.file("n.wav"), s, 16000, sctx::WavSample::Float32);
    sctx::Classifier c(untrained_model());
    const auto from_file = c.classify_file(d.file("n.wav"));
    const auto from_samples = c.classify_samples(s.data(), s.size(), "n");
    ASSERT_TRUE(from_file.ok) << from_file.error;
    for (size_t k = 0; k < 5; ++k) EXPECT_NEAR(from_file.probabilities[k], from_samples.probabilities[k], 1e-6);
    EXPECT_GT(from_file.size, 0);
    EXPECT_GT(from_file.mtime, 0);
}

TEST(Classifier, FeatureThreadsChangeNoValue) {
    // A long file read in blocks (the buffer moves on while a batch waits), batches of 7 windows that span reads,
    // an end-aligned last window, and 3 threads that split a batch unevenly: every window's probabilities are the
    // same bits as with one thread.
    sctx::test::TempDir d;
    const auto s = sctx::test::noise(61.3, 16000, 0.2f, 5);
    sctx::write_wav(d.file("long.wav"), s, 16000, sctx::WavSample::Float32);
    sctx::ClassifyOptions one;
    one.batch_size = 7;
    sctx::ClassifyOptions three = one;
    three.feature_threads = 3;
    const auto a = sctx::Classifier(untrained_model(), one).classify_file(d.file("long.wav"));
    const auto b = sctx::Classifier(untrained_model(), three).classify_file(d.file("long.wav"));
    ASSERT_TRUE(a.ok && b.ok) << a.error << b.error;
    EXPECT_EQ(a.windows, 40);
    ASSERT_EQ(a.segments.size(), b.segments.size());
    for (size_t w = 0; w < a.segments.size(); ++w) {
        EXPECT_EQ(a.segments[w].start_s, b.segments[w].start_s);
        EXPECT_EQ(a.segments[w].probabilities, b.segments[w].probabilities) << "window " << w;
    }
    EXPECT_EQ(a.probabilities, b.probabilities);
    // And the batch's features are each window's own: the last window alone gives its probabilities.
    sctx::Classifier c(untrained_model(), three);
    const auto f = c.window_features(s.data() + s.size() - 48000, 48000);
    const auto last = untrained_model()->predict(f.data(), 1);
    for (size_t k = 0; k < 5; ++k) EXPECT_NEAR(last[k], b.segments.back().probabilities[k], 1e-5);
}

TEST(Classifier, TheOtherArchitectureRunsToo) {
    sctx::Classifier c(untrained_model("socialctx-tcn"));
    const auto s = sctx::test::noise(4.0);
    const auto r = c.classify_samples(s.data(), s.size(), "x");
    ASSERT_TRUE(r.ok);
    EXPECT_NEAR(sum(r.probabilities), 1.f, 1e-5);
}

TEST(BatchRunner, EveryFileIsReportedOnceWhateverTheThreads) {
    sctx::test::TempDir d;
    std::vector<std::string> files;
    for (int i = 0; i < 12; ++i) {
        files.push_back(d.file("f" + std::to_string(i) + ".wav"));
        sctx::write_wav(files.back(), sctx::test::noise(0.5 + 0.1 * i, 16000, 0.1f, unsigned(i)), 16000);
    }
    files.push_back(d.file("missing.wav"));
    for (int threads : {1, 3}) {
        sctx::BatchOptions o;
        o.threads = threads;
        sctx::BatchRunner runner(untrained_model(), o);
        std::multiset<std::string> seen;
        int failed = 0;
        runner.run(files, [&](sctx::FileResult&& r) {
            seen.insert(r.file);
            failed += !r.ok;
        });
        EXPECT_EQ(seen.size(), files.size());
        EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), files.size());
        EXPECT_EQ(failed, 1);
    }
}

TEST(BatchRunner, CancelStopsHandingOutFiles) {
    sctx::test::TempDir d;
    std::vector<std::string> files;
    for (int i = 0; i < 40; ++i) {
        files.push_back(d.file("f" + std::to_string(i) + ".wav"));
        sctx::write_wav(files.back(), sctx::test::noise(0.3, 16000, 0.1f, unsigned(i)), 16000);
    }
    std::atomic<bool> cancel{false};
    size_t reported = 0;
    sctx::BatchRunner runner(untrained_model(), sctx::BatchOptions{});
    runner.run(
        files,
        [&](sctx::FileResult&&) {
            if (++reported == 5) cancel = true;
        },
        &cancel);
    EXPECT_GE(reported, 5u);
    EXPECT_LT(reported, 10u);
}

}  // namespace
