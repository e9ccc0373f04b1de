#include <gtest/gtest.h>

#include <numeric>

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
