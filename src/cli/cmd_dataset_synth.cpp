// socialctx dataset synth: labelled 3 s training clips from the speech synthesizers installed here.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "dataset/synth/dataset.h"

namespace sctx::cli {

int cmd_dataset_synth(int argc, char** argv, int first) {
    ArgParser p("dataset synth", "--out DIR [OPTIONS]",
                "Makes labelled 3 s training clips from the speech synthesizers installed here (espeak-ng, flite,\n"
                "festival and its voices): quiet rooms, monologues, two-person conversations, groups of three or\n"
                "four, and one talker in loud noise, each through a random room and recording channel. Voices are\n"
                "split by family (train ~80%, val ~10%, test ~10%), so no val or test voice is heard in training.\n"
                "Writes DIR/manifest.csv, DIR/clips/<split>/<label>/*.wav (16 kHz mono, 48000 samples),\n"
                "DIR/clips.jsonl (who speaks when in each clip), DIR/voices.csv and the utterance cache\n"
                "DIR/utterances (reused by later runs). DIR/clips is rewritten on every run.\n"
                "The same options and --seed give byte-identical output.");
    p.option("out", 'o', "DIR", "Output folder");
    p.option("count", 'n', "N", "Clips in all, balanced over the five classes", "5000");
    p.option("seed", 's', "S", "Seed for everything random in the clips", "1");
    p.option("voices", 0, "LIST",
             "'all', or comma-separated prefixes of voice ids or families, e.g. flite,espeak+m3,speaker-slt "
             "(names: DIR/voices.csv)",
             "all");
    p.option("threads", 't', "N", "Threads for synthesis and mixing", "2");
    p.option("utterances-per-voice", 0, "N", "Utterances each voice says into the cache", "8");
    p.option("cache", 0, "DIR", "Utterance cache folder (default: DIR/utterances); share it between runs");
    p.option("real-talkers", 0, "DIR",
             "Corpus of real single talkers (scripts/extract-real-talkers.sh) mixed into the scenes next to the "
             "synthesized voices");
    p.flag("frame-targets", 0,
           "Also write who speaks in each log-mel frame (manifest columns talkers, frame_voices, frame_owner), for "
           "architectures that learn from frame targets");
    p.option("real-share", 0, "P", "Expected share of real people among a scene's talkers (with --real-talkers)",
             "0.65");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (!p.positionals().empty()) throw UsageError("dataset synth takes no file arguments (see --help)");
    if (!p.has("out")) throw UsageError("dataset synth needs --out DIR");

    synth::SynthOptions o;
    o.out_dir = p.value("out");
    o.cache_dir = p.value("cache");
    o.count = parse_count("count", p.value("count"), 1, 10000000);
    o.seed = uint64_t(parse_count("seed", p.value("seed"), 0, 2147483647));
    o.voices = p.value("voices");
    o.threads = parse_count("threads", p.value("threads"), 1, 256);
    o.utterances_per_voice = parse_count("utterances-per-voice", p.value("utterances-per-voice"), 1, 1000);
    o.real_talkers_dir = p.value("real-talkers");
    o.frame_targets = p.has("frame-targets");
    {
        const std::string share = p.value("real-share");
        char* end = nullptr;
        o.real_share = std::strtod(share.c_str(), &end);
        if (share.empty() || *end != 0 || !(o.real_share >= 0 && o.real_share <= 1))
            throw UsageError("--real-share wants a number from 0 to 1, not '" + share + "'");
    }

    const synth::SynthSummary s = synth::generate_synth_dataset(
        o, [](const std::string& line) { std::fprintf(stderr, "socialctx: %s\n", line.c_str()); });
    std::string splits;
    for (const auto& [split, n] : s.clips_per_split)
        splits += " " + split + " " + std::to_string(n) + " (" +
                  std::to_string(s.families_per_split.count(split) ? s.families_per_split.at(split) : 0) + " families)";
    std::fprintf(stderr,
                 "socialctx: wrote %zu clips to %s/manifest.csv from %zu voices in %zu families;%s; synthesis %.0f s, "
                 "mixing %.0f s\n",
                 s.clips, o.out_dir.c_str(), s.voices, s.families, splits.c_str(), s.synthesis_seconds,
                 s.mixing_seconds);
    if (s.real_speakers > 0)
        std::fprintf(stderr, "socialctx: real talkers: %zu speakers, %zu utterances, %.0f min of speech\n",
                     s.real_speakers, s.real_utterances, s.real_speech_seconds / 60);
    return kOk;
}

}  // namespace sctx::cli
