// socialctx classify PATH...: the batch front end. Streams one record per file as each finishes.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>

#include "classify/batch_runner.h"
#include "classify/batch_summary.h"
#include "classify/input_files.h"
#include "classify/result_writer.h"
#include "classify/resume.h"
#include "cli_common.h"
#include "commands.h"
#include "platform/console.h"
#include "util/error.h"
#include "util/stage_timer.h"

namespace sctx::cli {

namespace {

std::atomic<bool> g_interrupted{false};
void on_signal(int) { g_interrupted = true; }

// One line per stage, key=value, so scripts (bench/run_benchmarks.sh, the tests) can read it. Stage times are
// summed over worker threads, so with several threads their sum can exceed the run's wall time.
void print_timings(std::chrono::steady_clock::time_point started) {
    const double run_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const StageTotals t = stage_totals();
    double wall = 0, cpu = 0;
    for (size_t i = 0; i < size_t(Stage::count); ++i) {
        std::fprintf(diagnostics(), "timings: stage=%s wall_s=%.6f cpu_s=%.6f\n", stage_name(Stage(i)), t.wall_s[i],
                     t.cpu_s[i]);
        wall += t.wall_s[i];
        cpu += t.cpu_s[i];
    }
    std::fprintf(diagnostics(), "timings: stages_wall_s=%.6f stages_cpu_s=%.6f run_wall_s=%.6f\n", wall, cpu, run_wall);
}

// "[ 120/5000]  38.2 files/s  ETA 2:08" on one terminal line, rewritten in place.
class ProgressLine {
public:
    ProgressLine(size_t total, bool enabled) : total_(total), enabled_(enabled), start_(Clock::now()) {}
    void update(size_t done) {
        if (!enabled_) return;
        const auto now = Clock::now();
        if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        const double secs = std::chrono::duration<double>(now - start_).count();
        const double rate = secs > 0 ? done / secs : 0;
        const double eta = rate > 0 ? (total_ - done) / rate : 0;
        std::fprintf(diagnostics(), "\r[%zu/%zu] %.1f files/s, ETA %d:%02d   ", done, total_, rate, int(eta) / 60,
                     int(eta) % 60);
        if (done == total_) std::fprintf(diagnostics(), "\n");
        std::fflush(diagnostics());
    }

private:
    using Clock = std::chrono::steady_clock;
    size_t total_;
    bool enabled_;
    Clock::time_point start_, last_{};
};

}  // namespace

int cmd_classify(int argc, char** argv, int first) {
    ArgParser p("classify", "[OPTIONS] PATH...",
                "Classifies audio files, and folders recursively (audio is found by extension, case-insensitive).\n"
                "Prints one result per file as it finishes. A file that cannot be read is reported with its\n"
                "reason and the batch goes on. Exit status: 0 all files ok, 1 some failed, 2 usage or model error.");
    p.positional("PATH...", "Audio files (wav, mp3, m4a, flac, ogg, ...) and folders");
    p.option("format", 'f', "FORMAT",
             "Output format: table, csv, json, jsonl, audacity, raven (Raven selection table), sv (Sonic Visualiser "
             "CSV layer)",
             "table");
    p.flag("segments", 's', "Include per-window results (start_s, end_s, label, confidence, probabilities)");
    p.option("output", 'o', "FILE", "Write to FILE instead of standard output");
    p.option(
        "model", 'm', "FILE",
        "TorchScript model to use (default: the shipped model; 'accurate' is the slower, more accurate shipped model)");
    p.option("threads", 't', "N", "CPU threads to use", std::to_string(default_threads()));
    p.option("window", 'w', "S", "Window length in seconds (default: the model's, 3 s)");
    p.option("hop", 0, "S", "Hop between windows of a long recording in seconds (default: the model's, 1.5 s)");
    p.option("batch-size", 0, "N", "Windows per forward pass", "32");
    p.flag("resume", 0, "With --format jsonl --output FILE: keep FILE's complete records, do only what is missing");
    p.option("shard", 0, "K/N", "Classify only the K-th of N disjoint parts of the sorted input list");
    p.flag("timings", 0,
           "Print on standard error the wall and CPU seconds spent in decode, resample, features, model and output");
    p.flag("quiet", 'q', "No progress line and no per-file error lines on standard error");
    p.flag("summary", 0,
           "At the end, files and total duration per class and the error count on standard error (a JSON object "
           "with --format json or jsonl, else a table)");
    p.option("min-confidence", 0, "P",
             "Mark results whose confidence is below P (0-1) as uncertain: \"uncertain (best guess)\" as the label "
             "people read, an uncertain column/field in csv and json, a row of their own in --summary; "
             "probabilities are kept",
             "0");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().empty()) throw UsageError("classify needs at least one file or folder (see --help)");

