#include "batch_controller.h"

#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "classify/input_files.h"
#include "results_model.h"

namespace sctx::gui {

namespace {
struct Job {
    int row = -1;
    std::string path;
    quint64 generation = 0;
    quint64 batch = 0;
};
struct Update {
    quint64 generation = 0;
    quint64 batch = 0;
    RowUpdate update;
};
}  // namespace

// What the GUI thread and the workers share, under one mutex. Workers hold a shared_ptr to it, so it lives as long
// as the last of them.
struct BatchQueue {
    std::mutex m;
    std::condition_variable wake;
    std::deque<Job> jobs;
    std::vector<Update> updates;
    std::shared_ptr<const Classifier> classifier;
    // Replaced by a fresh flag on every cancel: the files in progress see theirs set, later files get a new one.
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
    quint64 generation = 0;  // bumped when the table is cleared: row numbers from before mean nothing
    quint64 batch = 0;       // bumped on cancel: a late result still fills its row but is not counted as progress
    int workers = 0;
    bool paused = false;
    bool stopping = false;
};

namespace {

void work(const std::shared_ptr<BatchQueue>& q, int torch_threads) {
    Model::set_threads(torch_threads);
    for (;;) {
        Job job;
        std::shared_ptr<const Classifier> classifier;
        std::shared_ptr<std::atomic<bool>> cancel;
        {
            std::unique_lock<std::mutex> lock(q->m);
            q->wake.wait(lock, [&] { return q->stopping || !q->paused || q->jobs.empty(); });
            if (q->stopping || q->jobs.empty() || !q->classifier) {
                --q->workers;
                return;
            }
            job = std::move(q->jobs.front());
            q->jobs.pop_front();
            classifier = q->classifier;
            cancel = q->cancel;
            q->updates.push_back({job.generation, job.batch, RowUpdate{job.row, RowStatus::Running, {}}});
        }
        FileResult r = classifier->classify_file(job.path, cancel.get());
        std::lock_guard<std::mutex> lock(q->m);
        // A file stopped by cancel is already shown as cancelled; anything that finished first is reported.
        if (!r.ok && cancel->load()) continue;
        const RowStatus status = r.ok ? RowStatus::Done : RowStatus::Failed;
        q->updates.push_back({job.generation, job.batch, RowUpdate{job.row, status, std::move(r)}});
    }
}

}  // namespace

BatchController::BatchController(ResultsModel* results, QObject* parent)
    : QObject(parent), results_(results), queue_(std::make_shared<BatchQueue>()) {
    drain_timer_.setInterval(100);
    connect(&drain_timer_, &QTimer::timeout, this, &BatchController::drain);
    set_threads(2);
}

BatchController::~BatchController() {
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        queue_->stopping = true;
        queue_->jobs.clear();
        queue_->cancel->store(true);
    }
    queue_->wake.notify_all();
    pool_.waitForDone();
}

void BatchController::set_classifier(std::shared_ptr<const Classifier> classifier) {
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        queue_->classifier = std::move(classifier);
    }
    start_workers();
    update_busy();
}

bool BatchController::has_classifier() const {
    std::lock_guard<std::mutex> lock(queue_->m);
    return queue_->classifier != nullptr;
}

void BatchController::set_threads(int threads) {
    threads_ = std::max(1, threads);
    pool_.setMaxThreadCount(threads_);
}

void BatchController::add_paths(const QStringList& paths) {
    if (paths.isEmpty()) return;
    std::vector<std::string> names;
    for (const QString& p : paths) names.push_back(QFile::encodeName(p).toStdString());
    const quint64 generation = collect_generation_;
    ++collecting_;
    auto* watcher = new QFutureWatcher<InputList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        InputList list = watcher->result();
        watcher->deleteLater();
        if (generation != collect_generation_) return;  // cancelled while the folder was being walked
        results_->add_problems(list.problems);
        add_files(list.files);
        --collecting_;  // only now: the batch must not look finished between the walk and the queueing
        update_busy();
    });
    watcher->setFuture(QtConcurrent::run([names] {
        try {
            return collect_inputs(names);
        } catch (const std::exception& e) {
            InputList failed;
            for (const auto& n : names) failed.problems.emplace_back(n, e.what());
            return failed;
        }
    }));
    ensure_running();
}

void BatchController::add_files(const std::vector<std::string>& files) {
    if (files.empty()) return;
    const std::vector<int> rows = results_->add_files(files);
    if (rows.empty()) return;
    ensure_running();
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        for (int row : rows)
            queue_->jobs.push_back({row, results_->row_at(row).result.file, queue_->generation, queue_->batch});
    }
    total_ += int(rows.size());
    start_workers();
    update_busy();
    Q_EMIT progress(done_, total_, seconds_left());
}

