#pragma once
// The recording channel every clip goes through: microphone response, sometimes an automatic gain control
// (compressor) or an overdriven input, and the bandwidth of the device or line: full band, a 7 kHz or 4 kHz
// device, a telephone line (300-3400 Hz via 8 kHz, often with G.711 mu-law), a real codec (GSM, G.726, G.722,
// Opus, Speex, codec2, MP3, AAC, Vorbis through libavcodec: synth/codec.h), or a low-bitrate codec's holes.
// Real users' recordings come from phones, laptops and meeting rooms; a model that only heard clean
// wide-band audio calls anything else "noisy".
#include <string>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

struct ChannelInfo {
    std::string band;        ///< "wide", "7k", "4k", "phone", "codec" (look-alike), "real-codec"
    std::string codec;       ///< the real codec, for band "real-codec" (CodecSetting::describe)
    double highpass_hz = 0;  ///< the microphone's low cut
    bool compressed = false;
    bool clipped = false;
    bool mulaw = false;
    std::string describe() const;
};

/// Applies a random channel to 16 kHz samples in place.
ChannelInfo apply_channel(std::vector<float>& x, Rng& rng);

/// Low-bitrate codec look-alike: per 32 ms frame, spectral bins far below the frame's strongest are dropped
/// and the rest quantised coarsely in level, above `cutoff_hz` nothing is kept.
void codec_artifacts(std::vector<float>& x, double floor_db, double step_db, double cutoff_hz);

/// G.711 mu-law: 8-bit logarithmic quantisation (x in [-1, 1]).
void mulaw_quantise(std::vector<float>& x);

}  // namespace sctx::synth
