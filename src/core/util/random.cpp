#include "util/random.h"

#include <algorithm>
#include <cmath>

namespace sctx {

namespace {
uint64_t splitmix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
}  // namespace

uint64_t mix_seed(uint64_t a, uint64_t b) { return splitmix64(splitmix64(a) ^ (b * 0xD1B54A32D192ED03ull + 1)); }
uint64_t mix_seed(uint64_t a, uint64_t b, uint64_t c) { return mix_seed(mix_seed(a, b), c); }

uint64_t hash_string(const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

size_t Rng::index(size_t n) {
    const uint64_t r = engine_() >> 32;
    return size_t((r * uint64_t(n)) >> 32);
}

double Rng::normal() {
    // 1 - uniform() is in (0, 1], so the log is finite.
    const double u1 = 1.0 - uniform(), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

double Rng::lognormal(double median, double sigma, double lo, double hi) {
    return std::clamp(median * std::exp(sigma * normal()), lo, hi);
}

size_t Rng::weighted(const std::vector<double>& weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i]) return i;
        r -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

}  // namespace sctx
