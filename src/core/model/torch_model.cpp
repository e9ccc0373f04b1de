// Model::load and inference through LibTorch.
#include <ATen/Parallel.h>
#include <torch/csrc/jit/passes/freeze_module.h>
#include <torch/csrc/jit/passes/frozen_graph_optimizations.h>
#include <torch/script.h>

#include <fstream>
#include <sstream>

#include "model/model.h"
#include "model/torch_modules.h"
#include "util/error.h"
#include "util/sha256.h"

namespace sctx {
namespace {

std::string first_line(const std::string& s) {
    auto nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl);
}

std::string last_line(const std::string& s) {
    std::string t = s;
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    auto nl = t.find_last_of('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
}

class TorchModel final : public Model {
public:
    TorchModel(std::string path, std::string sha, ModelConfig config, torch::jit::Module module)
        : path_(std::move(path)), sha_(std::move(sha)), config_(std::move(config)), module_(std::move(module)) {}

    const ModelConfig& config() const override { return config_; }
    const std::string& path() const override { return path_; }
    const std::string& sha256() const override { return sha_; }

    std::vector<float> predict(const float* features, size_t batch) const override {
        const int64_t mels = config_.mel.n_mels, frames = int64_t(config_.input_frames());
        c10::InferenceMode guard;
        at::Tensor input = torch::from_blob(const_cast<float*>(features), {int64_t(batch), mels, frames}, at::kFloat);
        at::Tensor probs;
        try {
            probs = torchmods::probabilities(module_, input, config_.output).contiguous();
        } catch (const c10::Error& e) {
            throw Error("model failed: " + first_line(e.what_without_backtrace()));
        } catch (const std::exception& e) {
            // TorchScript interpreter errors (torch::jit::JITException): the reason is on the last line.
            throw Error("model failed: " + last_line(e.what()));
        } catch (...) {
            throw Error("model failed: (unknown exception)");
        }
        const float* p = probs.data_ptr<float>();
        return std::vector<float>(p, p + probs.numel());
    }

private:
    std::string path_, sha_;
    ModelConfig config_;
    // forward() of a TorchScript module is safe from several threads; jit::Module's handle is not const-correct.
    mutable torch::jit::Module module_;
};

}  // namespace

void Model::set_threads(int n) {
    if (n > 0) at::set_num_threads(n);
}

std::shared_ptr<Model> Model::load(const std::string& path, const std::string& expected_sha256) {
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe) throw Error("cannot open model file " + path);
    }
    std::string sha = sha256_file(path);
    if (!expected_sha256.empty() && sha != expected_sha256)
        throw Error("model file " + path + " does not match the SHA-256 recorded when this program was built (" + sha +
                    " instead of " + expected_sha256 + "): it was changed or replaced");
    torch::jit::ExtraFilesMap extra{{kModelConfigEntry, ""}};
    torch::jit::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU, extra);
    } catch (const c10::Error& e) {
        throw Error(path + " is not a TorchScript model (" + first_line(e.what_without_backtrace()) + ")");
    } catch (const std::exception& e) {
        throw Error(path + " is not a TorchScript model (" + first_line(e.what()) + ")");
    }
    if (extra[kModelConfigEntry].empty())
        throw Error(path + " has no embedded socialctx config (extra file \"" + kModelConfigEntry +
                    "\"); make models with `socialctx import` or `socialctx train`");
    ModelConfig config;
    try {
        config = ModelConfig::from_json(extra[kModelConfigEntry]);
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    module.eval();
    torch::jit::Module ready = module;
    try {
        // Freezing folds batch norm into the convolutions: about 2.5x faster on CPU (measured).
        ready = torch::jit::optimize_for_inference(module);
    } catch (const c10::Error&) {
        ready = module;  // an architecture the optimiser cannot handle still runs, only slower
    }
    auto model = std::make_shared<TorchModel>(path, sha, config, ready);
    // A dry run proves the input shape and the output width now, not in the middle of a batch.
    std::vector<float> zeros(size_t(config.mel.n_mels) * config.input_frames(), -80.f);
    std::vector<float> out;
    try {
        out = model->predict(zeros.data(), 1);
    } catch (const Error& e) {
        throw Error(path + ": the network does not accept a " + std::to_string(config.mel.n_mels) + " x " +
                    std::to_string(config.input_frames()) + " log-mel input (" + e.what() + ")");
    }
    if (out.size() != config.class_names.size())
        throw Error(path + ": the network has " + std::to_string(out.size()) + " outputs but its config lists " +
                    std::to_string(config.class_names.size()) + " classes");
    return model;
}

}  // namespace sctx
