#pragma once
// `socialctx dataset synth`: a labelled training set of 3 s clips made from the speech synthesizers installed
// on this machine. Writes, under the output folder:
//   manifest.csv                       the rows `socialctx train` reads (stream "synth", source relative); with
//                                      frame_targets, also who speaks in each log-mel frame (dataset/manifest.h)
//   clips/<split>/<label-slug>/<id>.wav  16 kHz mono PCM16, exactly 48000 samples
//   clips.jsonl                        per clip: talkers (voice, family, turns), backgrounds, SNR, room, channel
//   voices.csv                         every voice used, its family and split
//   utterances/<voice>/<n>.wav         the synthesized utterance pool (reused by later runs; see --cache)
// The same options and seed give byte-identical files, whatever the thread count.
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "dataset/synth/utterances.h"

namespace sctx::synth {

struct SynthOptions {
    std::string out_dir;
    std::string cache_dir;  ///< empty: <out_dir>/utterances
    int count = 5000;       ///< clips in all, balanced over the five classes
    uint64_t seed = 1;
    std::string voices = "all";  ///< see select_voices
    int threads = 2;
    int utterances_per_voice = 8;
    /// A corpus of real talkers (synth/real_talkers.h) mixed into the scenes next to the synthesized voices;
    /// empty: synthesized voices only.
    std::string real_talkers_dir;
    double real_share = 0.65;    ///< expected share of real people among the talkers, when there is a corpus
    bool frame_targets = false;  ///< write the manifest's frame-target columns (talkers, frame_voices, frame_owner)
};

struct SynthSummary {
    size_t clips = 0;
    size_t voices = 0, families = 0;
    size_t real_speakers = 0, real_utterances = 0;
    double real_speech_seconds = 0;
    std::map<std::string, size_t> clips_per_split, families_per_split;
    CacheReport cache;
    double synthesis_seconds = 0, mixing_seconds = 0;
};

/// Progress and notes, one line each (the CLI prints them on standard error; the core never prints).
using SynthLog = std::function<void(const std::string&)>;

/// Throws sctx::Error (no synthesizer installed, too few voices for the classes, unwritable output).
SynthSummary generate_synth_dataset(const SynthOptions& options, const SynthLog& log);

/// "One-on-One Conversation" -> "one-on-one-conversation".
std::string label_slug(const std::string& label);

}  // namespace sctx::synth
