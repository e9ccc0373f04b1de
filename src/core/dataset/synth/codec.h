#pragma once
// Real speech codecs for the recording channel: what phones, VoIP apps, radios, voice recorders and compressed
// files do to a voice. A clip is encoded and decoded in-process with FFmpeg's libavcodec (no ffmpeg processes, no
// files), at the codec's own sample rate and bitrate, then brought back to 16 kHz and re-aligned with the input
// (codecs delay the signal by their look-ahead), so frame targets stay where the voices are.
#include <string>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

struct CodecSetting {
    std::string encoder;           ///< libavcodec encoder name: "libgsm", "g726", "pcm_mulaw", "libopus", ...
    int rate = 8000;               ///< the codec's sample rate
    long bitrate = 0;              ///< bits per second (0: the codec's only rate)
    std::string option, value;     ///< one private encoder option (codec2's "mode"), empty for none
    std::string describe() const;  ///< e.g. "libopus@16k/12kbps"
};

/// A random codec a user's recording may have gone through: telephone (G.711, GSM, G.726, G.722), VoIP and
/// messaging (Opus, Speex), radio (codec2), compressed files (MP3, AAC, Vorbis) at low bitrates.
CodecSetting random_codec(Rng& rng);

/// Whether this FFmpeg build has the encoder and a decoder for it.
bool codec_available(const CodecSetting& codec);

/// Encodes and decodes 16 kHz audio through the codec; returns 16 kHz audio of the same length, aligned with the
/// input. Throws sctx::Error if the codec cannot be opened or fails.
std::vector<float> through_codec(const std::vector<float>& x16k, const CodecSetting& codec);

}  // namespace sctx::synth
