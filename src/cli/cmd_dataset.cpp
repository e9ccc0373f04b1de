// socialctx dataset ami|synth: building labelled training data (see the two cmd_dataset_*.cpp files).
#include <cstdio>
#include <string>

#include "cli_common.h"
#include "commands.h"

namespace sctx::cli {

int cmd_dataset(int argc, char** argv, int first) {
    const std::string sub = first < argc ? argv[first] : "";
    if (sub == "ami") return cmd_dataset_ami(argc, argv, first + 1);
    if (sub == "synth") return cmd_dataset_synth(argc, argv, first + 1);
    std::FILE* to = (sub == "--help" || sub == "-h") ? stdout : stderr;
    std::fprintf(
        to,
        "Usage: socialctx dataset ami|synth [OPTIONS]\n\n"
        "  ami    Windows and labels from a local AMI meeting corpus (NXT annotations + audio)\n"
        "  synth  Synthesized conversations from the speech synthesizers installed here\n\n"
        "Both write a manifest CSV (source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db)\n"
        "that `socialctx train` reads. Run 'socialctx dataset ami --help' for the options.\n");
    return to == stdout ? kOk : kUsage;
}

}  // namespace sctx::cli
