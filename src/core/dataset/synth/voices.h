#pragma once
// The catalogue of synthetic voices: which synthesizers and voices are installed, and the voices made from
// them. A Voice is one way of calling a synthesizer (voice, variant, pitch, speed), so one installed voice
// gives several Voices. Voices that share a timbre form a family (espeak-ng's variant, or the recorded person
// behind a flite/festival voice: flite's slt and festival's cmu_us_slt_arctic_hts are one family), and splits
// are made by family, so no test talker is ever heard in training, not even at another pitch.
#include <string>
#include <vector>

namespace sctx::synth {

/// Real: a recorded person from a corpus on disk (load_real_talkers), not a synthesizer.
enum class Engine { Espeak, Flite, Festival, Real };
const char* engine_name(Engine engine);

enum class TextCharset { Utf8, Latin1, Latin2 };

struct Voice {
    std::string id;      ///< unique and file-name safe, e.g. "espeak-en-us+m3-p45-s165"
    std::string family;  ///< e.g. "espeak+m3", "speaker-slt", "real:fotaq-joe"; splits never divide a family
    Engine engine = Engine::Espeak;
    std::string engine_voice;  ///< what the synthesizer is asked for: "en-us+m3", "slt", "czech_dita"
    std::string language;      ///< text language (synth_text)
    TextCharset charset = TextCharset::Utf8;
    int pitch = 50;        ///< espeak-ng -p (0-99)
    int speed = 175;       ///< espeak-ng -s (words per minute)
    double f0_mean = 0;    ///< flite int_f0_target_mean in Hz (0: the voice's own)
    double stretch = 1.0;  ///< flite duration_stretch / festival Duration_Stretch (>1 slower)
    std::string split;     ///< train, val or test (assign_splits)

    /// Everything that decides the audio, for the utterance cache's staleness check.
    std::string recipe() const;
};

struct InstalledVoices {
    std::vector<std::string> espeak_variants;   ///< "m3", "f2", "klatt", ... (empty if espeak-ng is missing)
    std::vector<std::string> espeak_languages;  ///< as espeak-ng --voices lists them
    std::vector<std::string> flite_voices;
    std::vector<std::string> festival_voices;
    bool espeak = false;
};

/// Which synthesizers a --voices selection (see select_voices) can match at all, so that the others need not
/// be started just to list their voices (festival takes seconds to start).
struct EngineSet {
    bool espeak = true, flite = true, festival = true;
};
EngineSet engines_for_selection(const std::string& list);

/// Asks the installed programs (espeak-ng --voices, flite -lv, festival's voice.list).
InstalledVoices detect_installed_voices(const EngineSet& engines = {});

/// All voices made from what is installed. Deterministic: depends only on the installed set, not on --seed,
/// so the utterance cache stays valid between runs with different seeds.
std::vector<Voice> build_voice_catalog(const InstalledVoices& installed);

/// "all", or a comma-separated list where each item selects voices whose id or family equals it or starts
/// with it ("flite", "espeak+m3", "speaker-slt", "espeak-en-us+f2-p40-s170"). Throws sctx::Error if an
/// item matches nothing.
std::vector<Voice> select_voices(const std::vector<Voice>& catalog, const std::string& list);

/// Sets Voice::split by family: about 80/10/10 of the families in each of two groups (espeak-ng; the recorded
/// voices of flite and festival), ordered by a fixed hash of the family name. With three or more families in
/// a group, val and test each get at least one.
void assign_splits(std::vector<Voice>& voices);

}  // namespace sctx::synth
