#pragma once
// Running the speech synthesizers, which are separate programs (espeak-ng, flite, festival). posix_spawn, not
// system()/popen(): the text goes in as an argument or a file, never through a shell, so no quoting can break.
#include <string>
#include <vector>

namespace sctx::synth {

struct ProcessResult {
    int exit_code = -1;      ///< -1 when it did not exit normally
    bool timed_out = false;  ///< killed after the time limit
    std::string output;      ///< standard output, when captured
    bool ok() const { return exit_code == 0 && !timed_out; }
};

/// Runs argv (argv[0] searched in PATH), standard input and error to /dev/null. Never throws for a program
/// that fails; throws sctx::Error only when it cannot be started at all.
ProcessResult run_process(const std::vector<std::string>& argv, double timeout_s, bool capture_stdout = false);

/// Whether a program of that name is on PATH.
bool program_on_path(const std::string& name);

}  // namespace sctx::synth
