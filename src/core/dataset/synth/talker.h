#pragma once
// Turning a voice's cached utterances into one talker's track on a clip's timeline: each turn is filled with
// speech cut from the voice's utterances (starting at a sentence start or at a quiet point inside one, and
// ending at a quiet point, as a real turn ends between words), the whole talker is pitch/formant shifted by
// resampling (a larger or smaller vocal tract, a slower or quicker speaker), and coloured by an EQ of its own.
// The same talker keeps the same shift and colour for every turn in a clip.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "util/random.h"
#include "dataset/synth/turns.h"
#include "dataset/synth/utterances.h"

namespace sctx::synth {

/// An utterance's samples with, per sample, whether the voice is sounding (1) or not (0).
struct SpeechAudio {
    std::vector<float> samples;
    std::vector<uint8_t> active;
};

/// Loads utterances once per clip, with their activity: the detector's segments for real recordings, the energy
/// (speech_activity) for synthesized speech.
class UtteranceLoader {
public:
    const SpeechAudio& get(const Utterance& u);

private:
    std::map<std::string, SpeechAudio> loaded_;
};

/// Per-sample activity of clean speech read off its energy: 10 ms frames within 20 dB of the active level, gaps
/// under 60 ms inside a word closed, blips under 30 ms dropped.
std::vector<uint8_t> speech_activity(const std::vector<float>& samples);

struct TalkerStyle {
    double shift = 1.0;  ///< resampling factor: >1 higher and quicker, <1 lower and slower
    double eq_freq = 1000, eq_q = 1, eq_gain_db = 0, shelf_gain_db = 0;
    /// A synthesized voice may be shifted far (it becomes another plausible voice, and its family is the unit of
    /// identity); a real person only a little (speed perturbation of one talker, who must stay recognisably one).
    static TalkerStyle random(Rng& rng, bool real = false);
};

/// Timeline geometry: `pre` samples before the window (room tails and filters settle there), then the window.
struct Timeline {
    size_t pre = 8000;
    size_t window = 48000;
    size_t length() const { return pre + window; }
    long sample(double seconds) const { return long(pre) + long(seconds * 16000.0); }
};

/// A talker's dry track on the timeline and where their voice sounds in it.
struct TalkerTrack {
    std::vector<float> samples;  ///< at active RMS 1
    std::vector<uint8_t> active;
};

/// A talker's dry track: their turns (plan turns whose talker == index) with speech.
TalkerTrack render_talker(const VoicePool& voice, const std::vector<Turn>& turns, int talker, const TalkerStyle& style,
                          const Timeline& timeline, UtteranceLoader& loader, Rng& rng);

/// Continuous speech from one voice filling the whole timeline (for babble), at active RMS 1.
std::vector<float> render_chatter(const VoicePool& voice, const TalkerStyle& style, const Timeline& timeline,
                                  UtteranceLoader& loader, Rng& rng);

}  // namespace sctx::synth
