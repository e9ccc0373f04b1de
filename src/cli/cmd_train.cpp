// Placeholder until this command lands (being written now).
#include "cli_common.h"
#include "commands.h"

namespace sctx::cli {

int cmd_train(int, char**, int) {
    complain("this command is not available yet");
    return kUsage;
}

}  // namespace sctx::cli
