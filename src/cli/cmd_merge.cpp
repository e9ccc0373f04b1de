// socialctx merge A.jsonl B.jsonl ... -o ALL: joins the journals of shards or resumed runs into one output.
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

#include "classify/result_json.h"
#include "classify/result_writer.h"
#include "cli_common.h"
#include "commands.h"
#include "model/model_config.h"
#include "util/error.h"

namespace sctx::cli {

namespace {
OutputFormat format_from_name(const std::string& path) {
    auto ends = [&](const char* ext) {
        const std::string e(ext);
        return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
    };
    if (ends(".jsonl")) return OutputFormat::Jsonl;
    if (ends(".json")) return OutputFormat::Json;
    if (ends(".csv")) return OutputFormat::Csv;
    if (ends(".txt")) return OutputFormat::Audacity;
    return OutputFormat::Jsonl;
}
}  // namespace

int cmd_merge(int argc, char** argv, int first) {
    ArgParser p("merge", "IN.jsonl... -o OUT",
                "Reads JSONL results (e.g. one per --shard) and writes them as one output, one record per file\n"
                "(a later record of the same file wins), sorted by file name. A torn last line is skipped.");
    p.positional("IN.jsonl...", "JSONL outputs of socialctx classify");
    p.option("output", 'o', "OUT", "Output file (default: standard output)");
    p.option("format", 'f', "FORMAT",
             "table, csv, json, jsonl, audacity, raven, sv (default: from OUT's extension, else jsonl)");
    p.flag("segments", 's', "Keep per-window results");
    p.option("min-confidence", 0, "P", "Mark results whose confidence is below P (0-1) as uncertain (as classify)",
             "0");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().empty()) throw UsageError("merge needs at least one JSONL file");
    const std::string output = p.value("output");
    const OutputFormat format = p.has("format") ? parse_output_format(p.value("format")) : format_from_name(output);

    std::vector<std::string> class_names;
    std::map<std::string, FileResult> records;
    size_t skipped = 0;
    for (const auto& in_path : p.positionals()) {
        std::ifstream in(in_path, std::ios::binary);
        if (!in) throw Error("cannot read " + in_path);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            if (class_names.empty()) {
                // Class names in the producing model's order: the keys of the first record's probabilities.
                try {
                    auto j = nlohmann::ordered_json::parse(line);
                    if (j.contains("probabilities"))
                        for (const auto& [k, v] : j["probabilities"].items()) class_names.push_back(k);
                } catch (...) {}
            }
            try {
                FileResult r = result_from_json(line, class_names.empty() ? default_class_names() : class_names);
                records[r.file] = std::move(r);
            } catch (const Error&) {
                ++skipped;
            }
        }
    }
    if (class_names.empty()) class_names = default_class_names();
    if (skipped) complain("skipped " + std::to_string(skipped) + " unreadable line(s)");

    OutputFile out(output, output.empty() ? OutputFile::Mode::Stdout : OutputFile::Mode::Atomic);
    WriterOptions wo;
    wo.class_names = class_names;
    wo.segments = p.has("segments") || format == OutputFormat::Audacity;
    wo.multiple_files = records.size() > 1;
    wo.min_confidence = parse_probability("min-confidence", p.value("min-confidence"));
    auto writer = make_writer(format, out, wo);
    size_t failed = 0;
    for (const auto& [file, r] : records) {
        if (!r.ok) ++failed;
        writer->write(r);
    }
    writer->finish();
    return failed ? kSomeFailed : kOk;
}

}  // namespace sctx::cli
