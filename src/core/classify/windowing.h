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

std::vector<WindowSpan> plan_windows(size_t n_samples, size_t window, size_t hop);

/// Seconds of the recording that each window stands for: boundaries half-way between neighbouring windows'
/// centres, so the shares of all windows add up to the duration. Used for the share of time per class.
std::vector<double> window_weights(const std::vector<WindowSpan>& spans, size_t n_samples, double sample_rate);

}  // namespace sctx
