// socialctx evaluate: a model's accuracy, macro-F1 and confusion matrix on labelled files.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "classify/batch_runner.h"
#include "classify/output_file.h"
#include "classify/result_json.h"
#include "cli_common.h"
#include "commands.h"
#include "train/label_list.h"
#include "train/metrics.h"
#include "util/error.h"

namespace sctx::cli {

int cmd_evaluate(int argc, char** argv, int first) {
    ArgParser p("evaluate", "[--model M.pt] LIST.csv [--json OUT.json]",
                "Classifies every file of LIST.csv (header 'file,label'; paths relative to the CSV's folder or\n"
                "absolute; labels are the model's class names) as `classify` does (the whole-file result: the mean\n"
                "over windows) and prints accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix\n"
                "(rows = true, columns = predicted). Unreadable files are reported and counted as errors.\n"
                "Exit status: 0 all files scored, 1 some could not be read, 2 usage or model error.");
    p.positional("LIST.csv", "Labelled files");
    p.option("model", 'm', "FILE",
             "TorchScript model to score (default: the shipped model; 'accurate' is the slower, more accurate shipped "
             "model)");
    p.option("json", 'j', "OUT.json", "Also write the figures (and each file's prediction) as JSON");
    p.option("threads", 't', "N", "CPU threads to use", std::to_string(default_threads()));
    p.flag("quiet", 'q', "No per-file error lines");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().size() != 1) throw UsageError("evaluate needs exactly one LIST.csv (see --help)");

    std::shared_ptr<Model> model = load_model(p.value("model"));
    const std::vector<std::string>& names = model->config().class_names;
    const std::vector<train::LabelledFile> list = train::read_label_list(p.positionals()[0], names);
    if (list.empty()) throw UsageError(p.positionals()[0] + " lists no files");

    BatchOptions options;
    options.threads = parse_count("threads", p.value("threads"), 1, 256);
    options.classify.keep_segments = false;
    std::vector<std::string> files;
    std::map<std::string, std::vector<size_t>> pending;  // a file listed twice is scored twice
    for (size_t i = 0; i < list.size(); ++i) {
        files.push_back(list[i].file);
        pending[list[i].file].push_back(i);
    }
    std::vector<FileResult> results(list.size());
    BatchRunner runner(model, options);
    runner.run(files, [&](FileResult&& r) {
        std::vector<size_t>& slots = pending[r.file];
        const size_t i = slots.back();
        slots.pop_back();
        results[i] = std::move(r);
    });

    train::ConfusionMatrix cm(names);
    nlohmann::ordered_json per_file = nlohmann::ordered_json::array();
    for (size_t i = 0; i < list.size(); ++i) {
        const FileResult& r = results[i];
        nlohmann::ordered_json f = {{"file", printable_path(list[i].file)}, {"label", names[size_t(list[i].label)]}};
        if (r.ok) {
            cm.add(list[i].label, r.label_index);
            f["predicted"] = names[size_t(r.label_index)];
            f["confidence"] = r.confidence;
            f["probabilities"] = r.probabilities;
        } else {
            cm.add_error();
            f["error"] = printable_path(r.error);
            if (!p.has("quiet")) complain(list[i].file + ": " + r.error);
        }
        per_file.push_back(std::move(f));
    }
    const train::ClassificationReport report = cm.report();
    std::printf("%s: %zu files scored, %zu errors, model %s\n\n%s", p.positionals()[0].c_str(), report.total,
                report.errors, model->path().c_str(), train::format_report(report).c_str());

    if (p.has("json")) {
        nlohmann::ordered_json j;
        j["list"] = printable_path(p.positionals()[0]);
        j["model"] = {{"path", printable_path(model->path())},
                      {"name", model->config().name},
                      {"version", model->config().version},
                      {"architecture", model->config().architecture},
                      {"sha256", model->sha256()}};
        const nlohmann::ordered_json rj = nlohmann::ordered_json::parse(train::report_to_json(report));
        for (auto it = rj.begin(); it != rj.end(); ++it) j[it.key()] = it.value();
        j["files"] = std::move(per_file);
        OutputFile out(p.value("json"), OutputFile::Mode::Atomic);
        out.write(j.dump(2) + "\n");
        out.commit();
    }
    return report.errors ? kSomeFailed : kOk;
}

}  // namespace sctx::cli
