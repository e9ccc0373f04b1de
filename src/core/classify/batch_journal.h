#pragma once
// A batch on disk, so that pausing, quitting, a crash or a power cut never costs finished work. It is the journal
// `socialctx classify --format jsonl --output F --resume` keeps (one JSONL record per finished file, flushed as it
// is written; torn and stale records dropped on reopening, see resume.h) plus the list of files the batch was given,
// so that what is listed and has no record is exactly what is left to do. The desktop app keeps its batch here.
// DIR holds two files:
//   results.jsonl  the records, readable by `socialctx merge` and resumable by `socialctx classify --resume`
//   inputs.list    the files queued, each path followed by a NUL byte (any file name survives, even non-UTF-8)
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "classify/file_result.h"
#include "classify/resume.h"

namespace sctx {

class OutputFile;

/// What a journal holds when it is reopened.
struct JournalContents {
    std::vector<FileResult> finished;  ///< kept records, one per file, in the order they were written
    std::vector<std::string> pending;  ///< listed files without a kept record, in list order, each once
    ResumeState resume;                ///< records kept and dropped (torn, stale)
};

class BatchJournal {
public:
    /// No I/O until something is written or reopened. class_names: those of the model writing the records.
    BatchJournal(std::string dir, std::vector<std::string> class_names);
    ~BatchJournal();
    BatchJournal(const BatchJournal&) = delete;
    BatchJournal& operator=(const BatchJournal&) = delete;

    /// Reads and repairs what DIR holds (nothing there: an empty journal); later writes append to it.
    /// Throws sctx::Error naming the file when it cannot be read or repaired.
    JournalContents reopen();
    /// Starts empty: removes what DIR holds (a cleared table, a discarded batch).
    void discard();
    /// Appends files to the list of inputs (creating DIR if needed).
    void add_inputs(const std::vector<std::string>& files);
    /// Appends the record of one finished file (ok or error) and flushes it.
    void record(const FileResult& r);
    /// A cancelled batch: the files not finished are taken off the list (rewritten atomically), so reopening
    /// finds nothing left to do.
    void drop_pending();
    /// Listed files without a record.
    size_t pending() const;

    const std::string& dir() const { return dir_; }
    std::string results_path() const;
    std::string inputs_path() const;
    static std::vector<std::string> read_inputs(const std::string& path);

private:
    void ensure_dir();
    std::string dir_;
    std::vector<std::string> class_names_;
    std::unique_ptr<OutputFile> results_, inputs_;
    std::set<std::string> listed_, recorded_;
};

}  // namespace sctx
