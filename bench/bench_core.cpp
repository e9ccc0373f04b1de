// Micro-benchmarks of the two hot stages: log-mel features per 3 s window (FFT back end as built) and the
// model's forward pass per window at batch 1 and 32, for both architectures (untrained weights time the same).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>

#include "features/log_mel.h"
#include "features/real_fft.h"
#include "model/model.h"
#include "model/model_factory.h"

namespace {

std::vector<float> speechlike_window() {
    std::mt19937 gen(1);
    std::normal_distribution<float> n(0.f, 0.05f);
    std::vector<float> s(48000);
    for (size_t i = 0; i < s.size(); ++i)
        s[i] = 0.2f * float(std::sin(2 * M_PI * (150 + 50 * std::sin(i / 4000.0)) * double(i) / 16000)) + n(gen);
    return s;
}

void BM_LogMelPerWindow(benchmark::State& state) {
    sctx::LogMelSpectrogram mel(sctx::MelParams{});
    const auto y = speechlike_window();
    std::vector<float> out(128 * 188);
    for (auto _ : state) {
        mel.compute(y.data(), y.size(), out.data());
        benchmark::DoNotOptimize(out.data());
    }
    state.SetLabel(sctx::RealFft::backend_name());
    state.counters["windows/s"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LogMelPerWindow)->Unit(benchmark::kMillisecond);

std::shared_ptr<sctx::Model> model_for(const std::string& arch) {
    static std::map<std::string, std::shared_ptr<sctx::Model>> cache;
    auto& m = cache[arch];
    if (!m) {
        sctx::ModelConfig c;
        c.architecture = arch;
        const std::string path = "/tmp/socialctx-bench-" + arch + "-" + std::to_string(::getpid()) + ".pt";
        sctx::create_untrained_model(c, 1, path);
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
    // Windows per second of CPU-bound forward passes (Time / batch is the time per window).
    state.counters["windows/s"] = benchmark::Counter(double(state.iterations() * batch), benchmark::Counter::kIsRate);
}

void BM_ForwardOriginalCnn(benchmark::State& state) { forward(state, "original-cnn"); }
void BM_ForwardTcn(benchmark::State& state) { forward(state, "socialctx-tcn"); }
void BM_ForwardTdnn(benchmark::State& state) { forward(state, "socialctx-tdnn"); }  // the shipped architecture
// Args: batch, LibTorch threads. Real time: LibTorch works on its own threads, which CPU time would not count.
BENCHMARK(BM_ForwardOriginalCnn)->Args({1, 2})->Args({32, 2})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ForwardTcn)->Args({1, 2})->Args({32, 2})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ForwardTdnn)->Args({1, 2})->Args({32, 2})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
