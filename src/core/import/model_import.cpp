// The torch side of the importer: our module for the architecture, the copy, the save and the check.
#include "import/model_import.h"

#include <torch/script.h>

#include <cmath>
#include <filesystem>

#include "import/pth_reader.h"
#include "import/state_dict_mapping.h"
#include "model/model.h"
#include "model/torch_modules.h"
#include "platform/process.h"
#include "util/error.h"

namespace sctx {

namespace {

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

// Removes a temporary file unless released: a failed import leaves nothing behind.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    ~TempFile() {
        if (!path_.empty()) {
            std::error_code ec;
            std::filesystem::remove(path_, ec);
        }
    }
    const std::string& path() const { return path_; }
    void release() { path_.clear(); }

private:
    std::string path_;
};

// Parameters and buffers in registration order (named_attributes also lists the "training" flag: skipped).
std::vector<ParameterSpec> specs_of(const torch::jit::Module& m) {
    std::vector<ParameterSpec> specs;
    for (const auto& a : m.named_attributes(/*recurse=*/false))
        if (a.value.isTensor()) specs.push_back({a.name, a.value.toTensor().sizes().vec()});
    return specs;
}

}  // namespace

ImportReport import_state_dict(const std::string& pth_path, const ModelConfig& config, const std::string& out_path) {
    // Before any work: a typo in the output folder should not cost a full import.
    const std::filesystem::path folder = std::filesystem::path(out_path).parent_path();
    std::error_code ec;
    if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
        throw Error("cannot write " + out_path + ": folder " + folder.string() + " does not exist");
    StateDict state;
    try {
        state = read_state_dict(pth_path);
    } catch (const Error& e) {
        throw Error(pth_path + ": " + e.what());
    }
    torch::manual_seed(0);  // every value is overwritten; seeded only so the output file is reproducible
    torch::jit::Module module = torchmods::build(config);
    const std::vector<ParameterSpec> specs = specs_of(module);

    StateDictMapping mapping;
    try {
        mapping = map_state_dict(state, specs, config.architecture);
    } catch (const Error& e) {
        throw Error(pth_path + ": " + e.what());
    }

    ImportReport report;
    report.notes = state.notes;
    report.warnings = mapping.warnings;
    for (const auto& name : mapping.defaulted)
        report.warnings.push_back(name +
                                  " was not in the file and keeps its initial value (it does not affect "
                                  "predictions)");
    {
        torch::NoGradGuard no_grad;
        for (const auto& src : mapping.sources) {
            const StateTensor& t = state.tensors[src.tensor];
            at::Tensor dst = module.attr(src.parameter).toTensor();
            if (dst.scalar_type() == at::kLong) {
                std::vector<int64_t> v = t.to_ints();
                dst.copy_(torch::from_blob(v.data(), dst.sizes(), at::kLong));
            } else {
                std::vector<float> v = t.to_floats();
                size_t bad = 0;
                for (float x : v) bad += !std::isfinite(x);
                if (bad)
                    report.warnings.push_back(t.key + " holds " + std::to_string(bad) +
                                              " non-finite values (NaN or infinity): the model will not give useful "
                                              "predictions");
                dst.copy_(torch::from_blob(v.data(), dst.sizes(), at::kFloat));
            }
            report.assignments.push_back({src.parameter, t.key, shape_string(t.shape)});
        }
    }
    module.eval();

    TempFile temp(out_path + ".partial-" + std::to_string(platform::current_process_id()));
    torchmods::save(module, config, temp.path());
    try {
        Model::load(temp.path());  // the same checks every later use will make: fail now, not then
    } catch (const Error& e) {
        throw Error("the imported model does not load (" + std::string(e.what()) + ")");
    }
    std::filesystem::rename(temp.path(), out_path, ec);
    if (ec) throw Error("cannot write " + out_path + ": " + ec.message());
    temp.release();
    return report;
}

void save_with_config(const std::string& model_path, const std::string& config_json, const std::string& out_path) {
    try {
        torch::jit::Module m = torch::jit::load(model_path);
        torch::jit::ExtraFilesMap extra;
        if (!config_json.empty()) extra[kModelConfigEntry] = config_json;
        m.save(out_path, extra);
    } catch (const c10::Error& e) {
        throw Error("cannot re-save " + model_path + " as " + out_path + ": " + first_line(e.what_without_backtrace()));
    } catch (const std::exception& e) {
        throw Error("cannot re-save " + model_path + " as " + out_path + ": " + first_line(e.what()));
    }
}

}  // namespace sctx
