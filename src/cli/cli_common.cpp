#include "cli_common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "classify/result_json.h"
#include "platform/console.h"
#include "util/error.h"
#include "version.h"

namespace sctx::cli {

bool parse_or_exit(ArgParser& parser, int argc, char** argv, int first, int& exit_code) {
    std::string error;
    if (!parser.parse(argc, argv, first, error)) {
        complain(error + " (see --help)");
        exit_code = kUsage;
        return false;
    }
    if (parser.help_requested()) {
        std::cout << parser.help_text();
        exit_code = kOk;
        return false;
    }
    return true;
}

std::shared_ptr<Model> load_model(const std::string& path_or_empty) {
    std::string path = path_or_empty.empty() ? default_model_path() : resolve_model_argument(path_or_empty);
    if (path.empty())
        throw Error("no model: the shipped model was not found next to the program; give one with --model FILE");
    return Model::load(path, expected_sha256_for(path));
}

double parse_seconds(const std::string& option, const std::string& text) {
    try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && v > 0 && v < 3600) return v;
    } catch (...) {}
    throw UsageError("--" + option + " wants seconds greater than 0, not '" + text + "'");
}

double parse_probability(const std::string& option, const std::string& text) {
    try {
        size_t used = 0;
        double v = std::stod(text, &used);
        if (used == text.size() && v >= 0 && v <= 1) return v;
    } catch (...) {}
    throw UsageError("--" + option + " wants a number from 0 to 1, not '" + text + "'");
}

int parse_count(const std::string& option, const std::string& text, int min, int max) {
    try {
        size_t used = 0;
        long v = std::stol(text, &used);
        if (used == text.size() && v >= min && v <= max) return int(v);
    } catch (...) {}
    throw UsageError("--" + option + " wants a whole number from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", not '" + text + "'");
}

namespace {
std::FILE* g_diagnostics = nullptr;
}  // namespace

std::FILE* diagnostics() { return g_diagnostics ? g_diagnostics : stderr; }

void silence_library_stderr() {
    const char* debug = std::getenv("SOCIALCTX_DEBUG");
    if (debug && *debug && std::string(debug) != "0") return;
    if (std::FILE* f = platform::divert_stderr()) g_diagnostics = f;
}

void complain(const std::string& message) {
    std::fflush(stdout);
    std::fprintf(diagnostics(), "socialctx: %s\n", printable_path(message).c_str());
    std::fflush(diagnostics());
}

int default_threads() { return int(std::max(1u, std::thread::hardware_concurrency())); }

}  // namespace sctx::cli
