#pragma once
// Which tensor of a state_dict fills which parameter of our architecture. The original project's attribute
// names are unknown (best_model.pth could say "conv_layers.0.weight" or "conv1.weight"), so names are not
// matched. What PyTorch does fix is each tensor's role suffix (weight, bias, running_mean, running_var,
// num_batches_tracked): tensors are grouped into layers by their prefix, each layer gets a kind from its
// roles and weight rank (conv2d, conv1d, linear, batch norm), and our layers take the file's layers of the same
// kind in order, the first whose shapes all fit. Torch-free.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "import/pth_reader.h"

namespace sctx {

/// One parameter or buffer of our architecture, named like "conv1_weight" or "bn1_running_mean".
struct ParameterSpec {
    std::string name;
    std::vector<int64_t> shape;
};

struct ParameterSource {
    std::string parameter;  ///< ours
    size_t tensor;          ///< index into StateDict::tensors
};

struct StateDictMapping {
    std::vector<ParameterSource> sources;  ///< in our parameter order
    std::vector<std::string> defaulted;    ///< ours left at their initial value (only num_batches_tracked may be)
    std::vector<std::string> warnings;     ///< tensors of the file that were not used
};

/// Throws sctx::Error listing every parameter that found no tensor, with the expected and found shapes.
StateDictMapping map_state_dict(const StateDict& state, const std::vector<ParameterSpec>& parameters,
                                const std::string& architecture);

}  // namespace sctx
