#pragma once
// Classifying many files without freezing the window. Folders are walked on a background thread
// (sctx::collect_inputs), files are classified by worker threads (sctx::Classifier::classify_file), and results
// come back to the GUI thread in batches every 100 ms, where they go into the ResultsModel in one update.
// More files can be added while a batch runs; pause holds back files not yet started; cancel stops the files in
// progress through classify_file's cancel flag (within a second) and drops the rest.
// With a journal folder set, the batch lives on disk as well (sctx::BatchJournal: the JSONL journal of
// `socialctx classify --resume` plus the list of files queued): every finished file is recorded as it reaches the
// table, so a pause followed by quitting, a crash or a kill -9 costs at most the files in progress, and the next
// session resumes with the rest.
#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <string>
#include <vector>

#include "classify/classifier.h"

namespace sctx {
class BatchJournal;
struct JournalContents;
}  // namespace sctx

namespace sctx::gui {

class ResultsModel;
struct BatchQueue;

class BatchController : public QObject {
    Q_OBJECT
public:
    explicit BatchController(ResultsModel* results, QObject* parent = nullptr);
    ~BatchController() override;

    /// The classifier new files go through; null (no model) holds the queue until one is set.
    void set_classifier(std::shared_ptr<const Classifier> classifier);
    bool has_classifier() const;
    /// Total CPU threads: files in parallel x LibTorch threads per file.
    void set_threads(int threads);

    /// Files and folders as the user named them; folders are walked off the GUI thread.
    void add_paths(const QStringList& paths);
    /// Files already collected.
    void add_files(const std::vector<std::string>& files);

    void cancel();
    /// Cancels and empties the table (and the journal).
    void clear();
    /// Quitting: stops the workers at once but leaves the journal as it is, so the next session can resume.
    void shutdown();

    /// Keeps the batch in this folder from now on (empty: in memory only). A journal already there is left alone
    /// until resume_unfinished() or discard_unfinished(), or until new files are added (which discards it).
    /// The folder is locked (QLockFile): a second instance of the app gets journal_failed and works in memory.
    void set_journal_dir(const QString& dir);
    QString journal_dir() const { return journal_dir_; }
    /// What the journal holds from an earlier session that did not finish (needs the model, to read the records).
    struct Unfinished {
        int finished = 0, pending = 0;
    };
    Unfinished unfinished();
    /// Neither resumed nor discarded yet (nor made moot by new files).
    bool earlier_journal_unchecked() const { return !journal_checked_; }
    /// Puts the journal's finished files in the table and queues the rest. Returns the number queued.
    int resume_unfinished();
    void discard_unfinished();
    void set_paused(bool paused);
    bool paused() const;

    /// Walking folders, files waiting or running, or results not yet in the table.
    bool busy() const;
    /// Files waiting because there is no model.
    bool waiting_for_model() const;
    /// Worker threads still running (files cancelled a moment ago may still be winding down).
    int active_workers() const;
    int done() const { return done_; }
    int total() const { return total_; }
    /// Estimated seconds to finish the files queued now, or -1 when not yet known.
    double seconds_left() const;

Q_SIGNALS:
    void progress(int done, int total, double seconds_left);
    void busy_changed(bool busy);
    /// The journal could not be written (disk full, folder gone): the batch goes on, but only in memory.
    void journal_failed(const QString& reason);
    /// Everything queued has been classified (or cancelled).
    void finished();

private:
    void drain();
    void start_workers();
    void ensure_running();
    void update_busy();
    /// The journal for the current classifier's classes (created on first use); null when there is none.
    BatchJournal* journal();
    void journal_error(const std::exception& e);
    void stop_workers();
    void queue_rows(const std::vector<int>& rows);

    ResultsModel* results_;
    std::shared_ptr<BatchQueue> queue_;
    QThreadPool pool_;
    QTimer drain_timer_;
    int threads_ = 2;
    /// Queues files[from, ...) a chunk per event-loop turn, then ends one collection (collecting_).
    void add_files_in_chunks(std::shared_ptr<std::vector<std::string>> files, size_t from, quint64 generation);
    int collecting_ = 0;
    quint64 collect_generation_ = 0;
    int done_ = 0, total_ = 0;
    bool was_busy_ = false;
    QElapsedTimer clock_;
    qint64 paused_ms_ = 0, paused_since_ = -1;
    QString journal_dir_;
    std::unique_ptr<BatchJournal> journal_;
    std::unique_ptr<QLockFile> journal_lock_;
    std::unique_ptr<JournalContents> earlier_;  ///< the earlier session's journal, read once when offered
    std::vector<std::string> journal_class_names_;
    bool journal_checked_ = false;  ///< an earlier session's journal was resumed or discarded (or there was none)
};

}  // namespace sctx::gui