void BatchController::ensure_running() {
    if (!was_busy_) {
        // A new batch: counts and the clock start again.
        done_ = total_ = 0;
        paused_ms_ = 0;
        paused_since_ = paused() ? 0 : -1;
        clock_.start();
    }
    update_busy();
    if (!drain_timer_.isActive()) drain_timer_.start();
}

void BatchController::start_workers() {
    std::lock_guard<std::mutex> lock(queue_->m);
    if (!queue_->classifier || queue_->stopping) return;
    const int wanted = int(std::min<size_t>(size_t(threads_), queue_->jobs.size() + size_t(queue_->workers)));
    if (wanted <= queue_->workers) return;
    // Few long files: each forward pass gets several threads; many files: one thread per file in parallel.
    const int torch_threads = std::max(1, threads_ / std::max(1, wanted));
    for (int i = queue_->workers; i < wanted; ++i) {
        ++queue_->workers;
        auto q = queue_;
        pool_.start([q, torch_threads] { work(q, torch_threads); });
    }
}

void BatchController::drain() {
    std::vector<Update> updates;
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        updates.swap(queue_->updates);
    }
    std::vector<RowUpdate> current;
    current.reserve(updates.size());
    // generation and batch only change on this thread: reading them without the lock is safe.
    for (auto& u : updates) {
        if (u.generation != queue_->generation) continue;
        const bool finished = u.update.status == RowStatus::Done || u.update.status == RowStatus::Failed;
        if (finished && u.batch == queue_->batch) ++done_;
        current.push_back(std::move(u.update));
    }
    results_->apply(std::move(current));
    if (!updates.empty()) Q_EMIT progress(done_, total_, seconds_left());
    update_busy();
}

void BatchController::update_busy() {
    const bool now = busy();
    // The timer outlives the batch while cancelled files wind down: a file that finished just before the
    // cancel still gets its row.
    bool draining = now;
    if (!now) {
        std::lock_guard<std::mutex> lock(queue_->m);
        draining = queue_->workers > 0 || !queue_->updates.empty();
    }
    if (draining && !drain_timer_.isActive()) drain_timer_.start();
    if (!draining) drain_timer_.stop();
    if (now == was_busy_) return;
    was_busy_ = now;
    Q_EMIT busy_changed(now);
    if (!now) Q_EMIT finished();
}

void BatchController::cancel() {
    ++collect_generation_;
    collecting_ = 0;
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        queue_->jobs.clear();
        queue_->cancel->store(true);
        queue_->cancel = std::make_shared<std::atomic<bool>>(false);
    }
    queue_->wake.notify_all();
    drain();
    ++queue_->batch;  // after the drain: results that arrived before the cancel are kept and counted
    results_->cancel_pending();
    total_ = done_;
    Q_EMIT progress(done_, total_, 0);
    update_busy();
}

void BatchController::clear() {
    cancel();
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        ++queue_->generation;
        queue_->updates.clear();
    }
    results_->clear();
    done_ = total_ = 0;
    Q_EMIT progress(0, 0, 0);
    update_busy();
}

void BatchController::set_paused(bool paused) {
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        if (queue_->paused == paused) return;
        queue_->paused = paused;
    }
    if (paused) {
        paused_since_ = clock_.isValid() ? clock_.elapsed() : 0;
    } else {
        if (paused_since_ >= 0 && clock_.isValid()) paused_ms_ += clock_.elapsed() - paused_since_;
        paused_since_ = -1;
        queue_->wake.notify_all();
        start_workers();
    }
    Q_EMIT progress(done_, total_, seconds_left());
}

bool BatchController::paused() const {
    std::lock_guard<std::mutex> lock(queue_->m);
    return queue_->paused;
}

bool BatchController::busy() const {
    if (collecting_ > 0) return true;
    std::lock_guard<std::mutex> lock(queue_->m);
    // Files still to be reported; after a cancel total_ == done_, so files winding down do not count.
    const bool unreported = done_ < total_ && (queue_->workers > 0 || !queue_->updates.empty());
    return !queue_->jobs.empty() || unreported;
}

int BatchController::active_workers() const {
    std::lock_guard<std::mutex> lock(queue_->m);
    return queue_->workers;
}

bool BatchController::waiting_for_model() const {
    std::lock_guard<std::mutex> lock(queue_->m);
    return !queue_->classifier && !queue_->jobs.empty();
}

double BatchController::seconds_left() const {
    if (done_ <= 0 || total_ <= done_ || !clock_.isValid()) return total_ > 0 && done_ >= total_ ? 0 : -1;
    qint64 active = clock_.elapsed() - paused_ms_;
    if (paused_since_ >= 0) active -= clock_.elapsed() - paused_since_;
    return double(std::max<qint64>(active, 0)) / 1000.0 / done_ * (total_ - done_);
}

}  // namespace sctx::gui
