#include "classify/output_file.h"

#include <cerrno>
#include <cstring>

#include "platform/console.h"
#include "platform/file_info.h"
#include "platform/process.h"
#include "util/error.h"

namespace sctx {

namespace {
std::string why() { return std::strerror(errno); }
}  // namespace

OutputFile::OutputFile(const std::string& path, Mode mode) : path_(path), mode_(mode) {
    switch (mode) {
        case Mode::Stdout:
            f_ = stdout;
            path_ = "standard output";
            return;
        case Mode::Atomic: {
            temp_ = path + ".part-" + std::to_string(platform::current_process_id());
            f_ = std::fopen(temp_.c_str(), "wb");
            break;
        }
        case Mode::Append: f_ = std::fopen(path.c_str(), "ab"); break;
        case Mode::Truncate: f_ = std::fopen(path.c_str(), "wb"); break;
    }
    if (!f_) throw Error("cannot write " + path + ": " + why());
}

OutputFile::~OutputFile() {
    if (mode_ == Mode::Stdout) {
        std::fflush(stdout);
        return;
    }
    if (f_) std::fclose(f_);
    if (mode_ == Mode::Atomic && !committed_) std::remove(temp_.c_str());
}

void OutputFile::write(const std::string& text) {
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), f_) != text.size())
        throw Error("cannot write " + path_ + ": " + (errno ? why() : "write failed"));
}

void OutputFile::flush() {
    errno = 0;
    if (std::fflush(f_) != 0) throw Error("cannot write " + path_ + ": " + (errno ? why() : "write failed"));
}

void OutputFile::commit() {
    flush();
    if (mode_ != Mode::Atomic || committed_) return;
    if (!platform::sync_to_disk(f_)) throw Error("cannot write " + path_ + ": " + why());
    if (std::fclose(f_) != 0) {
        f_ = nullptr;
        throw Error("cannot write " + path_ + ": " + why());
    }
    f_ = nullptr;
    if (!platform::replace_file(temp_, path_)) throw Error("cannot write " + path_ + ": " + why());
    committed_ = true;
}

bool OutputFile::is_terminal() const { return platform::is_terminal(f_); }

}  // namespace sctx
