#include "dataset/synth/turns.h"

#include <algorithm>
#include <set>

#include "util/error.h"

namespace sctx::synth {

namespace {

double turn_length(Rng& rng) {
    // Short turns are replies and backchannels ("yeah", "right"); the rest are phrases and sentences.
    if (rng.chance(0.2)) return rng.lognormal(0.45, 0.35, 0.2, 0.9);
    return rng.lognormal(1.1, 0.5, 0.4, 4.0);
}

// Time from the end of one turn to the start of the next; negative is an overlap.
double turn_gap(double previous_length, Rng& rng) {
    if (rng.chance(0.25)) return -rng.uniform(0.05, std::min(0.6, 0.5 * previous_length));
    return rng.lognormal(0.25, 0.7, 0.03, 1.5);
}

int count_long(const std::vector<Turn>& turns) {
    int n = 0;
    for (const auto& t : turns)
        if (t.visible() >= kMinTalkSeconds) ++n;
    return n;
}

std::vector<Turn> skeleton_once(Rng& rng) {
    std::vector<Turn> turns;
    double t = -rng.uniform(0.0, 2.5);
    double barrier = -1e9;  // end of the turn before the previous one
    while (t < kWindowSeconds) {
        Turn turn;
        turn.start = std::max(t, barrier + 0.05);
        turn.end = turn.start + turn_length(rng);
        if (!turns.empty()) barrier = std::max(barrier, turns.back().end);
        turns.push_back(turn);
        t = turn.end + turn_gap(turn.end - turn.start, rng);
    }
    // Turns that end before the window or start after it are not heard; drop them.
    std::vector<Turn> heard;
    for (const auto& tr : turns)
        if (tr.end > 0 && tr.start < kWindowSeconds) heard.push_back(tr);
    return heard;
}

}  // namespace

double Turn::visible() const { return std::max(0.0, std::min(end, kWindowSeconds) - std::max(start, 0.0)); }

std::vector<double> TurnPlan::visible_seconds() const {
    std::vector<double> s(size_t(talkers), 0.0);
    for (const auto& t : turns) s[size_t(t.talker)] += t.visible();
    return s;
}

std::vector<Turn> sample_skeleton(int min_long_turns, Rng& rng) {
    for (int attempt = 0; attempt < 10000; ++attempt) {
        std::vector<Turn> turns = skeleton_once(rng);
        if (count_long(turns) >= min_long_turns) return turns;
    }
    throw Error("could not plan turns");  // not reached for min_long_turns <= 4
}

TurnPlan plan_monologue(Rng& rng) {
    // Half the monologues are as broken up as a conversation (three or more phrases), so pauses alone never
    // say "more than one talker".
    const int need = int(rng.weighted({0.4, 0.2, 0.4})) + 1;
    for (;;) {
        TurnPlan plan;
        plan.talkers = 1;
        plan.turns = sample_skeleton(need, rng);
        // One person does not overlap themself: an overlap becomes a short breath pause, and what follows moves
        // on by as much.
        double shift = 0;
        for (size_t i = 0; i < plan.turns.size(); ++i) {
            Turn& t = plan.turns[i];
            t.start += shift;
            t.end += shift;
            if (i > 0 && t.start < plan.turns[i - 1].end + 0.05) {
                const double move = plan.turns[i - 1].end + rng.uniform(0.08, 0.3) - t.start;
                t.start += move;
                t.end += move;
                shift += move;
            }
            t.talker = 0;
        }
        std::vector<Turn> heard;
        for (const auto& t : plan.turns)
            if (t.start < kWindowSeconds) heard.push_back(t);
        plan.turns = heard;
        if (plan.visible_seconds()[0] >= kMinTalkSeconds) return plan;
    }
}

TurnPlan plan_pair(Rng& rng) {
    // Most pairs trade three or more turns in 3 s, like groups must; some have just two.
    const int need = rng.chance(0.85) ? 3 : 2;
    for (;;) {
        TurnPlan plan;
        plan.talkers = 2;
        plan.turns = sample_skeleton(need, rng);
        const int first = int(rng.index(2));
        for (size_t i = 0; i < plan.turns.size(); ++i) plan.turns[i].talker = (first + int(i)) % 2;
        const auto seen = plan.visible_seconds();
        if (seen[0] >= kMinTalkSeconds && seen[1] >= kMinTalkSeconds) return plan;
    }
}

TurnPlan plan_group(int max_talkers, Rng& rng) {
    const int talkers = (rng.chance(0.65) || max_talkers < 4) ? 3 : 4;
    for (;;) {
        TurnPlan plan;
        plan.talkers = talkers;
        plan.turns = sample_skeleton(3, rng);
        for (int deal = 0; deal < 20; ++deal) {
            int previous = -1;
            for (auto& t : plan.turns) {
                int k = int(rng.index(size_t(talkers - (previous < 0 ? 0 : 1))));
                if (previous >= 0 && k >= previous) ++k;
                t.talker = previous = k;
            }
            const auto seen = plan.visible_seconds();
            int heard = 0;
            for (double s : seen)
                if (s >= kMinTalkSeconds) ++heard;
            if (heard >= 3) {
                // A fourth talker who is not heard at all is dropped: the plan lists who is in the clip.
                std::vector<int> remap(size_t(talkers), -1);
                int next = 0;
                for (auto& t : plan.turns) {
                    if (remap[size_t(t.talker)] < 0) remap[size_t(t.talker)] = next++;
                    t.talker = remap[size_t(t.talker)];
                }
                plan.talkers = next;
                return plan;
            }
        }
    }
}

}  // namespace sctx::synth
