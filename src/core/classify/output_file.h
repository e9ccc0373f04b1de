#pragma once
// Where results go: standard output, a file written whole (to a temporary name, renamed when complete, so a
// reader never sees half a file), or a journal appended to line by line (JSONL, for --resume).
// Every write is checked: a full disk or an unwritable path is an sctx::Error, never silent loss.
#include <cstdio>
#include <string>

namespace sctx {

class OutputFile {
public:
    enum class Mode { Stdout, Atomic, Append, Truncate };
    OutputFile(const std::string& path, Mode mode);
    ~OutputFile();  ///< an Atomic file not committed is removed: the old file (if any) stays as it was
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    void write(const std::string& text);
    /// Pushes written text to the kernel (each JSONL record is flushed, so a kill -9 loses at most the line
    /// being written).
    void flush();
    /// Atomic mode: flush, fsync and rename over the target. Others: flush.
    void commit();
    const std::string& path() const { return path_; }
    bool is_terminal() const;

private:
    std::string path_, temp_;
    Mode mode_;
    std::FILE* f_ = nullptr;
    bool committed_ = false;
};

}  // namespace sctx
