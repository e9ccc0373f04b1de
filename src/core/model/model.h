#pragma once
// A loaded classifier: TorchScript module + its embedded preprocessing config. The only door to LibTorch for
// the rest of the program (torch headers stay inside model/*.cpp).
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "model/model_config.h"

namespace sctx {

class Model {
public:
    /// Loads and checks a model: TorchScript, with a valid embedded config, whose output width equals the
    /// number of classes. Throws sctx::Error with the reason. When expected_sha256 is non-empty the file's
    /// hash must match it (the shipped model's hash is recorded at build time).
    static std::shared_ptr<Model> load(const std::string& path, const std::string& expected_sha256 = {});

    virtual ~Model() = default;
    virtual const ModelConfig& config() const = 0;
    virtual const std::string& path() const = 0;
    virtual const std::string& sha256() const = 0;

    /// features: batch x n_mels x input_frames log-mel values. Returns batch x classes probabilities
    /// (softmax of the logits). Thread-safe.
    virtual std::vector<float> predict(const float* features, size_t batch) const = 0;

    /// LibTorch intra-op threads for all models (process-wide).
    static void set_threads(int n);
};

}  // namespace sctx
