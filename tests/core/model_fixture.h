#pragma once
// An untrained model of the original architecture with fixed random weights, made once per test program.
#include <memory>
#include <map>
#include <mutex>

#include "model/model.h"
#include "model/model_factory.h"
#include "test_support.h"

namespace sctx::test {

inline std::shared_ptr<const Model> untrained_model(const std::string& arch = "original-cnn") {
    static TempDir dir;
    static std::mutex m;
    static std::map<std::string, std::shared_ptr<const Model>> cache;
    std::lock_guard<std::mutex> lock(m);
    auto& slot = cache[arch];
    if (!slot) {
        ModelConfig c;
        c.architecture = arch;
        c.name = "test-" + arch;
        const std::string path = dir.file(arch + ".pt");
        create_untrained_model(c, 42, path);
        slot = Model::load(path);
    }
    return slot;
}

}  // namespace sctx::test
