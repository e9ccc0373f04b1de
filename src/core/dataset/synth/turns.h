#pragma once
// Who speaks when. One process makes the timing skeleton for every speech class: turn lengths, pauses and
// overlaps come from the same distributions whether one, two or four people talk, so the only thing that tells
// a two-person clip from a group is how many different voices there are, never how busy the timing is.
//   - the window is [0, 3) s; the conversation started before it and goes on after it;
//   - a turn may overlap the one before it (a quick reply, a backchannel) but never the one before that, so a
//     talker never overlaps themself;
//   - a skeleton is kept when enough turns show at least kMinTalkSeconds inside the window; how many are
//     needed is the only thing the classes change (a group needs three talkers, so three such turns).
// Talkers are then dealt to the turns: one talker for a monologue (whose overlaps become short pauses), two
// alternating for a pair, three or four for a group with no one following themself.
#include <vector>

#include "util/random.h"

namespace sctx::synth {

constexpr double kWindowSeconds = 3.0;
constexpr double kMinTalkSeconds = 0.6;  ///< a talker who counts speaks at least this long in the window

struct Turn {
    int talker = 0;
    double start = 0, end = 0;  ///< seconds; the window is [0, kWindowSeconds)
    double visible() const;     ///< seconds inside the window
};

struct TurnPlan {
    int talkers = 0;
    std::vector<Turn> turns;
    /// Seconds each talker is heard inside the window.
    std::vector<double> visible_seconds() const;
};

/// A timing skeleton with at least `min_long_turns` turns of kMinTalkSeconds visible; talker fields unset.
std::vector<Turn> sample_skeleton(int min_long_turns, Rng& rng);

TurnPlan plan_monologue(Rng& rng);
TurnPlan plan_pair(Rng& rng);
/// Three or four talkers (at most max_talkers), at least three of them heard for kMinTalkSeconds.
TurnPlan plan_group(int max_talkers, Rng& rng);

}  // namespace sctx::synth
