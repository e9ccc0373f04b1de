#pragma once
// Where an AMI download keeps what the pipeline reads. The NXT annotations (ami_public_manual_*.zip) unpack to
// corpusResources/meetings.xml and segments/<meeting>.<agent>.segments.xml; the audio download script writes
// amicorpus/<meeting>/audio/<meeting>.Mix-Headset.wav (all headsets mixed: "IHM") and
// <meeting>.Array1-01.wav (first microphone of the first array: "SDM", single distant microphone).
#include <string>

namespace sctx::ami {

enum class Stream { Ihm, Sdm };
constexpr Stream kStreams[] = {Stream::Ihm, Stream::Sdm};
const char* stream_name(Stream stream);  ///< "ihm", "sdm" (the manifest's stream column)

struct CorpusLayout {
    std::string annotations_dir;  ///< holds corpusResources/ and segments/
    std::string audio_dir;        ///< holds <meeting>/audio/

    /// The usual layout: annotations unpacked into root, audio in root/amicorpus.
    static CorpusLayout from_root(const std::string& root);

    std::string meetings_xml() const;
    std::string segments_xml(const std::string& meeting, const std::string& agent) const;
    std::string audio_file(const std::string& meeting, Stream stream) const;
};

/// Length of a recording in seconds from its header (nothing is decoded). Throws sctx::Error with the reason.
double recording_seconds(const std::string& path);

}  // namespace sctx::ami
