#include "batch_controller.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

#include "classify/batch_journal.h"
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

// Not shutdown(): the results model may be gone already (QObject children are deleted in the order made).
BatchController::~BatchController() { stop_workers(); }

void BatchController::shutdown() {
    stop_workers();
    drain();  // files that finished before the workers stopped are recorded; cancelled ones are not results
    drain_timer_.stop();
}

void BatchController::stop_workers() {
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
    // Every name may be a root of the Folder column: only a folder can have files under "name/".
    results_->add_roots(names);
    const quint64 generation = collect_generation_;
    ++collecting_;
    auto* watcher = new QFutureWatcher<InputList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        InputList list = watcher->result();
        watcher->deleteLater();
        if (generation != collect_generation_) return;  // cancelled while the folder was being walked
        results_->add_problems(list.problems);
        add_files_in_chunks(std::make_shared<std::vector<std::string>>(std::move(list.files)), 0, generation);
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

void BatchController::add_files_in_chunks(std::shared_ptr<std::vector<std::string>> files, size_t from,
                                          quint64 generation) {
    if (generation != collect_generation_) return;  // cancelled between two chunks
    // Rows arrive a chunk per event-loop turn: 10,000 rows at once (insert, sort, column fit, journal) blocked the
    // window for 120-130 ms; 1,000 at a time keeps every turn short (bench/run_app_benchmark.sh).
    constexpr size_t kChunk = 1000;
    const size_t to = std::min(files->size(), from + kChunk);
    add_files(std::vector<std::string>(files->begin() + long(from), files->begin() + long(to)));
    if (to < files->size()) {
        QTimer::singleShot(0, this, [this, files, to, generation] { add_files_in_chunks(files, to, generation); });
        return;
    }
    --collecting_;  // only now: the batch must not look finished between the walk and the queueing
    update_busy();
}

void BatchController::add_files(const std::vector<std::string>& files) {
    if (files.empty()) return;
    if (!journal_checked_) discard_unfinished();  // new work instead of the earlier session's: that one is gone
    const std::vector<int> rows = results_->add_files(files);
    if (rows.empty()) return;
    if (BatchJournal* j = journal()) {
        std::vector<std::string> queued;
        queued.reserve(rows.size());
        for (int row : rows) queued.push_back(results_->row_at(row).result.file);
        try {
            j->add_inputs(queued);
        } catch (const std::exception& e) {
            journal_error(e);
        }
    }
    queue_rows(rows);
}

void BatchController::queue_rows(const std::vector<int>& rows) {
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

// ---- the journal ----

void BatchController::set_journal_dir(const QString& dir) {
    journal_.reset();
    earlier_.reset();
    journal_lock_.reset();
    journal_dir_ = dir;
    journal_checked_ = dir.isEmpty();
    if (dir.isEmpty()) return;
    // One journal, one writer. A lock left by a process that died (a crash, kill -9) is stale and taken over;
    // never by age, since a batch may run for hours.
    QDir().mkpath(dir);
    auto lock = std::make_unique<QLockFile>(dir + QStringLiteral("/lock"));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        journal_dir_.clear();
        journal_checked_ = true;
        Q_EMIT journal_failed(tr("another window of the app is keeping its batch in %1").arg(dir));
        return;
    }
    journal_lock_ = std::move(lock);
}

BatchJournal* BatchController::journal() {
    if (journal_dir_.isEmpty()) return nullptr;
    std::shared_ptr<const Classifier> classifier;
    {
        std::lock_guard<std::mutex> lock(queue_->m);
        classifier = queue_->classifier;
    }
    // Records name the classes of the model that made them; without a model, files only wait (and are listed
    // once one is there, through this same call).
    const std::vector<std::string>& names =
        classifier ? classifier->model().config().class_names : results_->class_names();
    if (names.empty()) return nullptr;
    if (!journal_ || journal_class_names_ != names) {
        journal_ = std::make_unique<BatchJournal>(QFile::encodeName(journal_dir_).toStdString(), names);
        journal_class_names_ = names;
        earlier_.reset();  // read with other class names: resuming reads it again
    }
    return journal_.get();
}

void BatchController::journal_error(const std::exception& e) {
    // The table is the truth while the app runs; the journal only protects it against quitting and crashes.
    journal_dir_.clear();
    journal_.reset();
    journal_lock_.reset();
    Q_EMIT journal_failed(QString::fromUtf8(e.what()));
}

BatchController::Unfinished BatchController::unfinished() {
    if (journal_checked_) return {};
    if (!earlier_) {
        try {
            BatchJournal* j = journal();
            if (!j) return {};
            // Reading repairs (torn and stale records go); the contents are kept for resume_unfinished(), so a
            // journal of thousands of records is read once per start, not once to ask and again to resume.
            earlier_ = std::make_unique<JournalContents>(j->reopen());
        } catch (const std::exception&) {
            return {};  // unreadable: nothing to offer (resume_unfinished would report it)
        }
    }
    return {int(earlier_->finished.size()), int(earlier_->pending.size())};
}

int BatchController::resume_unfinished() {
    if (journal_checked_) return 0;  // resumed, discarded or replaced by this session's own batch already
    journal_checked_ = true;
    BatchJournal* j = journal();
    if (!j) return 0;
    JournalContents c;
    if (earlier_) {
        c = std::move(*earlier_);  // read when the banner was offered; the journal object is positioned after it
        earlier_.reset();
    } else {
        try {
            c = j->reopen();
        } catch (const std::exception& e) {
            journal_error(e);
            return 0;
        }
    }
    const int finished = int(c.finished.size());
    // The journal does not keep the folders dropped then; their common folder gives the same Folder column for the
    // usual case of one dropped folder.
    std::vector<std::string> all = c.pending;
    for (const auto& r : c.finished) all.push_back(r.file);
    if (const std::string root = common_folder(all); root.size() > 1) results_->add_roots({root});
    results_->add_results(std::move(c.finished));
    if (c.pending.empty()) return 0;
    const std::vector<int> rows = results_->add_files(c.pending);
    queue_rows(rows);   // starts the batch's counts afresh
    done_ += finished;  // the progress bar counts the whole batch, not only this session's part
    total_ += finished;
    Q_EMIT progress(done_, total_, seconds_left());
    return int(rows.size());
}

void BatchController::discard_unfinished() {
    journal_checked_ = true;
    earlier_.reset();
    if (journal_dir_.isEmpty()) return;
    try {
        BatchJournal(QFile::encodeName(journal_dir_).toStdString(), {}).discard();
        journal_.reset();
    } catch (const std::exception& e) {
        journal_error(e);
    }
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
    BatchJournal* j = nullptr;
    for (auto& u : updates) {
        if (u.generation != queue_->generation) continue;
        const bool finished = u.update.status == RowStatus::Done || u.update.status == RowStatus::Failed;
        if (finished && u.batch == queue_->batch) ++done_;
        if (finished && (j || (j = journal()))) {
            try {
                j->record(u.update.result);
            } catch (const std::exception& e) {
                journal_error(e);
                j = nullptr;
            }
        }
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
    if (journal_) {
        try {
            journal_->drop_pending();  // cancelled files are not work left for the next session
        } catch (const std::exception& e) {
            journal_error(e);
        }
    }
    total_ = done_;
    Q_EMIT progress(done_, total_, 0);
    update_busy();
}

void BatchController::clear() {
    cancel();
    discard_unfinished();
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
