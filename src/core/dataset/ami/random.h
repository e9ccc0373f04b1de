#pragma once
// Seeded randomness for the AMI manifest: the project's one generator (util/random.h), seeded per purpose. A
// manifest must come out the same on every machine for a given --seed, so the AMI code draws only through
// Rng::exact_index / exact_shuffle / uniform, whose results the standard fixes.
#include <cstdint>

#include "util/random.h"

namespace sctx::ami {

/// Each use (meeting splits, noise splits, noisy-window choice) gets its own salt, so that e.g. adding a
/// --noise-dir never changes which meetings are in the test split.
enum class RandomPurpose : uint64_t { MeetingSplit = 1, NoiseSplit = 2, NoisyWindows = 3 };

/// The generator for one purpose (the seeding every AMI manifest so far was made with).
inline Rng seeded_random(uint64_t seed, RandomPurpose purpose) {
    return Rng(seed * 0x9E3779B97F4A7C15ull + uint64_t(purpose));
}

}  // namespace sctx::ami
