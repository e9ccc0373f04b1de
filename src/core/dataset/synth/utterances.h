#pragma once
// The utterance pool: every voice says a few utterances once, into CACHE/<voice id>/<n>.wav (16 kHz, silence
// trimmed, level normalised), next to <n>.txt with the recipe and text that made it. A later run reuses a file
// whose recipe still matches, so changing --seed or --count never re-synthesizes. Synthesis is the slow part of
// the generator and runs on several threads; each utterance's text depends only on (voice, n), never on the
// order the threads finish in.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "dataset/synth/voices.h"

namespace sctx::synth {

struct Utterance {
    std::string path;
    size_t samples = 0;  ///< at 16 kHz
    /// Where speech sounds, seconds from the start (from a voice-activity detector, for real recordings). Empty:
    /// clean synthesized speech, whose activity is read off its energy (speech_activity).
    std::vector<std::pair<float, float>> speech;
};

struct VoicePool {
    Voice voice;
    std::vector<Utterance> utterances;  ///< in index order; failed ones left out
};

struct CacheReport {
    size_t synthesized = 0, reused = 0, failed = 0;
};

/// (voices finished, voices in all, utterances synthesized so far)
using CacheProgress = std::function<void(size_t, size_t, size_t)>;

/// Makes sure every voice has `per_voice` utterances in cache_dir; returns the pools of voices that have at
/// least one (a voice whose synthesizer fails on everything is left out).
std::vector<VoicePool> build_utterance_cache(const std::vector<Voice>& voices, const std::string& cache_dir,
                                             int per_voice, int threads, const CacheProgress& progress,
                                             CacheReport* report = nullptr);

/// The text of utterance n of a voice (exposed for tests and for the .txt record).
std::string utterance_text(const Voice& voice, int n);

/// Loads a cached utterance (16 kHz mono). Throws sctx::Error.
std::vector<float> load_utterance(const Utterance& u);

/// Trims leading and trailing silence and scales the active speech level to -20 dBFS (peaks kept below 0.98).
/// Returns false when there is less than 0.3 s of sound left.
bool tidy_utterance(std::vector<float>& samples);

}  // namespace sctx::synth
