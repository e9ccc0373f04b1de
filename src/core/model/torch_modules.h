#pragma once
// Internal: the network architectures as TorchScript modules built from C++ (no Python at build or run time).
// Only the few .cpp files that already pay for <torch/script.h> include this header.
#include <torch/script.h>

#include <string>
#include <vector>

#include "model/model_config.h"

namespace sctx::torchmods {

/// Architectures this build can create: "original-cnn" (the original AudioClassifierCNN, exactly),
/// "socialctx-tcn" (CNN front end + temporal convolutions + mean/std pooling over time), "socialctx-tdnn"
/// (1-D convolutions over time with the mel bands as channels, mean/std pooling and a histogram of frame-to-frame
/// voice similarities) and "socialctx-crnn" (socialctx-tdnn with a bidirectional GRU before the pooling).
const std::vector<std::string>& architectures();

/// A fresh module with PyTorch's default initialisation, drawn from torch's global generator (seed it first).
/// Parameters are named like the original's state_dict entries where there is one (e.g. "conv1_weight").
torch::jit::Module build(const ModelConfig& config);

/// Saves a module with its config embedded as the extra file the loader requires.
void save(const torch::jit::Module& module, const ModelConfig& config, const std::string& path);

/// Softmax probabilities for a batch of features (batch x n_mels x frames) through a module's forward.
at::Tensor probabilities(torch::jit::Module& module, const at::Tensor& features, const std::string& output_kind);

}  // namespace sctx::torchmods
