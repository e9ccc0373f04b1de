#pragma once
// The audio of one manifest row: the window (source, offset, duration) cut to the model's length, with the row's
// noise mixed in at its SNR. Plain float buffers, no torch.
#include <cstddef>
#include <vector>

#include "dataset/manifest.h"

namespace sctx::train {

using dataset::ManifestRow;
using dataset::Split;

/// Mixes `noise` into `signal` so that 20*log10(rms(signal) / rms(scaled noise)) = snr_db. The noise is read from
/// its start and repeated if shorter than the signal. A silent signal gets the noise at its own level (an SNR
/// against nothing is undefined); silent noise leaves the signal as it is.
void mix_at_snr(std::vector<float>& signal, const std::vector<float>& noise, double snr_db);

/// Samples [offset, offset + duration) of `source` (already decoded at `rate`), zero-padded or cut to
/// window_samples, with the row's noise mixed in. Throws sctx::Error (e.g. a window past the end of the file).
std::vector<float> cut_window(const std::vector<float>& source, const ManifestRow& row, int rate,
                              size_t window_samples);

/// Loads the row's noise (if any) and mixes it into `window`. Throws sctx::Error for an unreadable noise file.
void add_row_noise(std::vector<float>& window, const ManifestRow& row, int rate);

}  // namespace sctx::train
