// socialctx ensemble: several trained models as one file whose output is the mean of their probabilities.
#include "cli_common.h"
#include "commands.h"
#include "model/model_factory.h"

namespace sctx::cli {

int cmd_ensemble(int argc, char** argv, int first) {
    ArgParser p("ensemble", "MODEL.pt MODEL.pt... -o OUT.pt",
                "Writes one TorchScript model that runs every given model on the same window and averages their\n"
                "class probabilities (they must hear the same input and name the same classes). Slower by the\n"
                "sum of its members, usually more accurate than any one of them.");
    p.positional("MODEL.pt...", "Two or more models (socialctx train, import or ensemble)");
    p.option("output", 'o', "OUT.pt", "Where to write the ensemble");
    p.option("name", 0, "NAME", "Model name in the embedded config (default: the first model's)");
    p.option("version", 0, "TEXT", "Model version in the embedded config (default: the first model's)");
    p.option("description", 0, "TEXT", "Free text in the embedded config");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (!p.has("output")) throw UsageError("ensemble needs -o OUT.pt");
    if (p.positionals().size() < 2) throw UsageError("ensemble needs at least two models");
    create_ensemble(p.positionals(), p.value("name"), p.value("version"), p.value("description"), p.value("output"));
    return kOk;
}

}  // namespace sctx::cli
