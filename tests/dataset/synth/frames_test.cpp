// Frame targets from talkers' activity: counting voices per log-mel frame and naming the only one.
#include "dataset/synth/frames.h"

#include <gtest/gtest.h>

using sctx::synth::frame_targets;

namespace {

std::vector<uint8_t> active(size_t n, size_t from, size_t to) {
    std::vector<uint8_t> a(n, 0);
    for (size_t i = from; i < to && i < n; ++i) a[i] = 1;
    return a;
}

}  // namespace

TEST(FrameTargets, CountsVoicesPerFrameAndNamesTheOnlyOne) {
    // A window of 10 frames (hop 100) starting at sample 50: talker 0 in frames 0-5, talker 1 in frames 4-9.
    const size_t n = 1200, begin = 50, hop = 100;
    const auto a = active(n, begin - 50, begin + 550);  // covers the cells of frames 0..5
    const auto b = active(n, begin + 350, n);           // frames 4..9
    const auto t = frame_targets({&a, &b}, begin, 10, hop);
    EXPECT_EQ(t.voices, "1111221111");
    EXPECT_EQ(t.owner, "0000--1111");
}

TEST(FrameTargets, AVoiceCountsWhereItFillsHalfACell) {
    const size_t hop = 100;
    // Frame 1's cell is [50, 150): 49 active samples are not enough, 50 are.
    const auto short_run = active(400, 50, 99), half = active(400, 50, 100);
    EXPECT_EQ(frame_targets({&short_run}, 0, 3, hop).voices, "000");
    EXPECT_EQ(frame_targets({&half}, 0, 3, hop).voices, "010");
    EXPECT_EQ(frame_targets({}, 0, 3, hop).owner, "---");
}

TEST(FrameTargets, ThreeVoicesAtOnceHaveNoOwner) {
    const auto a = active(300, 0, 300);
    const auto t = frame_targets({&a, &a, &a}, 0, 3, 100);
    EXPECT_EQ(t.voices, "333");
    EXPECT_EQ(t.owner, "---");
}
