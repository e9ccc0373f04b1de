#pragma once
// The AMI pipeline end to end: meetings.xml -> each speaker's segments -> merged timelines -> labelled windows
// over each stream's recording -> splits by meeting -> noisy copies of monologue windows -> manifest rows.
// Nothing is decoded (recording lengths come from the headers), so a whole corpus takes seconds.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dataset/ami/corpus.h"
#include "dataset/ami/labeler.h"
#include "dataset/manifest.h"
#include "dataset/ami/split.h"

namespace sctx::ami {

using dataset::ManifestRow;

struct AmiDatasetOptions {
    CorpusLayout layout;
    std::vector<std::string> meetings;  ///< only these (empty: every meeting in meetings.xml)
    WindowingOptions windows;
    SplitRatios split;
    uint64_t seed = 1;
    std::string noise_dir;       ///< empty: no Noisy Environment rows
    double noisy_fraction = -1;  ///< see NoisyOptions::fraction
    double snr_db = 10;
    std::string manifest_dir;  ///< paths in rows are relative to it when inside it; empty: absolute
};

struct AmiDataset {
    std::vector<ManifestRow> rows;
    std::map<std::string, Split> meeting_splits;  ///< the meetings that gave windows
    /// Problems that lost data: a meeting whose annotations are missing or malformed, an unreadable recording,
    /// a requested meeting that meetings.xml does not list. Each names the meeting and the file.
    std::vector<std::string> errors;
    /// Things worth knowing that lost nothing the user has (a stream not downloaded, segments left out).
    std::vector<std::string> notes;
};

/// Throws sctx::Error (naming the file) only when nothing can be done: meetings.xml unreadable or malformed,
/// the noise folder unusable. Everything else becomes an error or a note and the other meetings go on.
AmiDataset build_ami_dataset(const AmiDatasetOptions& options);

}  // namespace sctx::ami
