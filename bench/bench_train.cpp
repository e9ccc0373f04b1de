// Training cost per architecture: one optimisation step (forward + backward + Adam on a batch of 32, with the
// frame-target losses where the architecture has them) and one inference forward pass (the frozen, optimised
// module the classifier runs), each with 1 and 2 LibTorch threads. Untrained weights time the same as trained
// ones. bench/run_train_benchmarks.sh runs this under the reference BLAS and under OpenBLAS and prints the ratios.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <unistd.h>

#include "model/model.h"
#include "model/model_factory.h"
#include "train/trainer.h"

namespace {

sctx::ModelConfig config_for(const std::string& arch) {
    sctx::ModelConfig c;
    c.architecture = arch;
    return c;
}

void train_step(benchmark::State& state, const std::string& arch) {
    const int batch = int(state.range(0)), threads = int(state.range(1));
    for (auto _ : state) state.SetIterationTime(sctx::train::time_train_step(config_for(arch), batch, threads, 3));
    state.counters["clips/s"] = benchmark::Counter(double(state.iterations() * batch), benchmark::Counter::kIsRate);
}

std::shared_ptr<sctx::Model> model_for(const std::string& arch) {
    static std::map<std::string, std::shared_ptr<sctx::Model>> cache;
    auto& m = cache[arch];
    if (!m) {
        const std::string path = "/tmp/socialctx-train-bench-" + arch + "-" + std::to_string(::getpid()) + ".pt";
        sctx::create_untrained_model(config_for(arch), 1, path);
        m = sctx::Model::load(path);
        std::remove(path.c_str());
    }
    return m;
}

void forward(benchmark::State& state, const std::string& arch) {
    auto model = model_for(arch);
    const size_t batch = size_t(state.range(0));
    sctx::Model::set_threads(int(state.range(1)));
    std::vector<float> features(batch * 128 * 188, -40.f);
    for (auto _ : state) benchmark::DoNotOptimize(model->predict(features.data(), batch));
    state.counters["clips/s"] = benchmark::Counter(double(state.iterations() * batch), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
    for (const std::string& arch : sctx::known_architectures()) {
        benchmark::RegisterBenchmark(("BM_TrainStep/" + arch).c_str(), train_step, arch)
            ->Args({32, 1})
            ->Args({32, 2})
            ->UseManualTime()
            ->Iterations(2)
            ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("BM_Forward/" + arch).c_str(), forward, arch)
            ->Args({32, 1})
            ->Args({32, 2})
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
