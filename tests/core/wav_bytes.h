#pragma once
// Hand-made WAV files, for headers no encoder would write.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace sctx::test {

struct WavHeader {
    uint16_t format = 1;  // 1 PCM, 3 IEEE float
    uint16_t channels = 1;
    uint32_t rate = 16000;
    uint16_t bits = 16;
    int64_t data_size = -1;  // -1: the real size
};

inline void put16(std::string& s, uint16_t v) { s.append({char(v & 0xff), char(v >> 8)}); }
inline void put32(std::string& s, uint32_t v) {
    for (int i = 0; i < 4; ++i) s.push_back(char((v >> (8 * i)) & 0xff));
}

inline std::string wav_bytes(const WavHeader& h, const std::string& payload) {
    std::string s = "RIFF";
    const uint32_t data_size = h.data_size < 0 ? uint32_t(payload.size()) : uint32_t(h.data_size);
    put32(s, 36 + data_size);
    s += "WAVEfmt ";
    put32(s, 16);
    put16(s, h.format);
    put16(s, h.channels);
    put32(s, h.rate);
    put32(s, h.rate * h.channels * (h.bits / 8));
    put16(s, uint16_t(h.channels * (h.bits / 8)));
    put16(s, h.bits);
    s += "data";
    put32(s, data_size);
    return s + payload;
}

inline std::string float_payload(const std::vector<float>& v) {
    std::string s(v.size() * 4, '\0');
    std::memcpy(s.data(), v.data(), s.size());
    return s;
}

}  // namespace sctx::test
