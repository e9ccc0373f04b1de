#pragma once
// segments/<meeting>.<agent>.segments.xml: when one speaker talks. Each
// <segment nite:id="..." transcriber_start="5.52" transcriber_end="6.33" ...> is one stretch of speech as the
// transcribers marked it (seconds from the start of the meeting's recordings); its word children are not needed.
#include <string>
#include <vector>

#include "dataset/ami/timeline.h"

namespace sctx::ami {

struct AmiSegments {
    std::vector<Interval> segments;  ///< in file order, as written (end > start)
    size_t empty = 0;                ///< segments with end == start (they carry no speech)
    size_t reversed = 0;             ///< segments with end < start (left out; reported by the caller)
};

/// Throws sctx::Error with the reason (the caller adds the file name): unreadable or malformed XML, a segment
/// without transcriber_start/transcriber_end, or a time that is not a non-negative number (with its line).
/// A file with no segments is valid: that speaker says nothing.
AmiSegments read_ami_segments(const std::string& path);

}  // namespace sctx::ami
