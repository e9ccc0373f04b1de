#include "classify/batch_runner.h"

#include <exception>
#include <mutex>
#include <thread>

namespace sctx {

BatchRunner::BatchRunner(std::shared_ptr<const Model> model, BatchOptions options)
    : options_(options), classifier_(std::move(model), options.classify) {}

void BatchRunner::run(const std::vector<std::string>& files, const std::function<void(FileResult&&)>& on_result,
                      const std::atomic<bool>* cancel) {
    if (files.empty()) return;
    const int threads = std::max(1, options_.threads);
    // Short clips: files in parallel scale best. One long recording: its forward passes use all threads.
    const int workers = int(std::min<size_t>(size_t(threads), files.size()));
    Model::set_threads(std::max(1, threads / workers));
    // The same threads compute a batch's features before its forward pass: a long recording's log-mel is then no
    // longer a one-thread stage beside a two-thread model.
    classifier_.set_feature_threads(std::max(1, threads / workers));

    std::atomic<size_t> next{0};
    std::mutex report_mutex;
    std::exception_ptr failure;
    std::atomic<bool> stop{false};
    auto work = [&] {
        for (;;) {
            if (stop.load() || (cancel && cancel->load())) return;
            const size_t i = next.fetch_add(1);
            if (i >= files.size()) return;
            FileResult r = classifier_.classify_file(files[i], cancel);
            if (cancel && cancel->load() && !r.ok && r.error == "cancelled") return;
            std::lock_guard<std::mutex> lock(report_mutex);
            if (stop.load()) return;
            try {
                on_result(std::move(r));
            } catch (...) {
                failure = std::current_exception();
                stop = true;
                return;
            }
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace sctx
