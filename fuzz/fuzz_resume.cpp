// Arbitrary bytes as the JSONL journal that `classify --resume` (and the app's resume) reads back: files that users
// edited and crashes tore. The reader must keep what is sound, drop the rest, and fail only with sctx::Error.
// Also every line through result_from_json, which merge calls on each line of its inputs.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "classify/result_json.h"
#include "classify/resume.h"
#include "util/error.h"

namespace {

const std::vector<std::string>& names() {
    static const std::vector<std::string> n = {"Alone / Quiet", "Speech / Monologue", "One-on-One Conversation",
                                               "Group Discussion", "Noisy Environment"};
    return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    size_t from = 0;
    while (from <= text.size()) {
        size_t end = text.find('\n', from);
        if (end == std::string::npos) end = text.size();
        try {
            const sctx::FileResult r = sctx::result_from_json(text.substr(from, end - from), names());
            if (r.ok && r.probabilities.size() > names().size()) std::abort();
        } catch (const sctx::Error&) {}
        from = end + 1;
    }
    // The journal is a real file (prepare_resume rewrites it in place when it drops records).
    static const std::string path = "/tmp/socialctx-fuzz-resume-" + std::to_string(::getpid()) + ".jsonl";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
        try {
            std::vector<sctx::FileResult> kept;
            const sctx::ResumeState s = sctx::prepare_resume(path, names(), &kept);
            if (kept.size() != s.kept || s.done.size() != s.kept) std::abort();
        } catch (const sctx::Error&) {}
        std::remove(path.c_str());
    }
    return 0;
}
