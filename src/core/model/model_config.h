#pragma once
// The preprocessing contract a model carries inside its TorchScript file (extra file "socialctx.json"), so a
// model trained with other settings (another dB reference, window, classes) runs right without flags.
#include <cstddef>
#include <string>
#include <vector>

#include "features/log_mel.h"

namespace sctx {

/// The original project's classes, in its output order.
const std::vector<std::string>& default_class_names();

struct ModelConfig {
    std::string name = "socialctx";
    std::string version = "0";
    std::string architecture = "original-cnn";
    std::string description;
    std::vector<std::string> class_names = default_class_names();
    MelParams mel;                  ///< sample rate, n_fft, hop, n_mels, dB reference, top_db, amin
    double window_s = 3.0;          ///< seconds of audio per model input
    double hop_s = 1.5;             ///< default hop between windows of a long recording
    std::string output = "logits";  ///< "logits" (softmax applied by us) or "probabilities"

    size_t window_samples() const { return size_t(window_s * mel.sample_rate + 0.5); }
    size_t input_frames() const { return 1 + window_samples() / size_t(mel.hop_length); }

    std::string to_json() const;
    /// Throws sctx::Error naming the missing or bad field.
    static ModelConfig from_json(const std::string& text);
};

/// Name of the extra file inside the TorchScript archive.
constexpr const char* kModelConfigEntry = "socialctx.json";

}  // namespace sctx
