#include "audio/audio_decoder.h"

#include <cerrno>
#include <cstring>

#include "platform/file_info.h"
#include "util/error.h"

namespace sctx {

void validate_audio_info(const AudioInfo& info) {
    if (info.channels < 1 || info.channels > kMaxChannels)
        throw Error("header claims " + std::to_string(info.channels) + " channels (supported: 1 to " +
                    std::to_string(kMaxChannels) + ")");
    if (info.sample_rate < kMinSampleRate || info.sample_rate > kMaxSampleRate)
        throw Error("header claims a sample rate of " + std::to_string(info.sample_rate) + " Hz (supported: " +
                    std::to_string(kMinSampleRate) + " to " + std::to_string(kMaxSampleRate) + " Hz)");
}

namespace {
// libsndfile's reason is the useful one for WAV-family files; FFmpeg's for the rest.
template <typename OpenSndfile, typename OpenFfmpeg>
std::unique_ptr<AudioDecoder> open_either(OpenSndfile sndfile, OpenFfmpeg ffmpeg) {
    std::string sndfile_reason;
    try {
        return sndfile();
    } catch (const Error& e) {
        sndfile_reason = e.what();
        // libsndfile's MP3 reader reports a failed MPEG sync as a missing file; the file is there (checked first).
        if (sndfile_reason.find("does not exist or is not a regular file") != std::string::npos)
            sndfile_reason = "no valid MPEG audio frames";
        if (!sndfile_reason.empty() && sndfile_reason.back() == '.') sndfile_reason.pop_back();
        // A header libsndfile understood but found hostile (65,535 channels, 0 Hz, more data than the file) is final.
        if (sndfile_reason.rfind("header claims", 0) == 0 || sndfile_reason.rfind("truncated file", 0) == 0) throw;
    }
    try {
        return ffmpeg();
    } catch (const Error& e) {
        throw Error("not a readable audio file (libsndfile: " + sndfile_reason + "; ffmpeg: " + e.what() + ")");
    }
}
}  // namespace

std::unique_ptr<AudioDecoder> open_audio_file(const std::string& path) {
    // The plain file-system reasons first: they are clearer than what a decoder makes of them.
    const platform::FileInfo info = platform::file_info(path);
    if (!info.exists()) throw Error(std::string("cannot open: ") + std::strerror(info.error));
    if (info.is_directory()) throw Error("is a folder, not an audio file");
    if (!info.is_regular()) throw Error("not a regular file");
    if (info.size == 0) throw Error("empty file (0 bytes)");
    int error = 0;
    if (!platform::is_readable(path, &error)) throw Error(std::string("cannot read: ") + std::strerror(error));
    return open_either([&] { return open_with_sndfile(path); }, [&] { return open_with_ffmpeg(path); });
}

std::unique_ptr<AudioDecoder> open_audio_memory(const uint8_t* data, size_t size) {
    return open_either([&] { return open_with_sndfile_memory(data, size); },
                       [&] { return open_with_ffmpeg_memory(data, size); });
}

}  // namespace sctx
