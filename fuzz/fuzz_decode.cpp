// Arbitrary bytes as an audio file, through both paths the program reads audio by: the decoder's own
// read_mono() at the file's rate (also through the FFmpeg back end alone), and AudioStream at 16 kHz
// (resampling, NaN checks, librosa's length rule).
// Every failure must be an sctx::Error; anything else escaping (or a sanitizer report) is a finding.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

#include "audio/audio_decoder.h"
#include "audio/audio_stream.h"
#include "util/error.h"

namespace {

// 10 s of audio is plenty to reach every code path and keeps each input fast.
constexpr size_t kMaxSeconds = 10;
constexpr int kTargetRate = 16000;

void decode_native(std::unique_ptr<sctx::AudioDecoder> decoder) {
    const sctx::AudioInfo& info = decoder->info();
    // What open promises: a header inside the limits (validate_audio_info), never a hostile one.
    if (info.channels < 1 || info.channels > sctx::kMaxChannels || info.sample_rate < sctx::kMinSampleRate ||
        info.sample_rate > sctx::kMaxSampleRate)
        std::abort();
    const size_t cap = size_t(info.sample_rate) * kMaxSeconds;
    std::vector<float> block(4096);
    for (size_t total = 0; total < cap;) {
        const size_t want = std::min(block.size(), cap - total);
        const size_t got = decoder->read_mono(block.data(), want);
        if (got > want) std::abort();
        if (got == 0) break;
        total += got;
    }
}

void decode_stream(const uint8_t* data, size_t size) {
    sctx::AudioStream stream(sctx::open_audio_memory(data, size), kTargetRate);
    (void)stream.expected_samples();
    const std::vector<float> samples = sctx::read_all(stream, kTargetRate * kMaxSeconds);
    if (samples.size() > kTargetRate * kMaxSeconds) std::abort();
    if (stream.samples_read() != int64_t(samples.size())) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        decode_native(sctx::open_audio_memory(data, size));
    } catch (const sctx::Error&) {}
    // FFmpeg only sees what libsndfile refuses on the way above; here it gets every input.
    try {
        decode_native(sctx::open_with_ffmpeg_memory(data, size));
    } catch (const sctx::Error&) {}
    try {
        decode_stream(data, size);
    } catch (const sctx::Error&) {}
    return 0;
}
