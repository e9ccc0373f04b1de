#pragma once
// One speaker's speech over a meeting as sorted, disjoint intervals. AMI segments of one speaker can overlap
// or touch (a segment per utterance, utterances that run into each other); merging them first means speech is
// never counted twice when measuring how much of a window a speaker fills.
#include <vector>

namespace sctx::ami {

struct Interval {
    double start = 0;  ///< seconds
    double end = 0;
};

/// Times closer than this are the same instant: annotation times have millisecond resolution, and sums of
/// doubles (window offsets, overlaps) are off by far less.
constexpr double kTimeEpsilon = 1e-6;

class SpeechTimeline {
public:
    SpeechTimeline() = default;
    /// Sorts and merges overlapping and touching segments; empty and reversed ones contribute nothing.
    explicit SpeechTimeline(std::vector<Interval> segments);

    const std::vector<Interval>& intervals() const { return intervals_; }
    /// Seconds of speech inside [start, end).
    double speech_within(double start, double end) const;

private:
    std::vector<Interval> intervals_;
};

}  // namespace sctx::ami
