#include "dataset/ami/labeler.h"

#include <algorithm>
#include <cmath>

namespace sctx::ami {

// Spelled out rather than taken by position from default_class_names(): the manifest stores names, and the
// tests check that each of these is one of the model's classes.
const std::string& label_for_speakers(int speakers) {
    static const std::string names[] = {"Alone / Quiet", "Speech / Monologue", "One-on-One Conversation",
                                        "Group Discussion"};
    return names[std::clamp(speakers, 0, 3)];
}

const std::string& noisy_label() {
    static const std::string name = "Noisy Environment";
    return name;
}

int active_speakers(const std::vector<SpeechTimeline>& speakers, double start, double end, double min_speech_s) {
    int active = 0;
    for (const SpeechTimeline& s : speakers) {
        const double speech = s.speech_within(start, end);
        if (speech > kTimeEpsilon && speech >= min_speech_s - kTimeEpsilon) ++active;
    }
    return active;
}

std::vector<LabelledWindow> label_windows(const std::vector<SpeechTimeline>& speakers, double recording_s,
                                          const WindowingOptions& options) {
    std::vector<LabelledWindow> windows;
    if (!(options.window_s > 0) || !(options.hop_s > 0) || recording_s + kTimeEpsilon < options.window_s)
        return windows;
    // Offsets as k * hop (not a running sum) so they stay exact multiples however long the meeting.
    const auto count = size_t(std::floor((recording_s - options.window_s) / options.hop_s + kTimeEpsilon)) + 1;
    windows.reserve(count);
    for (size_t k = 0; k < count; ++k) {
        LabelledWindow w;
        w.offset = double(k) * options.hop_s;
        w.duration = options.window_s;
        w.speakers = active_speakers(speakers, w.offset, w.offset + w.duration, options.min_speech_s);
        w.label = label_for_speakers(w.speakers);
        windows.push_back(std::move(w));
    }
    return windows;
}

}  // namespace sctx::ami
