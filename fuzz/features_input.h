#pragma once
// How fuzz_features reads its input, shared with the regression test that replays its findings
// (tests/reliability/fuzz_regressions_test.cpp). First byte: odd = the shipped parameters, the rest float samples;
// even = 32 bytes of parameters (reaching a little past the valid ranges, which must be refused with an
// sctx::Error), then the samples. Samples are raw little-endian floats: NaN, Inf, denormals, anything.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "features/log_mel.h"

namespace sctx::fuzz {

struct FeaturesInput {
    bool shipped_params = true;
    MelParams params;
    std::vector<float> samples;
};

constexpr size_t kParamBytes = 32;

class ByteReader {
public:
    ByteReader(const uint8_t* p, size_t n) : p_(p), left_(n) {}
    template <typename T>
    T take() {
        T v{};
        if (left_ >= sizeof v) {
            std::memcpy(&v, p_, sizeof v);
            p_ += sizeof v;
            left_ -= sizeof v;
        }
        return v;
    }

private:
    const uint8_t* p_;
    size_t left_;
};

inline std::vector<float> floats_from(const uint8_t* data, size_t size) {
    std::vector<float> out(size / sizeof(float));
    if (!out.empty()) std::memcpy(out.data(), data, out.size() * sizeof(float));
    return out;
}

/// Nothing when the input is too short for its mode.
inline std::optional<FeaturesInput> parse_features_input(const uint8_t* data, size_t size) {
    if (size < 1) return std::nullopt;
    FeaturesInput in;
    in.shipped_params = data[0] & 1;
    const uint8_t* rest = data + 1;
    size_t left = size - 1;
    if (!in.shipped_params) {
        if (left < kParamBytes) return std::nullopt;
        ByteReader r(rest, kParamBytes);
        MelParams& p = in.params;
        p.sample_rate = -1000 + int(r.take<uint16_t>() % 97001);
        p.n_fft = -64 + int(r.take<uint16_t>() % 2113);
        p.hop_length = -4 + int(r.take<uint16_t>() % 1029);
        p.n_mels = -4 + int(r.take<uint8_t>() % 165);
        p.fmin = double(r.take<float>());
        p.fmax = double(r.take<float>());
        p.amin = double(r.take<float>());
        p.top_db = double(r.take<float>());
        p.ref = r.take<uint8_t>() & 1 ? DbReference::Max : DbReference::One;
        rest += kParamBytes;
        left -= kParamBytes;
    }
    in.samples = floats_from(rest, left);
    return in;
}

}  // namespace sctx::fuzz
