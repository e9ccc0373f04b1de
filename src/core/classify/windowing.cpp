#include "classify/windowing.h"

#include <algorithm>

namespace sctx {

std::vector<WindowSpan> plan_windows(size_t n, size_t window, size_t hop) {
    std::vector<WindowSpan> spans;
    if (n <= window) {
        spans.push_back({0, n});
        return spans;
    }
    if (hop == 0) hop = window;
    size_t start = 0;
    for (; start + window <= n; start += hop) spans.push_back({start, window});
    if (spans.back().start + window < n) spans.push_back({n - window, window});
    return spans;
}

std::vector<double> window_weights(const std::vector<WindowSpan>& spans, size_t n, double rate) {
    std::vector<double> w(spans.size(), 0.0);
    for (size_t i = 0; i < spans.size(); ++i) {
        const double centre = spans[i].start + spans[i].length / 2.0;
        const double lo = i == 0 ? 0.0 : (centre + spans[i - 1].start + spans[i - 1].length / 2.0) / 2.0;
        const double hi =
            i + 1 == spans.size() ? double(n) : (centre + spans[i + 1].start + spans[i + 1].length / 2.0) / 2.0;
        w[i] = std::max(0.0, hi - lo) / rate;
    }
    return w;
}

}  // namespace sctx
