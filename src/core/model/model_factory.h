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

}  // namespace sctx
