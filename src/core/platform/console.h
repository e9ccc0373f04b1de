#pragma once
// The command line's terminal, signals and streams (console_posix.cpp, console_windows.cpp).
#include <cstdio>

namespace sctx::platform {

/// Whether the stream is an interactive terminal (progress lines only go there).
bool is_terminal(std::FILE* f);

/// Calls handler (from a signal context: it may only set a flag) on Ctrl-C and on a request to terminate
/// (SIGINT and SIGTERM; on Windows, Ctrl-C and Ctrl-Break).
void on_interrupt(void (*handler)(int));

/// Sends everything written to the process's standard error (also by libraries, below the C++ streams) to the
/// null device and returns a stream on the original standard error, line-buffered; nullptr when it cannot.
std::FILE* divert_stderr();

/// Flushes the stream and asks the system to put its data on disk (fsync; _commit on Windows).
bool sync_to_disk(std::FILE* f);

}  // namespace sctx::platform
