#pragma once
// Making a voice say texts: one espeak-ng or flite run per text, or one festival run for all of a voice's
// texts (festival takes half a second to start and load a voice). Each text becomes a WAV at the engine's own
// rate; the caller loads and normalises it.
#include <string>
#include <vector>

#include "dataset/synth/voices.h"

namespace sctx::synth {

/// Synthesizes texts[i] to wav_paths[i]. Returns which succeeded (a file that exists and is not empty).
/// A synthesizer that crashes on one text (festival's Indian voices do on some input) loses only that text.
/// work_dir holds temporary scripts.
std::vector<bool> synthesize_texts(const Voice& voice, const std::vector<std::string>& texts,
                                   const std::vector<std::string>& wav_paths, const std::string& work_dir);

}  // namespace sctx::synth
