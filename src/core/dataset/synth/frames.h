#pragma once
// Frame-level targets of a clip, from the talkers' activity on its timeline: for every log-mel frame of the window,
// how many voices sound and, when exactly one does, whose. The manifest carries them (dataset/manifest.h) so a
// model can learn who speaks when, not just the clip's label.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sctx::synth {

struct FrameTargets {
    std::string voices;  ///< '0'..'9' per frame
    std::string owner;   ///< talker index '0'..'9' when exactly one voice sounds, '-' otherwise
};

/// `active[k]` is talker k's per-sample activity on the timeline; the window starts at sample `window_begin`.
/// Frame f is centred on window_begin + f * hop (librosa's centred frames); a talker sounds in it when at least
/// half of the hop-long cell around the centre is active.
FrameTargets frame_targets(const std::vector<const std::vector<uint8_t>*>& active, size_t window_begin, size_t frames,
                           size_t hop);

}  // namespace sctx::synth
