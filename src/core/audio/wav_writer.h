#pragma once
// Writing mono audio (test fixtures, synthesized training clips, the real-speech evaluation set).
#include <string>
#include <vector>

namespace sctx {

enum class WavSample { Pcm16, Float32 };

/// Writes a mono WAV through libsndfile. Throws sctx::Error.
void write_wav(const std::string& path, const float* samples, size_t n, int sample_rate,
               WavSample sample = WavSample::Pcm16);
inline void write_wav(const std::string& path, const std::vector<float>& s, int rate, WavSample t = WavSample::Pcm16) {
    write_wav(path, s.data(), s.size(), rate, t);
}

}  // namespace sctx
