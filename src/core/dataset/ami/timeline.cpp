#include "dataset/ami/timeline.h"

#include <algorithm>

namespace sctx::ami {

SpeechTimeline::SpeechTimeline(std::vector<Interval> segments) {
    segments.erase(
        std::remove_if(segments.begin(), segments.end(), [](const Interval& s) { return !(s.end > s.start); }),
        segments.end());
    std::sort(segments.begin(), segments.end(), [](const Interval& a, const Interval& b) {
        return a.start < b.start || (a.start == b.start && a.end < b.end);
    });
    for (const Interval& s : segments) {
        if (!intervals_.empty() && s.start <= intervals_.back().end + kTimeEpsilon)
            intervals_.back().end = std::max(intervals_.back().end, s.end);
        else
            intervals_.push_back(s);
    }
}

double SpeechTimeline::speech_within(double start, double end) const {
    // The first interval that ends after the window starts; the rest are in time order.
    auto it = std::upper_bound(intervals_.begin(), intervals_.end(), start,
                               [](double t, const Interval& i) { return t < i.end; });
    double total = 0;
    for (; it != intervals_.end() && it->start < end; ++it)
        total += std::min(it->end, end) - std::max(it->start, start);
    return total;
}

}  // namespace sctx::ami
