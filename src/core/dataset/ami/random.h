#pragma once
// Seeded randomness for the AMI manifest. A manifest must come out the same on every machine for a given
// --seed, and std::uniform_int_distribution / std::shuffle are implementation-defined, so only the raw output
// of mt19937_64 (fully specified by the standard) is used, through the few draws below.
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace sctx::ami {

/// Each use (meeting splits, noise splits, noisy-window choice) gets its own salt, so that e.g. adding a
/// --noise-dir never changes which meetings are in the test split.
enum class RandomPurpose : uint64_t { MeetingSplit = 1, NoiseSplit = 2, NoisyWindows = 3 };

class SeededRandom {
public:
    SeededRandom(uint64_t seed, RandomPurpose purpose) : engine_(seed * 0x9E3779B97F4A7C15ull + uint64_t(purpose)) {}

    /// Uniform in [0, n), n > 0, without modulo bias.
    size_t index(size_t n) {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t draw;
        do draw = engine_();
        while (draw >= limit);
        return size_t(draw % n);
    }

    /// Uniform in [0, 1).
    double unit() { return double(engine_() >> 11) * 0x1.0p-53; }

    /// Fisher-Yates.
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[index(i)]);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace sctx::ami
