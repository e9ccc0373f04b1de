#pragma once
// A decoded file as a stream of mono samples at the target rate: what librosa.load(path, sr=16000) returns,
// but in blocks, so a 12-hour recording costs the same memory as a 3-second clip.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "audio/audio_decoder.h"

namespace sctx {

class Resampler;

class AudioStream {
public:
    AudioStream(std::unique_ptr<AudioDecoder> decoder, int target_rate);
    ~AudioStream();
    AudioStream(AudioStream&&) noexcept;

    static AudioStream open(const std::string& path, int target_rate);

    /// Reads up to max samples; returns 0 at the end. Throws sctx::Error on corrupt data or NaN/Inf samples.
    size_t read(float* out, size_t max);

    const AudioInfo& source_info() const { return decoder_->info(); }
    int sample_rate() const { return target_rate_; }
    /// Expected length at the target rate, or -1 when the container does not say.
    int64_t expected_samples() const;
    /// Samples produced so far.
    int64_t samples_read() const { return produced_; }

private:
    bool refill();

    std::unique_ptr<AudioDecoder> decoder_;
    int target_rate_;
    std::unique_ptr<Resampler> resampler_;
    std::vector<float> block_;  // native-rate samples from the decoder
    std::vector<float> ready_;  // target-rate samples not yet handed out
    size_t ready_pos_ = 0;
    int64_t consumed_ = 0;  // native-rate samples decoded
    int64_t produced_ = 0;
    bool ended_ = false;
};

/// Whole file (or its first max_samples) as mono samples at target_rate.
std::vector<float> load_audio(const std::string& path, int target_rate, size_t max_samples = size_t(-1));

/// Whole stream of an already opened decoder (e.g. from memory) at target_rate.
std::vector<float> read_all(AudioStream& stream, size_t max_samples = size_t(-1));

}  // namespace sctx
