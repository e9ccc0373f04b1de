#pragma once
// One function per subcommand; each parses its own options (argv[first..]) and returns the exit status.
namespace sctx::cli {

int cmd_classify(int argc, char** argv, int first);
int cmd_features(int argc, char** argv, int first);
int cmd_info(int argc, char** argv, int first);
int cmd_merge(int argc, char** argv, int first);
int cmd_init_model(int argc, char** argv, int first);
int cmd_ensemble(int argc, char** argv, int first);
int cmd_dataset(int argc, char** argv, int first);
int cmd_dataset_ami(int argc, char** argv, int first);
int cmd_dataset_synth(int argc, char** argv, int first);
int cmd_train(int argc, char** argv, int first);
int cmd_evaluate(int argc, char** argv, int first);
int cmd_import(int argc, char** argv, int first);

}  // namespace sctx::cli
