#pragma once
// What the subcommands share: exit codes, model loading, number parsing, messages on stderr.
#include <memory>
#include <stdexcept>
#include <string>

#include "args.h"
#include "model/model.h"

namespace sctx::cli {

/// Exit status contract: 0 all files ok; 1 some files failed (the others still reported); 2 bad usage, no
/// usable model, or output that cannot be written.
enum Exit { kOk = 0, kSomeFailed = 1, kUsage = 2 };

/// Thrown for usage errors; main prints it and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Handles --help and parse errors in one place. Returns true if the command should go on.
bool parse_or_exit(ArgParser& parser, int argc, char** argv, int first, int& exit_code);

/// --model FILE, or the shipped model. Throws sctx::Error with a clear reason.
std::shared_ptr<Model> load_model(const std::string& path_or_empty);

double parse_seconds(const std::string& option, const std::string& text);
int parse_count(const std::string& option, const std::string& text, int min, int max);
/// A probability from 0 to 1 (--min-confidence).
double parse_probability(const std::string& option, const std::string& text);

/// "socialctx: " + message, on stderr.
void complain(const std::string& message);

/// Decoder libraries print notes of their own on stderr (mpg123: "Note: Illegal Audio-MPEG-Header ..."), which
/// would break our promise of one line per bad file. From here on, library output on fd 2 goes to /dev/null and
/// our own messages to the real stderr. SOCIALCTX_DEBUG=1 in the environment keeps the libraries' output.
void silence_library_stderr();
/// Where our own diagnostics go (the real stderr).
std::FILE* diagnostics();

int default_threads();

}  // namespace sctx::cli
