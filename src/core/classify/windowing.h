#pragma once
// How a recording is cut into model inputs. A clip no longer than one window is one zero-padded window (the
// original's behaviour). A longer one gets windows every hop; if they stop short of the end, one more window is
// aligned with the end, so the tail is heard in full instead of as a mostly-silent padded window.
#include <cstddef>
#include <vector>

namespace sctx {

struct WindowSpan {
    size_t start;   ///< first sample
    size_t length;  ///< real samples in it (< window only for a short clip, which is zero-padded)
};

/// The windowing rule applied to a recording as its samples arrive: push() blocks of samples, take every window
/// whose samples are all here with next(), finish() at the end of the recording for the last (end-aligned or
/// zero-padded) window. It keeps only the samples a window may still need, so a 12-hour recording costs the
/// memory of a few windows. The classifier cuts with it; plan_windows() is the same rule on a length alone.
class WindowCutter {
public:
    /// keep_samples false: only spans, no samples (push(nullptr, n) then just counts).
    WindowCutter(size_t window, size_t hop, bool keep_samples = true);

    void push(const float* samples, size_t n);
    void finish() { ended_ = true; }

    /// The next window, if its samples are all here: its span and, when samples are kept, a pointer to its
    /// span.length samples, valid until the next push().
    bool next(WindowSpan& span, const float** samples = nullptr);

    size_t total_samples() const { return total_; }

private:
    size_t window_, hop_;
    bool keep_;
    std::vector<float> buf_;  // samples from buf_start_ on
    size_t buf_start_ = 0, total_ = 0, next_start_ = 0;
    size_t windows_ = 0, last_start_ = 0;
    bool ended_ = false, final_done_ = false;
};

/// Every window of a recording of n_samples (the spans WindowCutter gives for it).
std::vector<WindowSpan> plan_windows(size_t n_samples, size_t window, size_t hop);

/// Seconds of the recording that each window stands for: boundaries half-way between neighbouring windows'
/// centres, so the shares of all windows add up to the duration. Used for the share of time per class.
std::vector<double> window_weights(const std::vector<WindowSpan>& spans, size_t n_samples, double sample_rate);

}  // namespace sctx
