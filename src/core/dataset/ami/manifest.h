#pragma once
// The dataset manifest the trainer reads: one CSV row per labelled window, header exactly
//   source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db
// (see the manifest format in the project notes). Noisy rows name a noise file the trainer mixes in at load time.
#include <string>
#include <vector>

namespace sctx::ami {

struct ManifestRow {
    std::string source;   ///< audio file: relative to the manifest's folder, or absolute
    double offset = 0;    ///< seconds
    double duration = 0;  ///< seconds
    std::string label;
    std::string meeting;  ///< the split group
    std::string stream;   ///< ihm | sdm
    std::string split;    ///< train | val | test
    std::string noise;    ///< empty: no noise
    double noise_offset = 0;
    double snr_db = 0;
};

const std::string& manifest_header();  ///< without the line end
/// One CSV line (RFC 4180 quoting where a field needs it), without the line end.
std::string manifest_line(const ManifestRow& row);
/// Header and rows, each line ended by '\n'.
std::string manifest_csv(const std::vector<ManifestRow>& rows);

/// How a manifest refers to a file: relative to the manifest's folder when the file is inside it (the pair can
/// be moved together), absolute otherwise; absolute when manifest_dir is empty (manifest on standard output).
std::string manifest_path(const std::string& file, const std::string& manifest_dir);

/// Seconds as the shortest fixed-point text up to microseconds: 1.5 -> "1.5", 3 -> "3".
std::string format_seconds(double seconds);

}  // namespace sctx::ami
