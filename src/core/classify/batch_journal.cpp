#include "classify/batch_journal.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "classify/output_file.h"
#include "classify/result_json.h"
#include "util/error.h"

namespace sctx {

BatchJournal::BatchJournal(std::string dir, std::vector<std::string> class_names)
    : dir_(std::move(dir)), class_names_(std::move(class_names)) {}

BatchJournal::~BatchJournal() = default;

std::string BatchJournal::results_path() const { return dir_ + "/results.jsonl"; }
std::string BatchJournal::inputs_path() const { return dir_ + "/inputs.list"; }

void BatchJournal::ensure_dir() {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw Error("cannot create " + dir_ + ": " + ec.message());
}

std::vector<std::string> BatchJournal::read_inputs(const std::string& path) {
    std::vector<std::string> files;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        if (errno == ENOENT) return files;
        throw Error("cannot read " + path + ": " + std::strerror(errno));
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t pos = 0;
    for (;;) {
        const size_t end = content.find('\0', pos);
        if (end == std::string::npos) break;  // a name without its NUL was cut short by a crash: not listed
        if (end > pos) files.push_back(content.substr(pos, end - pos));
        pos = end + 1;
    }
    return files;
}

JournalContents BatchJournal::reopen() {
    results_.reset();
    inputs_.reset();
    listed_.clear();
    recorded_.clear();
    JournalContents out;
    out.resume = prepare_resume(results_path(), class_names_, &out.finished);  // drops torn and stale records
    for (const auto& r : out.finished) recorded_.insert(r.file);
    for (auto& f : read_inputs(inputs_path())) {
        if (!listed_.insert(f).second) continue;
        if (!recorded_.count(f)) out.pending.push_back(f);
    }
    // A record of a file the list lost (its name was being written at the crash) still counts as listed.
    for (const auto& f : recorded_) listed_.insert(f);
    return out;
}

void BatchJournal::discard() {
    results_.reset();
    inputs_.reset();
    listed_.clear();
    recorded_.clear();
    for (const std::string& p : {results_path(), inputs_path()})
        if (std::remove(p.c_str()) != 0 && errno != ENOENT)
            throw Error("cannot remove " + p + ": " + std::strerror(errno));
}

void BatchJournal::add_inputs(const std::vector<std::string>& files) {
    if (files.empty()) return;
    if (!inputs_) {
        ensure_dir();
        inputs_ = std::make_unique<OutputFile>(inputs_path(), OutputFile::Mode::Append);
    }
    std::string text;
    for (const auto& f : files) {
        text += f;
        text.push_back('\0');
        listed_.insert(f);
    }
    inputs_->write(text);
    inputs_->flush();
}

void BatchJournal::record(const FileResult& r) {
    if (!results_) {
        ensure_dir();
        results_ = std::make_unique<OutputFile>(results_path(), OutputFile::Mode::Append);
    }
    results_->write(result_to_json(r, class_names_, true) + "\n");
    results_->flush();
    recorded_.insert(r.file);
    listed_.insert(r.file);
}

void BatchJournal::drop_pending() {
    if (pending() == 0) return;
    inputs_.reset();
    ensure_dir();
    {
        OutputFile rewrite(inputs_path(), OutputFile::Mode::Atomic);
        std::string text;
        for (const auto& f : recorded_) {
            text += f;
            text.push_back('\0');
        }
        rewrite.write(text);
        rewrite.commit();
    }
    listed_ = recorded_;
}

size_t BatchJournal::pending() const {
    size_t n = 0;
    for (const auto& f : listed_) n += recorded_.count(f) ? 0 : 1;
    return n;
}

}  // namespace sctx
