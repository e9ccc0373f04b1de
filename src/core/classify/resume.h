#pragma once
// --resume for a JSONL journal: which inputs already have a complete, still-valid record.
// A record is kept when its file still has the same size and modification time; a torn last line (the process
// was killed mid-write) and stale records are dropped by rewriting the journal (atomically) before appending.
#include <set>
#include <string>
#include <vector>

#include "classify/file_result.h"

namespace sctx {

struct ResumeState {
    std::set<std::string> done;  ///< files whose record is kept
    size_t kept = 0, dropped_stale = 0, dropped_torn = 0;
};

/// Reads and repairs `journal` in place (a missing journal is an empty one). Throws sctx::Error if it cannot be
/// read or rewritten. With `kept`, the kept records are also handed back (one per file, in journal order), for a
/// caller that shows them (the app); the CLI passes none and keeps only the set of names.
ResumeState prepare_resume(const std::string& journal, const std::vector<std::string>& class_names,
                           std::vector<FileResult>* kept = nullptr);

}  // namespace sctx
