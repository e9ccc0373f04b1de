#include "dataset/ami/noise.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "classify/input_files.h"
#include "dataset/ami/corpus.h"
#include "dataset/ami/labeler.h"
#include "util/error.h"

namespace sctx::ami {

NoiseBank find_noise_files(const std::string& dir, double window_s) {
    const InputList inputs = collect_inputs({dir});
    if (!inputs.problems.empty()) throw Error(inputs.problems.front().second);
    NoiseBank bank;
    size_t too_short = 0;
    for (const std::string& path : inputs.files) {
        try {
            const double seconds = recording_seconds(path);
            if (seconds + kTimeEpsilon < window_s) {
                ++too_short;
                continue;
            }
            bank.files.push_back({path, seconds});
        } catch (const Error& e) {
            bank.notes.push_back("noise file " + path + " left out: " + e.what());
        }
    }
    if (too_short)
        bank.notes.push_back(std::to_string(too_short) + " noise file(s) shorter than the " +
                             dataset::format_seconds(window_s) + " s window left out");
    if (bank.files.empty())
        throw Error("no usable noise file (audio of at least " + dataset::format_seconds(window_s) + " s) in " + dir);
    return bank;
}

size_t noisy_window_count(const std::vector<ManifestRow>& rows, double fraction) {
    std::map<std::string, size_t> count;
    for (const ManifestRow& row : rows) ++count[row.label];
    const size_t monologue = count[label_for_speakers(1)];
    if (fraction >= 0) return std::min(monologue, size_t(std::llround(std::min(fraction, 1.0) * double(monologue))));
    double others = 0;
    for (int speakers = 0; speakers <= 3; ++speakers) others += double(count[label_for_speakers(speakers)]);
    return std::min(monologue, size_t(std::llround(others / 4)));
}

std::vector<ManifestRow> add_noisy_rows(const std::vector<ManifestRow>& rows, const std::vector<NoiseFile>& noise,
                                        const NoisyOptions& options, std::vector<std::string>& notes) {
    if (noise.empty()) return rows;
    std::vector<size_t> candidates;
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].label == label_for_speakers(1) && rows[i].noise.empty()) candidates.push_back(i);
    Rng random = seeded_random(options.seed, RandomPurpose::NoisyWindows);
    random.exact_shuffle(candidates);
    candidates.resize(std::min(candidates.size(), noisy_window_count(rows, options.fraction)));
    std::sort(candidates.begin(), candidates.end());

    // Each split draws from its own share of the noise files; a split left with none shares all of them.
    std::vector<std::string> paths;
    for (const NoiseFile& f : noise) paths.push_back(f.path);
    const auto noise_split = assign_splits(paths, options.ratios, options.seed, RandomPurpose::NoiseSplit);
    std::map<dataset::Split, std::vector<const NoiseFile*>> pool;
    for (const NoiseFile& f : noise) pool[noise_split.at(f.path)].push_back(&f);

    std::vector<ManifestRow> out;
    out.reserve(rows.size() + candidates.size());
    size_t next = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(rows[i]);
        if (next >= candidates.size() || candidates[next] != i) continue;
        ++next;
        std::vector<const NoiseFile*>& files = pool[rows[i].split];
        if (files.empty()) {
            for (const NoiseFile& f : noise) files.push_back(&f);
            notes.push_back("too few noise files for each split to have its own: " +
                            std::string(dataset::to_string(rows[i].split)) +
                            " windows use noise files of other splits");
        }
        const NoiseFile& file = *files[random.exact_index(files.size())];
        ManifestRow noisy = rows[i];
        noisy.label = noisy_label();
        noisy.noise = file.path;
        // Millisecond offsets keep the CSV short; floor keeps the window inside the file.
        noisy.noise_offset =
            std::floor(random.uniform() * std::max(0.0, file.seconds - options.window_s) * 1000) / 1000;
        noisy.snr_db = options.snr_db;
        out.push_back(std::move(noisy));
    }
    return out;
}

}  // namespace sctx::ami
