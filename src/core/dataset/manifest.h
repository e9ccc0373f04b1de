#pragma once
// The dataset manifest: one CSV row per labelled window, written by `socialctx dataset ami|synth` and read by
// `socialctx train`. Header exactly
//   source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db
// optionally followed by the frame-target columns
//   ,talkers,frame_voices,frame_owner
// (noise, noise_offset and snr_db may be empty; so may the frame columns of a row). One type and one codec for
// every dataset, so what a writer emits is exactly what the trainer parses. A bad row is an sctx::Error naming the
// file and line, so a hand-edited manifest is fixed in one go rather than found out by a crash mid-training.
//
// Frame targets come for free from a synthesizer's (or an annotated corpus's) timelines and let a model learn who
// speaks when, not only the window's label: one character per log-mel frame of the window (hop 256 at 16 kHz,
// 188 frames for 3 s), `frame_voices` = how many voices sound in the frame ('0'..'9'), `frame_owner` = which
// talker ('0'..'9', an index into `talkers`) when exactly one voice sounds, '-' otherwise. `talkers` lists the
// window's speaker ids ('|'-separated) in talker-index order; speaker ids are global across the dataset.
#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace sctx::dataset {

enum class Split { Train, Val, Test, None };  ///< None: the row's split column was empty (carved later)

const char* to_string(Split s);  ///< "train", "val", "test", "" for None
/// "train" | "val" | "test" | "" (None). Returns false for anything else.
bool parse_split(const std::string& text, Split& out);

struct ManifestRow {
    std::string source;    ///< audio file; read_manifest makes relative paths absolute against the manifest's folder
    double offset = 0;     ///< seconds into source
    double duration = 0;   ///< seconds
    std::string label;     ///< one of the class names
    int label_index = -1;  ///< index of label in the class names (set by parse_manifest)
    std::string meeting;   ///< group id: no group spans two splits
    std::string stream;    ///< ihm | sdm | synth (informational)
    Split split = Split::None;
    std::string noise;  ///< optional noise file, mixed in at snr_db from noise_offset
    double noise_offset = 0;
    double snr_db = 0;
    // Frame targets (see above); empty when unknown.
    std::vector<std::string> talkers;
    std::string frame_voices;
    std::string frame_owner;
    size_t line = 0;       ///< 1-based line in the manifest, for messages (parsed rows only)
    std::string manifest;  ///< which manifest it came from (parsed rows only)

    bool has_frames() const { return !frame_voices.empty(); }
};

const std::string& manifest_header();              ///< the ten base columns, without the line end
const std::string& manifest_header_with_frames();  ///< base columns + talkers,frame_voices,frame_owner
/// One CSV line (RFC 4180 quoting where a field needs it), without the line end; with_frames adds the three frame
/// columns (empty when the row has none).
std::string manifest_line(const ManifestRow& row, bool with_frames = false);
/// Header and rows, each line ended by '\n'; the frame columns are written when any row has frame targets.
std::string manifest_csv(const std::vector<ManifestRow>& rows);

/// How a manifest refers to a file: relative to the manifest's folder when the file is inside it (the pair can
/// be moved together), absolute otherwise; absolute when manifest_dir is empty (manifest on standard output).
std::string manifest_path(const std::string& file, const std::string& manifest_dir);

/// Seconds as the shortest fixed-point text up to microseconds: 1.5 -> "1.5", 3 -> "3".
std::string format_seconds(double seconds);

/// Parses manifest text. `name` is used in messages, `base_dir` resolves relative paths, labels must be one of
/// class_names.
std::vector<ManifestRow> parse_manifest(std::istream& in, const std::string& name, const std::string& base_dir,
                                        const std::vector<std::string>& class_names);

/// Reads a manifest file; relative sources are taken from the manifest's folder. Throws sctx::Error.
std::vector<ManifestRow> read_manifest(const std::string& path, const std::vector<std::string>& class_names);

/// When none of `rows` has a val or test split, gives whole meetings to val (~10%) and test (~10%),
/// deterministically (a hash of the meeting id, so the same meeting always lands in the same split); rows with an
/// empty split go to train otherwise. Returns true if anything was carved.
bool carve_missing_splits(std::vector<ManifestRow>& rows);

}  // namespace sctx::dataset
