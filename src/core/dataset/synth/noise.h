#pragma once
// Steady backgrounds: room tone, coloured noise, mains hum, ventilation, traffic, and a café's babble is made
// from voices in synth_scene. Each generator returns n samples at 16 kHz with an RMS of 1; the scene sets the
// level. Every one draws its own character (colour, frequencies, modulation) from the generator it is given.
#include <cstddef>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

/// Gaussian noise with a spectral slope in dB per octave (0 white, -3 pink, -6 brown) and, when `bumps`,
/// a few broad random resonances of up to +-8 dB, as rooms, fans and preamps give a noise floor.
std::vector<float> coloured_noise(size_t n, double slope_db_per_octave, bool bumps, Rng& rng);
/// A quiet room: coloured noise of a random slope with bumps, low end rolled off.
std::vector<float> room_tone(size_t n, Rng& rng);
/// Mains hum or buzz: 50 or 60 Hz with random harmonics and a slow wobble.
std::vector<float> hum(size_t n, Rng& rng);
/// Ventilation / air conditioning: low rumble, some hiss, sometimes a fan's blade tone.
std::vector<float> ventilation(size_t n, Rng& rng);
/// Road traffic: brown rumble with passing vehicles swelling and fading, now and then an engine's tone.
std::vector<float> traffic(size_t n, Rng& rng);

/// Scales x to RMS 1 (leaves silence as it is).
void normalise_rms(std::vector<float>& x);

}  // namespace sctx::synth
