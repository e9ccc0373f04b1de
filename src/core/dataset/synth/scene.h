#pragma once
// One labelled 3 s clip, composed: talkers on a turn plan, each in their own spot of an optional room, a
// background (room tone and faint events for quiet; a noise floor 15-45 dB under speech; loud babble, traffic,
// clatter, music, hum or noise 0-12 dB under the one talker of a noisy scene), then a recording channel and a
// random final level. Everything random comes from the Rng given, so a clip is a pure function of its seed.
#include <limits>
#include <string>
#include <vector>

#include "dataset/synth/channel.h"
#include "util/random.h"
#include "dataset/synth/utterances.h"

namespace sctx::synth {

/// The five classes, in the model's order.
enum class SceneClass { Quiet = 0, Monologue = 1, Pair = 2, Group = 3, Noisy = 4 };
constexpr int kSceneClasses = 5;

/// The voices of one split, by family, for drawing distinct talkers: synthesized ones (espeak-ng; the recorded
/// diphone/HTS voices of flite and festival) and real people (engine Real).
class VoiceIndex {
public:
    /// real_share: the expected share of real people among a scene's talkers (used when the split has any).
    VoiceIndex(const std::vector<VoicePool>& pools, const std::string& split, double real_share = 0);
    /// Whether the split has the voices the class needs (distinct families for each talker).
    bool can_make(SceneClass kind) const;
    size_t families() const { return espeak_.size() + recorded_.size() + real_.size(); }
    size_t real_families() const { return real_.size(); }
    /// n voices of n different families. `avoid` families are used only when nothing else is left. With a
    /// language, families that have a voice speaking it come first, and that voice is the one taken.
    std::vector<const VoicePool*> draw(size_t n, Rng& rng, const std::vector<std::string>& avoid = {},
                                       const std::string& language = {}) const;
    /// The text language of a random voice of the split.
    const std::string& random_language(Rng& rng) const;

private:
    bool speaks(const std::vector<size_t>& family, const std::string& language) const;
    /// How many of n talkers are real people, for one scene.
    size_t real_count(size_t n, Rng& rng) const;
    std::vector<const VoicePool*> draw_synthetic(size_t n, Rng& rng, const std::vector<std::string>& avoid,
                                                 const std::string& language) const;
    std::vector<const VoicePool*> draw_real(size_t n, Rng& rng, const std::vector<std::string>& avoid,
                                            const std::string& language) const;
    const std::vector<VoicePool>& pools_;
    double real_share_ = 0;
    std::vector<size_t> members_;                                // every pool of the split
    std::vector<std::vector<size_t>> espeak_, recorded_, real_;  // families -> pool indices
};

struct TalkerRecord {
    std::string voice, family;
    bool real = false;  ///< a recorded person (engine Real), not a synthesizer
    double shift = 1, gain_db = 0;
    double visible_s = 0;                          ///< time inside the window covered by their turns
    double active_s = 0;                           ///< time inside the window their voice is actually sounding
    std::vector<std::pair<double, double>> turns;  ///< clipped to the window, seconds
};

struct SceneRecord {
    SceneClass kind = SceneClass::Quiet;
    std::vector<TalkerRecord> talkers;
    std::vector<std::string> backgrounds;  ///< what was under/around the speech
    std::vector<std::string> babble_voices;
    double snr_db = std::numeric_limits<double>::quiet_NaN();  ///< speech (active level) to background
    double rt60 = 0;                                           ///< 0: no room
    ChannelInfo channel;
    double rms_dbfs = 0;
    /// Per log-mel frame of the window (hop 256): how many talkers sound, and which one when only one does.
    std::string frame_voices, frame_owner;
};

struct Scene {
    std::vector<float> samples;  ///< exactly 48000 at 16 kHz
    SceneRecord record;
};

Scene make_scene(SceneClass kind, const VoiceIndex& voices, Rng& rng);

}  // namespace sctx::synth
