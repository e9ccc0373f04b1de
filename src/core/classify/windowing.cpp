#include "classify/windowing.h"

#include <algorithm>

namespace sctx {

WindowCutter::WindowCutter(size_t window, size_t hop, bool keep_samples)
    : window_(window), hop_(hop == 0 ? window : hop), keep_(keep_samples) {}

void WindowCutter::push(const float* samples, size_t n) {
    if (keep_) {
        // Drop what neither the next regular window nor an end-aligned final window can need.
        const size_t keep_from = std::min(next_start_, total_ > window_ ? total_ - window_ : 0);
        if (keep_from > buf_start_) {
            buf_.erase(buf_.begin(), buf_.begin() + long(keep_from - buf_start_));
            buf_start_ = keep_from;
        }
        buf_.insert(buf_.end(), samples, samples + n);
    }
    total_ += n;
}

bool WindowCutter::next(WindowSpan& span, const float** samples) {
    if (next_start_ + window_ <= total_) {
        span = {next_start_, window_};
        next_start_ += hop_;
    } else {
        if (!ended_ || final_done_ || total_ == 0) return false;
        final_done_ = true;
        if (windows_ == 0 && total_ <= window_)
            span = {0, total_};  // a clip no longer than a window: one zero-padded window
        else if (windows_ == 0 || last_start_ + window_ < total_)
            span = {total_ - window_, window_};  // the tail, heard in full
        else
            return false;
    }
    ++windows_;
    last_start_ = span.start;
    if (samples) *samples = keep_ ? buf_.data() + (span.start - buf_start_) : nullptr;
    return true;
}

std::vector<WindowSpan> plan_windows(size_t n, size_t window, size_t hop) {
    WindowCutter cutter(window, hop, false);
    cutter.push(nullptr, n);
    cutter.finish();
    std::vector<WindowSpan> spans;
    WindowSpan span{};
    while (cutter.next(span)) spans.push_back(span);
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
