#pragma once
// Turning a voice's cached utterances into one talker's track on a clip's timeline: each turn is filled with
// speech cut from the voice's utterances (starting at a sentence start or at a quiet point inside one, and
// ending at a quiet point, as a real turn ends between words), the whole talker is pitch/formant shifted by
// resampling (a larger or smaller vocal tract, a slower or quicker speaker), and coloured by an EQ of its own.
// The same talker keeps the same shift and colour for every turn in a clip.
#include <map>
#include <string>
#include <vector>

#include "dataset/synth/random.h"
#include "dataset/synth/turns.h"
#include "dataset/synth/utterances.h"

namespace sctx::synth {

/// Loads utterances once per clip.
class UtteranceLoader {
public:
    const std::vector<float>& get(const Utterance& u);

private:
    std::map<std::string, std::vector<float>> loaded_;
};

struct TalkerStyle {
    double shift = 1.0;  ///< resampling factor: >1 higher and quicker, <1 lower and slower
    double eq_freq = 1000, eq_q = 1, eq_gain_db = 0, shelf_gain_db = 0;
    static TalkerStyle random(Rng& rng);
};

/// Timeline geometry: `pre` samples before the window (room tails and filters settle there), then the window.
struct Timeline {
    size_t pre = 8000;
    size_t window = 48000;
    size_t length() const { return pre + window; }
    long sample(double seconds) const { return long(pre) + long(seconds * 16000.0); }
};

/// A talker's dry track: their turns (plan turns whose talker == index) with speech, at active RMS 1.
std::vector<float> render_talker(const VoicePool& voice, const std::vector<Turn>& turns, int talker,
                                 const TalkerStyle& style, const Timeline& timeline, UtteranceLoader& loader, Rng& rng);

/// Continuous speech from one voice filling the whole timeline (for babble), at active RMS 1.
std::vector<float> render_chatter(const VoicePool& voice, const TalkerStyle& style, const Timeline& timeline,
                                  UtteranceLoader& loader, Rng& rng);

}  // namespace sctx::synth
