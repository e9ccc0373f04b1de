// socialctx dataset ami AMI_ROOT: labelled 3 s windows from a local AMI meeting corpus, as a training manifest.
// The work is in the core (dataset/ami/dataset.h); this file reads options and reports.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>

#include "classify/output_file.h"
#include "cli_common.h"
#include "commands.h"
#include "dataset/ami/dataset.h"
#include "model/model_config.h"
#include "util/error.h"

namespace sctx::cli {

namespace {

double parse_number(const std::string& option, const std::string& text, double min, double max, const char* what) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < min ||
        value > max)
        throw UsageError("--" + option + " wants " + what + ", not '" + text + "'");
    return value;
}

std::vector<std::string> parse_list(const std::string& text) {
    std::vector<std::string> items;
    std::string item;
    for (char c : text + ",") {
        if (c == ',' || c == ' ') {
            if (!item.empty()) items.push_back(item);
            item.clear();
        } else {
            item += c;
        }
    }
    return items;
}

// Windows per label per split: what the trainer will see, and whether the classes are balanced.
void print_summary(const ami::AmiDataset& data, const std::string& destination) {
    const char* splits[] = {"train", "val", "test"};
    std::map<std::string, std::map<std::string, size_t>> count;
    std::map<std::string, size_t> meetings;
    for (const auto& [meeting, split] : data.meeting_splits) ++meetings[dataset::to_string(split)];
    for (const auto& row : data.rows) ++count[row.label][dataset::to_string(row.split)];
    std::fprintf(
        stderr,
        "socialctx: %zu windows (%zu of them noisy copies) from %zu meetings (train %zu, val %zu, test %zu)"
        " -> %s\n",
        data.rows.size(),
        count[ami::noisy_label()]["train"] + count[ami::noisy_label()]["val"] + count[ami::noisy_label()]["test"],
        data.meeting_splits.size(), meetings["train"], meetings["val"], meetings["test"], destination.c_str());
    std::fprintf(stderr, "  %-26s %8s %8s %8s %8s\n", "label", "train", "val", "test", "total");
    std::map<std::string, size_t> totals;
    for (const std::string& label : default_class_names()) {
        size_t all = 0;
        std::fprintf(stderr, "  %-26s", label.c_str());
        for (const char* s : splits) {
            std::fprintf(stderr, " %8zu", count[label][s]);
            all += count[label][s];
            totals[s] += count[label][s];
        }
        std::fprintf(stderr, " %8zu\n", all);
    }
    std::fprintf(stderr, "  %-26s %8zu %8zu %8zu %8zu\n", "total", totals["train"], totals["val"], totals["test"],
                 data.rows.size());
}

}  // namespace

