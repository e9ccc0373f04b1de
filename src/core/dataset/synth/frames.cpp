#include "dataset/synth/frames.h"

#include <algorithm>

namespace sctx::synth {

FrameTargets frame_targets(const std::vector<const std::vector<uint8_t>*>& active, size_t window_begin, size_t frames,
                           size_t hop) {
    FrameTargets t;
    t.voices.assign(frames, '0');
    t.owner.assign(frames, '-');
    for (size_t f = 0; f < frames; ++f) {
        const long centre = long(window_begin + f * hop);
        const long from = centre - long(hop / 2), to = centre + long(hop - hop / 2);
        int sounding = 0, who = -1;
        for (size_t k = 0; k < active.size(); ++k) {
            const std::vector<uint8_t>& a = *active[k];
            size_t on = 0;
            for (long s = std::max(0L, from); s < std::min(to, long(a.size())); ++s) on += a[size_t(s)];
            if (2 * on >= hop) {
                ++sounding;
                who = int(k);
            }
        }
        t.voices[f] = char('0' + std::min(sounding, 9));
        if (sounding == 1 && who < 10) t.owner[f] = char('0' + who);
    }
    return t;
}

}  // namespace sctx::synth
