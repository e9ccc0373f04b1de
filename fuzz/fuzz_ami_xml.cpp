// Arbitrary bytes as the AMI corpus's XML: a speaker's segments file (segments/*.segments.xml) and the meetings
// list (corpusResources/meetings.xml), read with pugixml by `socialctx dataset ami`. Every failure must be an
// sctx::Error naming the file; what is read must be self-consistent.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "dataset/ami/meetings.h"
#include "dataset/ami/segments.h"
#include "util/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/socialctx-fuzz-ami-" + std::to_string(::getpid()) + ".xml";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        const sctx::ami::AmiSegments segs = sctx::ami::read_ami_segments(path);
        for (const auto& s : segs.segments)
            if (!(s.start >= 0) || !(s.end >= s.start) || !std::isfinite(s.end)) std::abort();
    } catch (const sctx::Error&) {}
    try {
        const auto meetings = sctx::ami::read_ami_meetings(path);
        for (const auto& m : meetings)
            if (m.id.empty()) std::abort();
    } catch (const sctx::Error&) {}
    std::remove(path.c_str());
    return 0;
}
