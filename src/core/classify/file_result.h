#pragma once
// What the program says about one input file: the record every writer, the resume reader and the GUI share.
#include <cstdint>
#include <string>
#include <vector>

namespace sctx {

struct Segment {
    double start_s = 0, end_s = 0;
    int label_index = -1;
    float confidence = 0;
    std::vector<float> probabilities;  ///< one per class, model order
};

struct FileResult {
    std::string file;  ///< path as given or found (raw bytes; may be invalid UTF-8)
    bool ok = false;
    std::string error;      ///< reason, when !ok
    double duration_s = 0;  ///< decoded length in seconds
    int label_index = -1;
    float confidence = 0;
    std::vector<float> probabilities;  ///< mean over windows
    std::vector<float> class_share;    ///< share of the recording's time given to each class
    std::vector<Segment> segments;     ///< per window (only when asked for)
    int windows = 0;
    int64_t size = -1;  ///< bytes, when the file could be stat'ed
    double mtime = 0;   ///< modification time, seconds since the epoch
    int source_rate = 0;
    int source_channels = 0;
    std::string source_format;
};

}  // namespace sctx
