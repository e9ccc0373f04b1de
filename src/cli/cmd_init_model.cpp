// socialctx init-model: an untrained model file of a known architecture (a starting point, and test fixtures).
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "model/model_factory.h"
#include "util/error.h"

namespace sctx::cli {

int cmd_init_model(int argc, char** argv, int first) {
    ArgParser p("init-model", "-o MODEL.pt [--arch NAME] [--seed N]",
                "Writes a TorchScript model with random weights (PyTorch's default initialisation, from --seed)\n"
                "and the preprocessing config embedded. Its predictions mean nothing until it is trained.");
    p.option("output", 'o', "MODEL.pt", "Where to write the model");
    p.option("arch", 'a', "NAME", "Architecture: original-cnn or socialctx-tcn", "original-cnn");
    p.option("seed", 0, "N", "Random seed", "1");
    p.option("name", 0, "NAME", "Model name in the embedded config", "untrained");
    p.option("db-ref", 0, "REF", "dB reference of the log-mel: max (the original) or 1.0", "max");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (!p.has("output")) throw UsageError("init-model needs -o MODEL.pt");
    ModelConfig c;
    c.architecture = p.value("arch");
    c.name = p.value("name");
    c.version = "0";
    c.description = "untrained (random weights, seed " + p.value("seed") + ")";
    c.mel.ref = parse_db_reference(p.value("db-ref"));
    create_untrained_model(c, uint64_t(parse_count("seed", p.value("seed"), 0, 2147483647)), p.value("output"));
    return kOk;
}

}  // namespace sctx::cli
