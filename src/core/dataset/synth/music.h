#pragma once
// Background music for the noisy class: a chord progression played by some of pad, plucked arpeggio, bass and
// drums, at a random key and tempo, then coloured like a small loudspeaker. RMS 1 at 16 kHz. Instrumental only:
// music with singing would be speech by another name.
#include <cstddef>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

std::vector<float> music(size_t n, Rng& rng);

}  // namespace sctx::synth
