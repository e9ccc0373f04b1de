// socialctx import best_model.pth -o model.pt: the original project's PyTorch weights as one of our models.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "import/model_import.h"
#include "util/error.h"

namespace sctx::cli {

int cmd_import(int argc, char** argv, int first) {
    ArgParser p("import", "STATE_DICT.pth -o MODEL.pt [OPTIONS]",
                "Converts a PyTorch state_dict, as the original project saved it with\n"
                "torch.save(model.state_dict(), \"best_model.pth\"), into a TorchScript model with the\n"
                "preprocessing config embedded, ready for `socialctx classify --model MODEL.pt`.\n"
                "Tensors are matched to the architecture by layer kind, order and shape (attribute names\n"
                "may differ). The file is read without running any code it contains: anything beyond a\n"
                "state_dict (e.g. a pickled function call) is refused.");
    p.positional("STATE_DICT.pth", "The PyTorch file (a state_dict, or a checkpoint dict holding one)");
    p.option("output", 'o', "MODEL.pt", "Where to write the model");
    p.option("name", 0, "NAME", "Model name in the embedded config", "original-cnn");
    p.option("version", 0, "VERSION", "Model version in the embedded config", "1");
    p.option("db-ref", 0, "REF",
             "dB reference the weights were trained with: max (the original used ref=np.max) or 1.0", "max");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().size() != 1) throw UsageError("import needs exactly one STATE_DICT.pth (see --help)");
    if (!p.has("output")) throw UsageError("import needs -o MODEL.pt");
    const std::string input = p.positionals()[0], output = p.value("output");

    ModelConfig config;  // the original's preprocessing: 16 kHz, 1024/256, 128 mels, 3 s windows, 1.5 s hop
    config.architecture = "original-cnn";
    config.name = p.value("name");
    config.version = p.value("version");
    config.mel.ref = parse_db_reference(p.value("db-ref"));
    config.description = "imported from a PyTorch state_dict of the original AudioClassifierCNN";

    const ImportReport report = import_state_dict(input, config, output);
    for (const auto& note : report.notes) std::printf("%s: %s\n", input.c_str(), note.c_str());
    for (const auto& a : report.assignments)
        std::printf("  %-26s <- %-30s %s\n", a.parameter.c_str(), a.source.c_str(), a.shape.c_str());
    for (const auto& w : report.warnings) complain("warning: " + w);
    std::printf("Wrote %s (%s, %zu classes, dB reference %s) from %zu tensors of %s\n", output.c_str(),
                config.architecture.c_str(), config.class_names.size(), to_string(config.mel.ref).c_str(),
                report.assignments.size(), input.c_str());
    return kOk;
}

}  // namespace sctx::cli