    const OutputFormat format = parse_output_format(p.value("format"));
    const std::string output = p.value("output");
    const bool resume = p.has("resume");
    if (resume && (format != OutputFormat::Jsonl || output.empty()))
        throw UsageError("--resume needs --format jsonl and --output FILE");

    BatchOptions options;
    options.threads = parse_count("threads", p.value("threads"), 1, 256);
    options.classify.batch_size = size_t(parse_count("batch-size", p.value("batch-size"), 1, 4096));
    if (p.has("window")) options.classify.window_s = parse_seconds("window", p.value("window"));
    if (p.has("hop")) options.classify.hop_s = parse_seconds("hop", p.value("hop"));
    options.classify.keep_segments = true;

    std::shared_ptr<Model> model = load_model(p.value("model"));

    InputList inputs = collect_inputs(p.positionals());
    std::vector<std::string> files = inputs.files;
    if (p.has("shard")) files = select_shard(files, parse_shard(p.value("shard")));

    ResumeState done;
    const bool want_summary = p.has("summary");
    const double min_confidence = parse_probability("min-confidence", p.value("min-confidence"));
    BatchSummary summary(model->config().class_names, min_confidence);
    if (resume) {
        std::vector<FileResult> kept;
        done = prepare_resume(output, model->config().class_names, want_summary ? &kept : nullptr);
        for (const auto& r : kept) summary.add(r);  // the whole batch, not only this run's part
    }
    std::vector<std::string> todo;
    for (const auto& f : files)
        if (!done.done.count(f)) todo.push_back(f);
    const bool quiet = p.has("quiet");
    if (resume && !quiet)
        std::fprintf(diagnostics(),
                     "socialctx: resuming %s: %zu records kept, %zu stale and %zu torn dropped, %zu files to do\n",
                     output.c_str(), done.kept, done.dropped_stale, done.dropped_torn, todo.size());

    OutputFile::Mode mode = output.empty() ? OutputFile::Mode::Stdout
                            : format == OutputFormat::Jsonl
                                ? (resume ? OutputFile::Mode::Append : OutputFile::Mode::Truncate)
                                : OutputFile::Mode::Atomic;
    OutputFile out(output, mode);
    WriterOptions wo;
    wo.class_names = model->config().class_names;
    wo.segments = p.has("segments") || format == OutputFormat::Audacity;
    wo.multiple_files = files.size() + inputs.problems.size() > 1;
    wo.min_confidence = min_confidence;
    const MelParams& mel = model->config().mel;
    wo.high_freq_hz = mel.fmax > 0 ? mel.fmax : mel.sample_rate / 2.0;  // the band the model hears
    std::unique_ptr<ResultWriter> writer = make_writer(format, out, wo);

    size_t failed = 0, reported = 0;
    auto report = [&](FileResult&& r) {
        if (!r.ok) {
            ++failed;
            if (!quiet) complain(r.file + ": " + r.error);
        }
        StageTimer timer(Stage::output);
        writer->write(r);
        summary.add(r);
        ++reported;
    };
    // Inputs that are errors by themselves (a folder with no audio) get a record like any failed file.
    if (!p.has("shard") || parse_shard(p.value("shard")).index == 1) {
        for (const auto& [path, reason] : inputs.problems) {
            if (done.done.count(path)) continue;
            FileResult r;
            r.file = path;
            r.error = reason;
            report(std::move(r));
        }
    }

    platform::on_interrupt(on_signal);

    reset_stage_totals();
    const auto run_started = std::chrono::steady_clock::now();
    ProgressLine progress(todo.size(), !quiet && platform::is_terminal(diagnostics()));
    BatchRunner runner(model, options);
    size_t finished = 0;
    try {
        runner.run(
            todo,
            [&](FileResult&& r) {
                report(std::move(r));
                progress.update(++finished);
            },
            &g_interrupted);
    } catch (const Error& e) {
        complain(e.what());
        return kUsage;  // output could not be written: what was written so far stays
    }
    if (g_interrupted) {
        out.flush();
        complain("interrupted after " + std::to_string(finished) + " of " + std::to_string(todo.size()) + " files" +
                 (format == OutputFormat::Jsonl && !output.empty() ? "; rerun with --resume to finish" : ""));
        return 130;
    }
    {
        StageTimer timer(Stage::output);
        writer->finish();
    }
    if (want_summary) {
        const bool json = format == OutputFormat::Json || format == OutputFormat::Jsonl;
        std::fputs((json ? summary.to_json() + "\n" : summary.to_table()).c_str(), diagnostics());
        std::fflush(diagnostics());
    }
    if (p.has("timings")) print_timings(run_started);
    return failed ? kSomeFailed : kOk;
}

}  // namespace sctx::cli
