#include "classify/resume.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

#include "classify/output_file.h"
#include "classify/result_json.h"
#include "platform/file_info.h"
#include "util/error.h"

namespace sctx {

ResumeState prepare_resume(const std::string& journal, const std::vector<std::string>& class_names,
                           std::vector<FileResult>* kept) {
    ResumeState state;
    std::ifstream in(journal, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return state;
        throw Error("cannot read " + journal + " to resume: " + std::strerror(errno));
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // One record per file; a later record of the same file wins.
    std::map<std::string, std::string> records;
    std::vector<std::string> order;
    std::map<std::string, FileResult> parsed;  // only with `kept`
    bool rewrite_needed = false;
    size_t pos = 0;
    while (pos < content.size()) {
        size_t nl = content.find('\n', pos);
        if (nl == std::string::npos) {  // no newline: the write of this line was cut short
            ++state.dropped_torn;
            break;
        }
        std::string line = content.substr(pos, nl - pos);
        pos = nl + 1;
        if (line.empty()) continue;
        FileResult r;
        try {
            r = result_from_json(line, class_names);
        } catch (const Error&) {
            ++state.dropped_torn;
            continue;
        }
        const platform::FileInfo now = platform::file_info(r.file);
        bool valid;
        if (now.exists()) {
            valid = r.size == now.size && std::fabs(r.mtime - now.mtime()) < 1e-5;
        } else {
            valid = false;  // the file is gone or unreadable now: try it again
        }
        if (!valid) {
            ++state.dropped_stale;
            records.erase(r.file);
            continue;
        }
        if (records.count(r.file))
            rewrite_needed = true;  // a duplicate: keep only the latest
        else
            order.push_back(r.file);
        records[r.file] = line;
        if (kept) parsed[r.file] = std::move(r);
    }
    if (state.dropped_torn || state.dropped_stale || records.size() != order.size() || rewrite_needed) {
        OutputFile rewrite(journal, OutputFile::Mode::Atomic);
        std::set<std::string> written;
        for (const auto& f : order)
            if (records.count(f) && written.insert(f).second) rewrite.write(records[f] + "\n");
        rewrite.commit();
    }
    for (const auto& [file, line] : records) state.done.insert(file);
    if (kept)
        for (const auto& f : order)
            if (auto it = parsed.find(f); it != parsed.end() && records.count(f)) {
                kept->push_back(std::move(it->second));
                parsed.erase(it);
            }
    state.kept = records.size();
    return state;
}

}  // namespace sctx
