#pragma once
// Seeded random numbers for the datasets (the synthesizer and the AMI manifests). The engine is std::mt19937_64
// (its sequence is fixed by the standard); the distributions are written out here because
// std::uniform_real_distribution, std::shuffle and friends are implementation-defined, and the same --seed must
// give the same clips and the same manifest with any standard library. The synthesizer gives every clip its own
// generator, seeded from (seed, clip index), so thread timing never changes a clip.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace sctx {

/// A well-mixed 64-bit seed from several parts (splitmix64 chain).
uint64_t mix_seed(uint64_t a, uint64_t b);
uint64_t mix_seed(uint64_t a, uint64_t b, uint64_t c);
/// FNV-1a of a string: stable ids for voices and families, independent of --seed.
uint64_t hash_string(const std::string& s);

class Rng {
public:
    explicit Rng(uint64_t seed) : engine_(seed) {}

    uint64_t bits() { return engine_(); }
    /// [0, 1) with 53 random bits.
    double uniform() { return double(engine_() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Integer in [0, n); n > 0. (Multiply-shift: the bias is below 2^-32 for the sizes used here.)
    size_t index(size_t n);
    int integer(int lo, int hi_inclusive) { return lo + int(index(size_t(hi_inclusive - lo + 1))); }
    bool chance(double p) { return uniform() < p; }
    /// Standard normal (Box-Muller, one value per call so the stream position never depends on history).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    /// exp(N(log median, sigma)), clamped to [lo, hi].
    double lognormal(double median, double sigma, double lo, double hi);
    /// Index drawn with the given non-negative weights.
    size_t weighted(const std::vector<double>& weights);
    /// An independent generator for a sub-task (so adding draws in one part leaves the others unchanged).
    Rng fork(uint64_t tag) { return Rng(mix_seed(engine_(), tag)); }

    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[index(v.size())];
    }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[index(i)]);
    }

    /// Integer in [0, n), n > 0, with no bias at all (rejection sampling): for draws whose exact distribution is
    /// part of a contract (the AMI splits). Consumes a different number of raw draws than index().
    size_t exact_index(size_t n) {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t draw;
        do draw = engine_();
        while (draw >= limit);
        return size_t(draw % n);
    }
    /// Fisher-Yates on exact_index().
    template <class T>
    void exact_shuffle(std::vector<T>& v) {
        for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[exact_index(i)]);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace sctx
