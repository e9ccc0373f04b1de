#pragma once
// Running other programs (the speech synthesizers espeak-ng, flite, festival) and facts about this process.
// posix_spawn on POSIX, CreateProcess on Windows; never a shell, so no quoting can break (process_posix.cpp,
// process_windows.cpp).
#include <string>
#include <vector>

namespace sctx::platform {

struct ProcessResult {
    int exit_code = -1;      ///< -1 when it did not exit normally
    bool timed_out = false;  ///< killed after the time limit
    std::string output;      ///< standard output, when captured
    bool ok() const { return exit_code == 0 && !timed_out; }
};

/// Runs argv (argv[0] searched in PATH), standard input and error to the null device. Never throws for a program
/// that fails; throws sctx::Error only when it cannot be started at all.
ProcessResult run_process(const std::vector<std::string>& argv, double timeout_s, bool capture_stdout = false);

/// Whether a program of that name is on PATH.
bool program_on_path(const std::string& name);

/// This process's id (to name temporary files no other process writes).
long current_process_id();

/// The full path of the running executable, "" when the system does not say.
std::string executable_path();

}  // namespace sctx::platform
