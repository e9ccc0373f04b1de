#pragma once
// `socialctx import`: a PyTorch state_dict (the original project's best_model.pth) becomes one of our TorchScript
// models with its preprocessing config embedded. Torch-free header; the work is in model_import.cpp.
#include <string>
#include <vector>

#include "model/model_config.h"

namespace sctx {

struct ImportReport {
    struct Assignment {
        std::string parameter;  ///< ours, e.g. "conv1_weight"
        std::string source;     ///< the file's key, e.g. "conv_layers.0.weight"
        std::string shape;      ///< "[16, 1, 3, 3]"
    };
    std::vector<Assignment> assignments;
    std::vector<std::string> notes;     ///< how the file was read (checkpoint unwrapped, entries skipped)
    std::vector<std::string> warnings;  ///< unused tensors, defaulted counters, non-finite weights
};

/// Reads `pth_path`, fills a fresh module of config.architecture from it, saves it with `config` embedded to
/// `out_path` (written under a temporary name, checked with Model::load, then renamed: a failed import leaves
/// no file behind). Throws sctx::Error naming the file at fault.
ImportReport import_state_dict(const std::string& pth_path, const ModelConfig& config, const std::string& out_path);

/// Re-saves the TorchScript model at `model_path` to `out_path` with `config_json` embedded exactly as given (no
/// checks), or with no config at all when it is empty. For making the models Model::load must refuse in tests.
void save_with_config(const std::string& model_path, const std::string& config_json, const std::string& out_path);

}  // namespace sctx
