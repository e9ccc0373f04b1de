#pragma once
// Synthetic rooms: an impulse response per talker position, made of a direct path, a few early reflections
// and an exponentially decaying diffuse tail whose treble dies faster than its bass (as in real rooms, where
// air and soft surfaces absorb high frequencies). rt60 is the time for the tail to fall 60 dB; drr_db is the
// direct-to-reverberant energy ratio: high for a talker next to the microphone, near 0 or below across a room.
#include <vector>

#include "util/random.h"

namespace sctx::synth {

/// Impulse response at 16 kHz with a direct path of amplitude 1, at most 0.58 s long (so a 3.5 s timeline
/// and the response fit one 65536-point FFT).
std::vector<float> make_room_response(double rt60, double drr_db, Rng& rng);

/// x convolved with the response, cut back to x's length (the tail past the end of the timeline is dropped).
std::vector<float> apply_room(const std::vector<float>& x, const std::vector<float>& response);

}  // namespace sctx::synth
