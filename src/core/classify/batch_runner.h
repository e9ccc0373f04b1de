#pragma once
// Many files through one Classifier on worker threads. Results are handed to a callback one at a time, in the
// order files finish, and nothing is kept afterwards: memory stays flat for 10 or 10,000,000 files.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "classify/classifier.h"

namespace sctx {

struct BatchOptions {
    int threads = 2;  ///< total CPU threads: files in parallel x LibTorch threads per forward pass
    ClassifyOptions classify;
};

class BatchRunner {
public:
    BatchRunner(std::shared_ptr<const Model> model, BatchOptions options);

    /// Calls on_result (serialised, from a worker thread) for every file. If on_result throws, the batch stops
    /// and the exception is rethrown here. cancel (if given) stops handing out new files; files in progress
    /// finish as "cancelled" errors and are not reported.
    void run(const std::vector<std::string>& files, const std::function<void(FileResult&&)>& on_result,
             const std::atomic<bool>* cancel = nullptr);

    const Classifier& classifier() const { return classifier_; }

private:
    BatchOptions options_;
    Classifier classifier_;
};

}  // namespace sctx
