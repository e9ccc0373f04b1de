#include "dataset/ami/corpus.h"

#include "audio/audio_decoder.h"
#include "util/error.h"

namespace sctx::ami {

namespace {

std::string join(const std::string& dir, const std::string& name) {
    if (dir.empty()) return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
}

}  // namespace

const char* stream_name(Stream stream) { return stream == Stream::Ihm ? "ihm" : "sdm"; }

CorpusLayout CorpusLayout::from_root(const std::string& root) { return {root, join(root, "amicorpus")}; }

std::string CorpusLayout::meetings_xml() const { return join(annotations_dir, "corpusResources/meetings.xml"); }

std::string CorpusLayout::segments_xml(const std::string& meeting, const std::string& agent) const {
    return join(annotations_dir, "segments/" + meeting + "." + agent + ".segments.xml");
}

std::string CorpusLayout::audio_file(const std::string& meeting, Stream stream) const {
    const char* suffix = stream == Stream::Ihm ? ".Mix-Headset.wav" : ".Array1-01.wav";
    return join(audio_dir, meeting + "/audio/" + meeting + suffix);
}

double recording_seconds(const std::string& path) {
    const auto decoder = open_audio_file(path);
    const double seconds = decoder->info().duration_s();
    if (seconds < 0) throw Error("the file does not say how long it is");
    return seconds;
}

}  // namespace sctx::ami
