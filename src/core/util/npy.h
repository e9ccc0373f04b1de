#pragma once
// Minimal NumPy .npy (format 1.0) reading and writing of float32 arrays, for features and reference data.
#include <cstddef>
#include <string>
#include <vector>

namespace sctx {

struct NpyArray {
    std::vector<size_t> shape;
    std::vector<float> data;  ///< C order
};

void write_npy(const std::string& path, const float* data, const std::vector<size_t>& shape);
/// Reads float32 (or float64, converted) C-order arrays. Throws sctx::Error.
NpyArray read_npy(const std::string& path);

}  // namespace sctx
