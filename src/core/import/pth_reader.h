#pragma once
// Reads the tensors of a PyTorch state_dict file (torch.save(model.state_dict(), "best_model.pth")): the zip
// archive through LibTorch's PyTorchStreamReader, its data.pkl through our safe unpickler (no code runs, only
// the globals a state_dict needs are accepted), tensor bytes from the data/<key> records.
// Accepts a plain or ordered dict, a checkpoint wrapping it as "state_dict"/"model_state_dict"/"model", and
// DataParallel's "module." key prefix. Malformed input of any kind is an sctx::Error, never a crash, and no
// claimed size is trusted before it is checked against the file.
// The API is torch-free so the CLI, the tests and a fuzz target can use it without LibTorch headers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "import/safe_unpickler.h"

namespace sctx {

struct StateTensor {
    std::string key;  ///< as in the file, without a "module." prefix
    DType dtype = DType::Float32;
    std::vector<int64_t> shape;
    std::vector<uint8_t> data;  ///< contiguous (C order), little-endian, numel() * dtype_size(dtype) bytes

    size_t numel() const;
    /// The values converted to float (floating and integer types alike).
    std::vector<float> to_floats() const;
    /// The values converted to int64 (floating values truncated).
    std::vector<int64_t> to_ints() const;
    bool is_floating() const;
};

struct StateDict {
    std::vector<StateTensor> tensors;  ///< in the file's order
    std::vector<std::string> notes;    ///< what was unwrapped or skipped ("used the checkpoint's 'model_state_dict'")
};

/// Throws sctx::Error with the reason (the caller adds the file name).
StateDict read_state_dict(const std::string& path);
/// The same from a buffer (for tests and fuzzing). The buffer is only read.
StateDict read_state_dict_from_memory(const uint8_t* data, size_t size);

/// "[16, 1, 3, 3]"
std::string shape_string(const std::vector<int64_t>& shape);

}  // namespace sctx
