#pragma once
// The labelling rule: slide a window over a meeting and name each window by how many different people speak
// in it. A speaker is active in a window when their (merged) speech covers at least min_speech_s of it, so a
// breath or the tail of a word that crosses the window edge does not turn a monologue into a conversation.
#include <string>
#include <vector>

#include "dataset/ami/timeline.h"

namespace sctx::ami {

struct WindowingOptions {
    double window_s = 3.0;      ///< window length, seconds (the model's input length)
    double hop_s = 1.5;         ///< start-to-start distance, seconds
    double min_speech_s = 0.1;  ///< speech inside the window that makes a speaker active; 0 = any speech at all
};

struct LabelledWindow {
    double offset = 0;    ///< seconds from the start of the recording
    double duration = 0;  ///< = window_s
    int speakers = 0;     ///< active speakers
    std::string label;
};

/// 0 -> "Alone / Quiet", 1 -> "Speech / Monologue", 2 -> "One-on-One Conversation", 3+ -> "Group Discussion".
const std::string& label_for_speakers(int speakers);
/// "Noisy Environment": not a speaker count; made from monologue windows plus noise (ami/noise.h).
const std::string& noisy_label();

/// Speakers whose speech covers at least min_speech_s of [start, end) (and more than nothing).
int active_speakers(const std::vector<SpeechTimeline>& speakers, double start, double end, double min_speech_s);

/// Windows at 0, hop, 2*hop, ... that fit whole inside the recording (a last partial window is left out rather
/// than padded with silence, which would teach the model that trailing silence belongs to any class).
std::vector<LabelledWindow> label_windows(const std::vector<SpeechTimeline>& speakers, double recording_s,
                                          const WindowingOptions& options);

}  // namespace sctx::ami
