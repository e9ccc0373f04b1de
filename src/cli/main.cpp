// socialctx: the command-line front door to the core. Each subcommand lives in its own cmd_*.cpp.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "cli_common.h"
#include "commands.h"
#include "util/error.h"
#include "version.h"

namespace {

struct Command {
    const char* name;
    int (*run)(int, char**, int);
    const char* summary;
};

const Command kCommands[] = {
    {"classify", sctx::cli::cmd_classify, "Classify audio files and folders into social contexts"},
    {"features", sctx::cli::cmd_features, "Write the log-mel spectrogram of a file's first window as .npy"},
    {"info", sctx::cli::cmd_info, "Show the model in use (and audio files' properties) as JSON"},
    {"merge", sctx::cli::cmd_merge, "Join the JSONL outputs of several runs or shards into one output"},
    {"import", sctx::cli::cmd_import, "Convert the original's best_model.pth (a PyTorch state_dict) to a model file"},
    {"dataset", sctx::cli::cmd_dataset, "Build labelled training windows from an AMI corpus or by synthesis"},
    {"train", sctx::cli::cmd_train, "Train a model on a dataset manifest"},
    {"evaluate", sctx::cli::cmd_evaluate, "Score a model on labelled files: accuracy, macro-F1, confusion matrix"},
    {"init-model", sctx::cli::cmd_init_model, "Write an untrained model of a known architecture"},
    {"ensemble", sctx::cli::cmd_ensemble, "Average several models' probabilities in one model file"},
};

void usage(std::FILE* to) {
    std::fprintf(to,
                 "Usage: socialctx COMMAND [OPTIONS] ...\n\n"
                 "Social Context Classifier %s: tells whether audio comes from a quiet room, one speaker, a\n"
                 "conversation of two, a group, or a noisy place. Everything runs on this machine.\n\nCommands:\n",
                 sctx::version().c_str());
    for (const auto& c : kCommands) std::fprintf(to, "  %-10s %s\n", c.name, c.summary);
    std::fprintf(
        to, "\nRun 'socialctx COMMAND --help' for a command's options. 'socialctx --version' prints the version.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        usage(stderr);
        return sctx::cli::kUsage;
    }
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        usage(stdout);
        return sctx::cli::kOk;
    }
    if (command == "--version" || command == "-V") {
        std::printf("socialctx %s (FFT: %s)\n", sctx::version().c_str(), sctx::fft_backend().c_str());
        return sctx::cli::kOk;
    }
    for (const auto& c : kCommands) {
        if (command != c.name) continue;
        // Commands that decode many user files promise one line per bad file: keep decoder chatter off stderr.
        if (command == "classify" || command == "features" || command == "info") sctx::cli::silence_library_stderr();
        try {
            return c.run(argc, argv, 2);
        } catch (const sctx::cli::UsageError& e) {
            sctx::cli::complain(e.what());
            return sctx::cli::kUsage;
        } catch (const sctx::Error& e) {
            sctx::cli::complain(e.what());
            return sctx::cli::kUsage;
        } catch (const std::exception& e) {
            sctx::cli::complain(std::string("unexpected failure: ") + e.what());
            return sctx::cli::kUsage;
        }
    }
    sctx::cli::complain("unknown command '" + command + "' (see socialctx --help)");
    return sctx::cli::kUsage;
}
