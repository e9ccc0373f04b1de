#pragma once
// The "Noisy Environment" class. AMI has no noisy meetings, so (as the original did with MiniLibriMix / WHAM!
// noise) monologue windows are copied with a noise file to mix in at a set SNR. The manifest only names the
// noise, its offset and the SNR; the trainer does the mixing when it loads the window, so nothing is written
// to disk here and a different SNR is one regenerated CSV away.
#include <cstdint>
#include <string>
#include <vector>

#include "dataset/manifest.h"
#include "dataset/ami/split.h"

namespace sctx::ami {

using dataset::ManifestRow;

struct NoiseFile {
    std::string path;
    double seconds = 0;
};

struct NoiseBank {
    std::vector<NoiseFile> files;    ///< sorted by path
    std::vector<std::string> notes;  ///< files left out, and why
};

/// Audio files (found by extension, recursively) in dir that are at least window_s long. Unreadable and too
/// short files are left out with a note. Throws sctx::Error when dir cannot be read or has no usable file.
NoiseBank find_noise_files(const std::string& dir, double window_s);

struct NoisyOptions {
    /// Share of monologue windows that get a noisy copy, 0..1. Negative: "balanced", as many noisy windows as
    /// the mean count of the four other classes (at most one per monologue window).
    double fraction = -1;
    double snr_db = 10;
    double window_s = 3;
    uint64_t seed = 0;
    SplitRatios ratios;  ///< noise files are split like meetings, so test windows get noise unheard in training
};

/// How many noisy windows: fraction * monologue windows, or for a negative fraction the mean of the four other
/// classes' counts, never more than there are monologue windows.
size_t noisy_window_count(const std::vector<ManifestRow>& rows, double fraction);

/// The rows with a noisy copy after each chosen monologue row (label "Noisy Environment", noise, noise_offset,
/// snr_db set; source, offset, meeting, stream and split as the original). The choice of windows, noise files
/// and offsets depends only on the rows, the files and the options. Notes explain a fallback (too few noise
/// files to give each split its own).
std::vector<ManifestRow> add_noisy_rows(const std::vector<ManifestRow>& rows, const std::vector<NoiseFile>& noise,
                                        const NoisyOptions& options, std::vector<std::string>& notes);

}  // namespace sctx::ami
