#pragma once
// Real people as talkers: a corpus of single-speaker utterances extracted from Debian packages
// (scripts/extract-real-talkers.sh) that the scene mixer uses next to the synthesized voices. Layout of DIR:
//   talkers.csv     speaker,package,package_version,language,sex,identity,licence,split,utterances,speech_seconds
//   utterances.csv  speaker,file,seconds,speech_seconds,active_rms_dbfs,segments   (file relative to DIR;
//                   segments "s-e;s-e" in seconds: where the voice-activity detector heard speech)
//   sources.tsv     file, package, source path, start and end in the source (provenance)
// Every real speaker becomes one Voice of engine Real in a family of its own ("real:<speaker>"), with the split
// the corpus gave it, so no validation or test talker is ever heard in training. Sources reserved for evaluation
// (dataset/reserved_sources.h) are refused, by package and by path.
#include <string>
#include <vector>

#include "dataset/synth/utterances.h"

namespace sctx::synth {

struct RealTalkerCorpus {
    std::vector<VoicePool> pools;  ///< one per speaker with at least one usable utterance
    size_t utterances = 0;
    double speech_seconds = 0;
    std::vector<std::string> packages;  ///< distinct source packages
};

/// Reads a corpus folder. Throws sctx::Error naming the file and line (missing or malformed tables, a speaker of a
/// reserved package, a source path in a reserved folder, an utterance file that does not exist).
RealTalkerCorpus load_real_talkers(const std::string& dir);

/// Parses "0.120-1.450;1.900-2.300" (seconds). Throws sctx::Error on anything else.
std::vector<std::pair<float, float>> parse_speech_segments(const std::string& text);

}  // namespace sctx::synth
