#pragma once
// Training-time augmentation on log-mel features (float buffers, n_mels x frames, in dB), applied to each example
// of a batch after it is copied out of the feature cache: the cache stays clean, and every epoch sees new masks.
#include <cstddef>
#include <cstdint>

#include "features/log_mel.h"

namespace sctx::train {

/// A small deterministic generator (SplitMix64): the same seed gives the same augmentations on every platform
/// and standard library, which std::uniform_*_distribution does not promise.
class Rng {
public:
    explicit Rng(uint64_t seed) : s_(seed) {}
    uint64_t next();
    double uniform();                      ///< [0, 1)
    double uniform(double lo, double hi);  ///< [lo, hi)
    size_t below(size_t n);                ///< [0, n), n > 0

private:
    uint64_t s_;
};

struct AugmentOptions {
    bool spec_augment = true;
    int freq_masks = 2;      ///< bands of mel bins set to the example's mean
    int freq_mask_max = 12;  ///< widest frequency mask, mel bins
    int time_masks = 2;
    int time_mask_max = 16;  ///< widest time mask, frames (16 ms each at the default hop)
    double gain_db = 0;      ///< random gain in [-gain_db, gain_db]; only changes anything with ref=1.0
    double mix_prob = 0;     ///< chance of mixing a background example in (see mix_background)
    double mix_snr_lo = 15, mix_snr_hi = 35;  ///< dB of the example over the mixed-in background
};

/// SpecAugment-style masks, in place. When masked_frames is given (frames long), frames under a time mask are set
/// to 1 there, so frame-level targets can be ignored where the input was hidden.
void spec_augment(float* f, size_t n_mels, size_t frames, const AugmentOptions& o, Rng& rng,
                  uint8_t* masked_frames = nullptr);

/// Adds gain dB to every value (a level change is a shift of the log spectrum when the reference is 1.0).
void apply_gain(float* f, size_t count, double gain_db);

/// Mixes `background` (another example's features) into `f` at snr_db, in the power domain (the sum of the two
/// mel power spectra, phases ignored), then applies the dB reference and the top_db floor again.
void mix_background(float* f, const float* background, size_t count, double snr_db, const MelParams& mel);

}  // namespace sctx::train
