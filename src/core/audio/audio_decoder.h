#pragma once
// Decoding any supported container to mono float samples at the file's own rate, streamed in blocks.
// libsndfile reads WAV (PCM 8/16/24/32, float, A-law/µ-law), FLAC, OGG/Vorbis, Opus and MP3; FFmpeg reads what
// it cannot (M4A/AAC, WMA, ...). Resampling is a separate stage (resampler.h).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace sctx {

struct AudioInfo {
    int sample_rate = 0;
    int channels = 0;
    int64_t frames = -1;  ///< frames per channel at sample_rate; -1 when the container does not say
    std::string format;   ///< e.g. "WAV PCM_16", "MP3", "mov,mp4,m4a,3gp,3g2,mj2 / aac"
    std::string decoder;  ///< "libsndfile" or "ffmpeg"
    double duration_s() const { return (frames >= 0 && sample_rate > 0) ? double(frames) / sample_rate : -1.0; }
};

/// Limits that reject hostile headers before they cost memory.
constexpr int kMaxChannels = 256;
constexpr int kMinSampleRate = 1000;
constexpr int kMaxSampleRate = 768000;

class AudioDecoder {
public:
    virtual ~AudioDecoder() = default;
    virtual const AudioInfo& info() const = 0;
    /// Reads up to max_frames frames, each the mean of its channels (librosa.to_mono). Returns 0 at the end.
    /// Throws sctx::Error when the stream turns out to be corrupt.
    virtual size_t read_mono(float* out, size_t max_frames) = 0;
};

/// Opens a file: libsndfile first, FFmpeg for what libsndfile does not recognise. Throws sctx::Error with the
/// reason (the caller adds the file name).
std::unique_ptr<AudioDecoder> open_audio_file(const std::string& path);

/// The same from a buffer in memory (used by the fuzzers and by tests). The buffer must outlive the decoder.
std::unique_ptr<AudioDecoder> open_audio_memory(const uint8_t* data, size_t size);

// The two back ends, exposed for tests that want one in particular.
std::unique_ptr<AudioDecoder> open_with_sndfile(const std::string& path);
std::unique_ptr<AudioDecoder> open_with_sndfile_memory(const uint8_t* data, size_t size);
std::unique_ptr<AudioDecoder> open_with_ffmpeg(const std::string& path);
std::unique_ptr<AudioDecoder> open_with_ffmpeg_memory(const uint8_t* data, size_t size);

/// Checks the numbers a header claims; throws sctx::Error naming the bad one.
void validate_audio_info(const AudioInfo& info);

}  // namespace sctx
