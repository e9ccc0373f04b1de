// Turn plans: who speaks when in a synthetic clip. The talker count must be the only thing that separates the
// conversation classes, so these check both the guarantees (everyone counted is heard) and the sameness of the
// timing between two-person and group clips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "dataset/synth/turns.h"

namespace sctx::synth {
namespace {

constexpr int kPlans = 3000;

bool talker_overlaps_themself(const TurnPlan& plan) {
    for (size_t i = 0; i < plan.turns.size(); ++i)
        for (size_t j = i + 1; j < plan.turns.size(); ++j) {
            const Turn &a = plan.turns[i], &b = plan.turns[j];
            if (a.talker == b.talker && std::min(a.end, b.end) > std::max(a.start, b.start)) return true;
        }
    return false;
}

int long_turns(const TurnPlan& plan) {
    int n = 0;
    for (const auto& t : plan.turns)
        if (t.visible() >= kMinTalkSeconds) ++n;
    return n;
}

struct TimingStats {
    double turn_length = 0, overlap = 0, turns = 0;
    int plans = 0;
};

// Timing of plans with at least three long turns (the plans a pair and a group have in common).
TimingStats timing_of(const std::vector<TurnPlan>& plans) {
    TimingStats s;
    double turns_total = 0;
    for (const auto& p : plans) {
        if (long_turns(p) < 3) continue;
        ++s.plans;
        double length = 0, overlap = 0;
        for (size_t i = 0; i < p.turns.size(); ++i) {
            length += p.turns[i].visible();
            if (i > 0)
                overlap +=
                    std::max(0.0, std::min(p.turns[i - 1].end, kWindowSeconds) - std::max(p.turns[i].start, 0.0));
        }
        s.turn_length += length / double(p.turns.size());
        s.overlap += overlap;
        turns_total += double(p.turns.size());
    }
    s.turn_length /= s.plans;
    s.overlap /= s.plans;
    s.turns = turns_total / s.plans;
    return s;
}

TEST(SynthTurns, PairPlansLetBothTalkersSpeakLongEnough) {
    Rng rng(1);
    for (int i = 0; i < kPlans; ++i) {
        const TurnPlan p = plan_pair(rng);
        ASSERT_EQ(p.talkers, 2);
        const auto seen = p.visible_seconds();
        EXPECT_GE(seen[0], kMinTalkSeconds);
        EXPECT_GE(seen[1], kMinTalkSeconds);
        EXPECT_FALSE(talker_overlaps_themself(p));
    }
}

TEST(SynthTurns, GroupPlansHaveAtLeastThreeTalkersHeard) {
    Rng rng(2);
    int four = 0;
    for (int i = 0; i < kPlans; ++i) {
        const TurnPlan p = plan_group(4, rng);
        ASSERT_GE(p.talkers, 3);
        ASSERT_LE(p.talkers, 4);
        four += p.talkers == 4;
        const auto seen = p.visible_seconds();
        EXPECT_GE(std::count_if(seen.begin(), seen.end(), [](double s) { return s >= kMinTalkSeconds; }), 3);
        // Every talker listed is heard at all.
        for (double s : seen) EXPECT_GT(s, 0.0);
        EXPECT_FALSE(talker_overlaps_themself(p));
    }
    EXPECT_GT(four, 0);
}

TEST(SynthTurns, GroupPlansRespectTheTalkerLimit) {
    Rng rng(3);
    for (int i = 0; i < 500; ++i) EXPECT_EQ(plan_group(3, rng).talkers, 3);
}

TEST(SynthTurns, MonologuesNeverOverlapAndOftenPause) {
    Rng rng(4);
    int with_pause = 0;
    for (int i = 0; i < kPlans; ++i) {
        const TurnPlan p = plan_monologue(rng);
        ASSERT_EQ(p.talkers, 1);
        EXPECT_FALSE(talker_overlaps_themself(p));
        EXPECT_GT(p.visible_seconds()[0], 0.0);
        // A pause inside the window: two phrases both heard.
        int heard = 0;
        for (const auto& t : p.turns) heard += t.visible() > 0;
        with_pause += heard >= 2;
    }
    EXPECT_GT(with_pause, kPlans / 2);
}

TEST(SynthTurns, PairsAndGroupsShareTheirTimingStatistics) {
    Rng rng(5);
    std::vector<TurnPlan> pairs, groups;
    for (int i = 0; i < kPlans; ++i) {
        pairs.push_back(plan_pair(rng));
        groups.push_back(plan_group(4, rng));
    }
    const TimingStats a = timing_of(pairs), b = timing_of(groups);
    ASSERT_GT(a.plans, kPlans / 2);  // most pairs are as busy as a group must be
    EXPECT_NEAR(a.turn_length, b.turn_length, 0.05 * b.turn_length);
    EXPECT_NEAR(a.turns, b.turns, 0.05 * b.turns);
    EXPECT_NEAR(a.overlap, b.overlap, 0.1 * b.overlap + 0.01);
}

TEST(SynthTurns, SameSeedSamePlan) {
    Rng a(9), b(9);
    for (int i = 0; i < 50; ++i) {
        const TurnPlan p = plan_group(4, a), q = plan_group(4, b);
        ASSERT_EQ(p.turns.size(), q.turns.size());
        for (size_t k = 0; k < p.turns.size(); ++k) {
            EXPECT_EQ(p.turns[k].talker, q.turns[k].talker);
            EXPECT_EQ(p.turns[k].start, q.turns[k].start);
        }
    }
}

}  // namespace
}  // namespace sctx::synth
