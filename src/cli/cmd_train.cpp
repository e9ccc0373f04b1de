// socialctx train: manifest(s) in, model file out, with a classification report on the test split.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "commands.h"
#include "model/model_factory.h"
#include "train/feature_set.h"
#include "train/trainer.h"
#include "util/error.h"

namespace sctx::cli {

namespace {

using dataset::ManifestRow;
using dataset::Split;

double parse_number(const std::string& option, const std::string& text, double min, double max) {
    try {
        size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && v >= min && v <= max) return v;
    } catch (...) {}
    throw UsageError("--" + option + " wants a number from " + std::to_string(min) + " to " + std::to_string(max) +
                     ", not '" + text + "'");
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (const auto& v : values) {
        size_t start = 0;
        for (;;) {
            const size_t comma = v.find(',', start);
            const std::string item = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            if (!item.empty()) out.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

// At most n rows per class in each split: a deterministic (seeded) subset for quick pilots on a big manifest.
std::vector<ManifestRow> cap_per_class(std::vector<ManifestRow> rows, size_t n, size_t classes, uint64_t seed) {
    train::Rng rng(seed ^ 0xC0FFEEull);
    for (size_t i = rows.size(); i > 1; --i) std::swap(rows[i - 1], rows[rng.below(i)]);
    std::map<std::pair<int, int>, size_t> taken;
    std::vector<ManifestRow> out;
    for (auto& r : rows)
        if (taken[{int(r.split), r.label_index}]++ < n) out.push_back(std::move(r));
    (void)classes;
    return out;
}

std::string report_path_for(const std::string& model_path) {
    std::string base = model_path;
    if (base.size() > 3 && base.compare(base.size() - 3, 3, ".pt") == 0) base.resize(base.size() - 3);
    return base + ".report.json";
}

nlohmann::ordered_json epoch_json(const train::EpochStats& e) {
    nlohmann::ordered_json j = {
        {"epoch", e.epoch},     {"train_loss", e.train_loss},     {"train_acc", e.train_acc}, {"val_loss", e.val_loss},
        {"val_acc", e.val_acc}, {"val_macro_f1", e.val_macro_f1}, {"seconds", e.seconds},     {"lr", e.lr},
        {"best", e.best}};
    if (e.multitask) {
        j["frame_loss"] = e.frame_loss;
        j["pair_loss"] = e.pair_loss;
        j["speaker_loss"] = e.speaker_loss;
        j["val_frame_acc"] = e.val_frame_acc;
    }
    return j;
}

}  // namespace

int cmd_train(int argc, char** argv, int first) {
    ArgParser p("train", "--manifest CSV [--manifest CSV ...] --out MODEL.pt [OPTIONS]",
                "Trains a model on the windows of one or more dataset manifests (from `socialctx dataset ...`).\n"
                "Features are the same log-mel spectrograms the classifier computes, made once and kept in memory.\n"
                "Adam on class-weighted cross-entropy; early stopping on validation loss; the best epoch is saved.\n"
                "Prints one line per epoch and, at the end, a classification report and confusion matrix on the\n"
                "test split, also written as JSON next to the model (MODEL.report.json).");
    p.option("manifest", 'M', "CSV", "Dataset manifest; repeat the option or give a comma list to combine several");
    p.option("out", 'o', "MODEL.pt", "Where to write the trained model");
    std::string arch_names;
    for (const auto& a : known_architectures()) arch_names += (arch_names.empty() ? "" : ", ") + a;
    p.option("arch", 'a', "NAME", "Architecture: " + arch_names, "socialctx-tdnn");
    p.option("epochs", 'e', "N", "Most epochs to train", "30");
    p.option("patience", 0, "N", "Stop after N epochs without a lower validation loss", "5");
    p.option("lr", 0, "X", "Adam learning rate", "0.001");
    p.option("weight-decay", 0, "X", "Adam L2 penalty", "0");
    p.option("lr-plateau", 0, "N", "Halve the learning rate after N epochs without a lower validation loss (0: never)",
             "0");
    p.option("batch-size", 'b', "N", "Examples per optimisation step", "32");
    p.option("threads", 't', "N", "CPU threads (feature extraction and LibTorch)", std::to_string(default_threads()));
    p.option("seed", 0, "N", "Seed for initialisation, shuffling and augmentation", "1");
    p.option("name", 0, "TEXT", "Model name stored in the file", "socialctx");
    p.option("version", 0, "TEXT", "Model version stored in the file", "0");
    p.option("description", 0, "TEXT", "Free text stored in the model's config");
    p.option("db-ref", 0, "max|1.0", "dB reference of the log-mel: max (per window, as the original) or 1.0", "max");
    p.option("cache", 0, "DIR", "Keep computed features in DIR (reused when the data and settings are the same)");
    p.option("max-per-class", 0, "N", "Use at most N windows per class in each split (quick pilots)");
    p.flag("no-spec-augment", 0, "Turn off SpecAugment time/frequency masking (on by default)");
    p.option("freq-masks", 0, "N", "Frequency masks per example", "2");
    p.option("time-masks", 0, "N", "Time masks per example", "2");
    p.option("gain-db", 0, "DB", "Random gain of +-DB (only matters with --db-ref 1.0)", "0");
    p.option("mix-prob", 0, "P", "Chance of mixing a quiet-class training example into an example (15-35 dB below)",
             "0");
    p.flag("no-class-weights", 0, "Plain cross-entropy instead of weighting classes by inverse frequency");
    p.flag("cosine", 0, "Cosine decay of the learning rate to lr/50 over --epochs (instead of a constant rate)");
    p.option("label-smoothing", 0, "X", "Label smoothing of the clip cross-entropy", "0");
    p.option("select", 0, "loss|f1", "Keep the epoch with the lowest validation loss or the highest macro-F1", "loss");
    p.option("frame-loss", 0, "W",
             "Weight of the per-frame voice-count loss (architectures with frame outputs, data with frame targets)",
             "0.5");
    p.option("pair-loss", 0, "W", "Weight of the same-voice loss between single-voice frames", "0.5");
    p.option("speaker-loss", 0, "W", "Weight of the speaker-identity loss on each talker's frames", "0.2");
    p.flag("quiet", 'q', "Only the final report");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (!p.positionals().empty()) throw UsageError("unexpected argument '" + p.positionals()[0] + "' (see --help)");
    const std::vector<std::string> manifests = split_list(p.values("manifest"));
    if (manifests.empty()) throw UsageError("train needs at least one --manifest CSV (see --help)");
    const std::string out = p.value("out");
    if (out.empty()) throw UsageError("train needs --out MODEL.pt");
    const bool quiet = p.has("quiet");

    train::TrainOptions o;
    o.config.architecture = p.value("arch");
    {
        const auto known = known_architectures();
        if (std::find(known.begin(), known.end(), o.config.architecture) == known.end())
            throw UsageError("unknown --arch '" + o.config.architecture + "'");
    }
    o.config.name = p.value("name");
    o.config.version = p.value("version");
    o.config.description = p.value("description");
    try {
        o.config.mel.ref = parse_db_reference(p.value("db-ref"));
    } catch (const Error& e) {
        throw UsageError(std::string("--db-ref: ") + e.what());
    }
    o.max_epochs = parse_count("epochs", p.value("epochs"), 1, 10000);
    o.patience = parse_count("patience", p.value("patience"), 1, 10000);
    o.lr = parse_number("lr", p.value("lr"), 1e-7, 1.0);
    o.weight_decay = parse_number("weight-decay", p.value("weight-decay"), 0, 1.0);
    o.lr_plateau = parse_count("lr-plateau", p.value("lr-plateau"), 0, 10000);
    o.batch_size = parse_count("batch-size", p.value("batch-size"), 1, 4096);
    o.threads = parse_count("threads", p.value("threads"), 1, 256);
    o.seed = uint64_t(parse_count("seed", p.value("seed"), 0, 2147483647));
    o.class_weights = !p.has("no-class-weights");
    o.augment.spec_augment = !p.has("no-spec-augment");
    o.augment.freq_masks = parse_count("freq-masks", p.value("freq-masks"), 0, 100);
    o.augment.time_masks = parse_count("time-masks", p.value("time-masks"), 0, 100);
    o.augment.gain_db = parse_number("gain-db", p.value("gain-db"), 0, 60);
    o.augment.mix_prob = parse_number("mix-prob", p.value("mix-prob"), 0, 1);
    o.cosine = p.has("cosine");
    o.label_smoothing = parse_number("label-smoothing", p.value("label-smoothing"), 0, 0.5);
    o.select = p.value("select");
    if (o.select != "loss" && o.select != "f1") throw UsageError("--select wants loss or f1, not '" + o.select + "'");
    o.frame_loss = parse_number("frame-loss", p.value("frame-loss"), 0, 100);
    o.pair_loss = parse_number("pair-loss", p.value("pair-loss"), 0, 100);
    o.speaker_loss = parse_number("speaker-loss", p.value("speaker-loss"), 0, 100);
    o.out_path = out;
    if (o.config.description.empty())
        o.config.description = "Trained with socialctx train (" + o.config.architecture + ")";

    // Rows from every manifest; splits carved per manifest when one has none.
    std::vector<ManifestRow> rows;
    for (const auto& m : manifests) {
        std::vector<ManifestRow> r = dataset::read_manifest(m, o.config.class_names);
        if (dataset::carve_missing_splits(r) && !quiet)
            std::fprintf(stderr, "%s: no val/test rows; val and test carved by meeting\n", m.c_str());
        rows.insert(rows.end(), std::make_move_iterator(r.begin()), std::make_move_iterator(r.end()));
    }
    if (p.has("max-per-class"))
        rows =
            cap_per_class(std::move(rows), size_t(parse_count("max-per-class", p.value("max-per-class"), 1, 1 << 30)),
                          o.config.class_names.size(), o.seed);

    const auto t_start = std::chrono::steady_clock::now();
    train::FeatureBuildOptions fo;
    fo.threads = o.threads;
    fo.cache_dir = p.value("cache");
    size_t failed = 0;
    fo.on_error = [&](const ManifestRow& r, const std::string& why) {
        if (++failed <= 10) complain(r.manifest + ":" + std::to_string(r.line) + ": " + r.source + ": " + why);
    };
    fo.on_warning = [](const std::string& w) { complain(w); };
    auto last = std::chrono::steady_clock::now();
    fo.progress = [&](size_t done, size_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (quiet || (done < total && now - last < std::chrono::seconds(5))) return;
        last = now;
        std::fprintf(stderr, "features: %zu/%zu windows\n", done, total);
    };
    const train::FeatureSet data = train::build_features(rows, o.config, fo);
    if (failed > 10) complain("... " + std::to_string(failed - 10) + " more unreadable rows");
    // A few bad rows are reported and skipped; many mean the manifest or its audio is wrong.
    if (failed * 20 > rows.size())
        throw Error(std::to_string(failed) + " of " + std::to_string(rows.size()) +
                    " manifest rows could not be read; fix the manifest or its audio first");
    const double feature_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();

    // Class counts per split, so an unbalanced or empty split is visible before the long part starts.
    const size_t k = o.config.class_names.size();
    std::map<Split, std::vector<size_t>> counts;
    for (Split s : {Split::Train, Split::Val, Split::Test}) counts[s].assign(k, 0);
    for (size_t i = 0; i < data.size(); ++i) ++counts[data.splits[i]][size_t(data.labels[i])];
    if (!quiet) {
        std::printf("%zu windows (features in %.1f s), architecture %s, lr %g, batch %d, seed %llu\n", data.size(),
                    feature_seconds, o.config.architecture.c_str(), o.lr, o.batch_size, (unsigned long long)o.seed);
        for (size_t c = 0; c < k; ++c)
            std::printf("  %-26s train %6zu  val %5zu  test %5zu\n", o.config.class_names[c].c_str(),
                        counts[Split::Train][c], counts[Split::Val][c], counts[Split::Test][c]);
        std::fflush(stdout);
    }

    auto on_epoch = [&](const train::EpochStats& e) {
        if (quiet) return;
        std::printf("epoch %3d/%d  train loss %.4f acc %.3f  val loss %.4f acc %.3f macro-F1 %.3f  %.1f s  lr %.2g%s\n",
                    e.epoch, o.max_epochs, e.train_loss, e.train_acc, e.val_loss, e.val_acc, e.val_macro_f1, e.seconds,
                    e.lr, e.best ? "  *best" : "");
        if (e.multitask)
            std::printf("           frames: count loss %.4f  pair loss %.4f  speaker loss %.4f  val count acc %.3f\n",
                        e.frame_loss, e.pair_loss, e.speaker_loss, e.val_frame_acc);
        std::fflush(stdout);
    };
    const train::TrainResult result = train::train_model(data, o, on_epoch);
    const double total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_start).count();

    std::printf("\nbest epoch %d of %zu%s; model written to %s (%.0f s in all)\n", result.best_epoch,
                result.history.size(), result.stopped_early ? " (stopped early)" : "", out.c_str(), total_seconds);
    if (result.has_test) {
        std::printf("\nTest split (%zu windows):\n%s", result.test.total, train::format_report(result.test).c_str());
    } else {
        std::printf("\nNo test rows; validation split (%zu windows):\n%s", result.val.total,
                    train::format_report(result.val).c_str());
    }

    nlohmann::ordered_json j;
    j["model"] = out;
    j["config"] = nlohmann::ordered_json::parse(o.config.to_json());
    j["manifests"] = manifests;
    j["options"] = {{"max_epochs", o.max_epochs},
                    {"patience", o.patience},
                    {"lr", o.lr},
                    {"weight_decay", o.weight_decay},
                    {"lr_plateau", o.lr_plateau},
                    {"batch_size", o.batch_size},
                    {"seed", o.seed},
                    {"threads", o.threads},
                    {"class_weights", o.class_weights},
                    {"spec_augment", o.augment.spec_augment},
                    {"freq_masks", o.augment.freq_masks},
                    {"time_masks", o.augment.time_masks},
                    {"gain_db", o.augment.gain_db},
                    {"mix_prob", o.augment.mix_prob},
                    {"cosine", o.cosine},
                    {"label_smoothing", o.label_smoothing},
                    {"select", o.select},
                    {"frame_loss", o.frame_loss},
                    {"pair_loss", o.pair_loss},
                    {"speaker_loss", o.speaker_loss}};
    if (p.has("max-per-class")) j["options"]["max_per_class"] = std::stol(p.value("max-per-class"));
    j["windows"] = {{"train", counts[Split::Train]},
                    {"val", counts[Split::Val]},
                    {"test", counts[Split::Test]},
                    {"unreadable", failed}};
    j["class_weights"] = result.class_weights;
    j["history"] = nlohmann::json::array();
    for (const auto& e : result.history) j["history"].push_back(epoch_json(e));
    j["best_epoch"] = result.best_epoch;
    j["stopped_early"] = result.stopped_early;
    j["seconds"] = {{"features", feature_seconds}, {"total", total_seconds}};
    j["validation"] = nlohmann::ordered_json::parse(train::report_to_json(result.val));
    if (result.has_test) j["test"] = nlohmann::ordered_json::parse(train::report_to_json(result.test));
    const std::string report_path = report_path_for(out);
    std::ofstream f(report_path, std::ios::binary | std::ios::trunc);
    f << j.dump(2) << "\n";
    if (!f.flush()) throw Error("cannot write " + report_path);
    if (!quiet) std::printf("report written to %s\n", report_path.c_str());
    return kOk;
}

}  // namespace sctx::cli
