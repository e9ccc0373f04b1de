#pragma once
// Sparse sounds: the faint things a quiet room still has (a click, a knock, a distant door, a rustle, a clock)
// and the clatter of a kitchen or café. Each returns n samples at 16 kHz scaled to a peak of 1; the scene sets
// the level. None of them is speech.
#include <cstddef>
#include <string>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

/// Keyboard typing, mouse clicks, a tapping pen: short bright transients, singly or in runs.
std::vector<float> clicks(size_t n, Rng& rng);
/// Distant doors, footsteps, something put down next door: low, dull, decaying thumps.
std::vector<float> thuds(size_t n, Rng& rng);
/// Paper, clothing, a bag: bursts of band-limited noise with soft envelopes.
std::vector<float> rustle(size_t n, Rng& rng);
/// A clock ticking once or twice a second.
std::vector<float> ticking(size_t n, Rng& rng);
/// Dishes, cutlery, glasses: ringing metallic and ceramic impacts at 1-8 per second.
std::vector<float> clatter(size_t n, Rng& rng);

/// One of the quiet-room events above, chosen at random; `kind` receives its name.
std::vector<float> quiet_event(size_t n, Rng& rng, std::string& kind);

}  // namespace sctx::synth
