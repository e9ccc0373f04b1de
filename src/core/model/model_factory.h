#pragma once
// Making model files without touching LibTorch headers (tests, `socialctx init-model`).
#include <cstdint>
#include <string>
#include <vector>

#include "model/model_config.h"

namespace sctx {

/// Architectures this build can create ("original-cnn", "socialctx-tcn").
std::vector<std::string> known_architectures();

/// Writes a TorchScript model of config.architecture with PyTorch's default initialisation from `seed`
/// (deterministic), in eval mode, with the config embedded. Throws sctx::Error.
void create_untrained_model(const ModelConfig& config, uint64_t seed, const std::string& path);

/// One TorchScript model whose output is the mean of the given models' class probabilities (as log-probabilities,
/// output "logits", so softmax gives the mean back). The members must hear the same input (sample rate, mel
/// bands, frames, dB reference) and name the same classes; the ensemble's config is the first member's with
/// architecture "ensemble(a+b+...)", and `name`, `version`, `description` when not empty. Throws sctx::Error.
void create_ensemble(const std::vector<std::string>& members, const std::string& name, const std::string& version,
                     const std::string& description, const std::string& path);

}  // namespace sctx
