#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "classify/windowing.h"

namespace {

TEST(Windowing, AClipUpToOneWindowIsOnePaddedWindow) {
    for (size_t n : {1u, 100u, 47999u, 48000u}) {
        const auto w = sctx::plan_windows(n, 48000, 24000);
        ASSERT_EQ(w.size(), 1u) << n;
        EXPECT_EQ(w[0].start, 0u);
        EXPECT_EQ(w[0].length, n);
    }
}

TEST(Windowing, LongRecordingsHopAndTheLastWindowMeetsTheEnd) {
    const auto w = sctx::plan_windows(112000, 48000, 24000);  // 7 s
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(w[0].start, 0u);
    EXPECT_EQ(w[1].start, 24000u);
    EXPECT_EQ(w[2].start, 48000u);
    EXPECT_EQ(w[3].start, 64000u);  // aligned with the end, not a mostly-silent padded window
    for (const auto& s : w) EXPECT_EQ(s.length, 48000u);
}

TEST(Windowing, NoExtraWindowWhenTheHopsEndExactly) {
    const auto w = sctx::plan_windows(96000, 48000, 24000);  // 6 s: windows at 0, 1.5, 3
    ASSERT_EQ(w.size(), 3u);
    EXPECT_EQ(w.back().start + 48000, 96000u);
}

TEST(Windowing, WeightsShareOutTheWholeDuration) {
    for (size_t n : {30000u, 112000u, 16000u * 3600u}) {
        const auto w = sctx::plan_windows(n, 48000, 24000);
        const auto weights = sctx::window_weights(w, n, 16000.0);
        EXPECT_NEAR(std::accumulate(weights.begin(), weights.end(), 0.0), double(n) / 16000.0, 1e-6) << n;
        for (double x : weights) EXPECT_GE(x, 0.0);
    }
}

}  // namespace

namespace {

// The streaming cutter, fed in blocks of any size, gives exactly plan_windows' spans, and each window's samples
// are the recording's samples at that span.
TEST(Windowing, TheCutterFedInBlocksGivesThePlannedWindowsAndTheirSamples) {
    for (size_t n : {1u, 47999u, 48000u, 96000u, 112000u, 500001u}) {
        std::vector<float> x(n);
        for (size_t i = 0; i < n; ++i) x[i] = float(i % 100003);
        for (size_t block : {1u, 777u, 32768u, 1000000u}) {
            if (block == 1 && n > 100000) continue;  // slow and no different
            sctx::WindowCutter cutter(48000, 24000);
            std::vector<sctx::WindowSpan> spans;
            size_t bad_samples = 0;
            auto drain = [&] {
                sctx::WindowSpan s{};
                const float* p = nullptr;
                while (cutter.next(s, &p)) {
                    spans.push_back(s);
                    for (size_t i = 0; i < s.length; ++i) bad_samples += p[i] != x[s.start + i];
                }
            };
            for (size_t at = 0; at < n; at += block) {
                cutter.push(x.data() + at, std::min(block, n - at));
                drain();
            }
            cutter.finish();
            drain();
            const auto planned = sctx::plan_windows(n, 48000, 24000);
            ASSERT_EQ(spans.size(), planned.size()) << n << " in blocks of " << block;
            for (size_t w = 0; w < spans.size(); ++w) {
                EXPECT_EQ(spans[w].start, planned[w].start);
                EXPECT_EQ(spans[w].length, planned[w].length);
            }
            EXPECT_EQ(bad_samples, 0u) << n << " in blocks of " << block;
            EXPECT_EQ(cutter.total_samples(), n);
        }
    }
}

TEST(Windowing, NoSamplesNoWindow) {
    sctx::WindowCutter cutter(48000, 24000);
    cutter.finish();
    sctx::WindowSpan s{};
    EXPECT_FALSE(cutter.next(s));
    EXPECT_TRUE(sctx::plan_windows(0, 48000, 24000).empty());
}

}  // namespace