int cmd_dataset_ami(int argc, char** argv, int first) {
    ArgParser p("dataset ami", "[OPTIONS] AMI_ROOT",
                "Builds a training manifest from a local AMI meeting corpus. AMI_ROOT holds the NXT annotations\n"
                "(corpusResources/meetings.xml, segments/<meeting>.<agent>.segments.xml) and the audio\n"
                "(amicorpus/<meeting>/audio/<meeting>.Mix-Headset.wav and .Array1-01.wav). Each meeting is cut into\n"
                "windows, and a window is labelled by how many speakers are active in it (speech covering at least\n"
                "--min-speech of the window): 0 Alone / Quiet, 1 Speech / Monologue, 2 One-on-One Conversation,\n"
                "3+ Group Discussion. Rows are written for the headset mix (ihm) and the first array microphone (sdm)\n"
                "where downloaded. With --noise-dir, copies of monologue windows with noise to mix in at --snr dB\n"
                "make the Noisy Environment class. Splits are by meeting. A summary goes to standard error.\n"
                "Exit status: 0 done, 1 some meetings could not be used (the others are in the manifest), 2 usage\n"
                "error or unreadable meetings.xml / noise folder. More in docs/ami-dataset.md.");
    p.positional("AMI_ROOT", "The corpus folder (not needed when --annotations and --audio are both given)");
    p.option("annotations", 0, "DIR", "Folder holding corpusResources/ and segments/ (default: AMI_ROOT)");
    p.option("audio", 0, "DIR", "Folder holding <meeting>/audio/ (default: AMI_ROOT/amicorpus)");
    p.option("meetings", 0, "LIST", "Only these meetings, comma-separated (default: all in meetings.xml)");
    p.option("out", 'o', "FILE", "Write the manifest CSV to FILE (default: standard output, with absolute paths)");
    p.option("window", 0, "S", "Window length in seconds", "3");
    p.option("hop", 0, "S", "Hop between window starts in seconds", "1.5");
    p.option("min-speech", 0, "S", "Speech in a window that makes a speaker active, seconds; 0 = any", "0.1");
    p.option("split", 0, "R,R,R", "Shares of the meetings for train,val,test (normalised)", "0.8,0.1,0.1");
    p.option("seed", 0, "N", "Seed for the splits and the noisy windows", "1");
    p.option("noise-dir", 0, "DIR", "Noise recordings (audio found by extension) for the Noisy Environment class");
    p.option("noisy-fraction", 0, "F",
             "Share of monologue windows given a noisy copy, 0..1 (default: balanced, i.e. as many noisy\n"
             "                          windows as the mean count of the other four classes)");
    p.option("snr", 0, "DB", "Speech-to-noise ratio of the noisy windows, dB", "10");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().size() > 1) throw UsageError("dataset ami takes one AMI_ROOT (see --help)");

    ami::AmiDatasetOptions options;
    const std::string root = p.positionals().empty() ? "" : p.positionals().front();
    if (root.empty() && !(p.has("annotations") && p.has("audio")))
        throw UsageError("dataset ami needs the AMI corpus folder (or --annotations and --audio; see --help)");
    options.layout = ami::CorpusLayout::from_root(root);
    if (p.has("annotations")) options.layout.annotations_dir = p.value("annotations");
    if (p.has("audio")) options.layout.audio_dir = p.value("audio");
    if (p.has("meetings")) {
        options.meetings = parse_list(p.value("meetings"));
        if (options.meetings.empty()) throw UsageError("--meetings wants meeting ids such as ES2002a,IS1009b");
    }
    options.windows.window_s = parse_seconds("window", p.value("window"));
    options.windows.hop_s = parse_seconds("hop", p.value("hop"));
    options.windows.min_speech_s = parse_number("min-speech", p.value("min-speech"), 0, options.windows.window_s,
                                                "seconds from 0 to the window length");
    try {
        options.split = ami::parse_split_ratios(p.value("split"));
    } catch (const Error& e) {
        throw UsageError(std::string("--") + e.what());
    }
    options.seed = uint64_t(parse_count("seed", p.value("seed"), 0, 2147483647));
    options.noise_dir = p.value("noise-dir");
    if (p.has("noisy-fraction")) {
        if (options.noise_dir.empty()) throw UsageError("--noisy-fraction needs --noise-dir");
        options.noisy_fraction =
            parse_number("noisy-fraction", p.value("noisy-fraction"), 0, 1, "a number from 0 to 1");
    }
    if (p.has("snr") && options.noise_dir.empty()) throw UsageError("--snr needs --noise-dir");
    options.snr_db = parse_number("snr", p.value("snr"), -60, 120, "decibels from -60 to 120");
    const std::string out_path = p.value("out");
    if (!out_path.empty()) {
        const std::filesystem::path parent = std::filesystem::path(out_path).parent_path();
        options.manifest_dir = parent.empty() ? "." : parent.string();
    }

    const ami::AmiDataset data = ami::build_ami_dataset(options);
    for (const std::string& note : data.notes) complain("note: " + note);
    for (const std::string& error : data.errors) complain(error);
    if (options.noise_dir.empty()) complain("note: no --noise-dir: no Noisy Environment windows");
    if (data.rows.empty()) {
        complain("no windows: no selected meeting has both annotations and a recording; nothing written");
        return kSomeFailed;
    }

    OutputFile out(out_path, out_path.empty() ? OutputFile::Mode::Stdout : OutputFile::Mode::Atomic);
    out.write(dataset::manifest_csv(data.rows));
    out.commit();
    print_summary(data, out_path.empty() ? "standard output" : out_path);
    return data.errors.empty() ? kOk : kSomeFailed;
}

}  // namespace sctx::cli
