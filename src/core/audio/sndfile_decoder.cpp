// libsndfile back end: WAV family, FLAC, OGG/Vorbis/Opus, MP3 (via mpg123 in libsndfile >= 1.1).
#include <sndfile.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "audio/audio_decoder.h"
#include "util/error.h"

namespace sctx {
namespace {

std::string describe_format(int format) {
    SF_FORMAT_INFO major{}, sub{};
    major.format = format & SF_FORMAT_TYPEMASK;
    sub.format = format & SF_FORMAT_SUBMASK;
    std::string out;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &major, sizeof(major)) == 0 && major.name) out = major.name;
    if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &sub, sizeof(sub)) == 0 && sub.name)
        out += std::string(" / ") + sub.name;
    return out;
}

struct MemoryFile {
    const uint8_t* data = nullptr;
    sf_count_t size = 0;
    sf_count_t pos = 0;
};

sf_count_t mem_get_filelen(void* user) { return static_cast<MemoryFile*>(user)->size; }
sf_count_t mem_seek(sf_count_t offset, int whence, void* user) {
    auto* m = static_cast<MemoryFile*>(user);
    sf_count_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->size;
    sf_count_t next = base + offset;
    if (next < 0) return -1;
    m->pos = next;
    return m->pos;
}
sf_count_t mem_read(void* ptr, sf_count_t count, void* user) {
    auto* m = static_cast<MemoryFile*>(user);
    if (m->pos >= m->size || count <= 0) return 0;
    sf_count_t n = std::min(count, m->size - m->pos);
    std::memcpy(ptr, m->data + m->pos, size_t(n));
    m->pos += n;
    return n;
}
sf_count_t mem_write(const void*, sf_count_t, void*) { return 0; }
sf_count_t mem_tell(void* user) { return static_cast<MemoryFile*>(user)->pos; }

class SndfileDecoder final : public AudioDecoder {
public:
    SndfileDecoder(SNDFILE* file, const SF_INFO& sfinfo, std::unique_ptr<MemoryFile> memory)
        : file_(file), memory_(std::move(memory)) {
        info_.sample_rate = sfinfo.samplerate;
        info_.channels = sfinfo.channels;
        // SF_COUNT_MAX is libsndfile's "length unknown" (an MP3 whose length mpg123 cannot tell, a damaged header).
        info_.frames = sfinfo.frames == SF_COUNT_MAX ? -1 : sfinfo.frames;
        info_.format = describe_format(sfinfo.format);
        info_.decoder = "libsndfile";
        // Float WAVs are often not normalised to [-1, 1]; librosa (via soundfile) reads them as they are, so do we.
        sf_command(file_, SFC_SET_NORM_FLOAT, nullptr, SF_TRUE);
    }
    ~SndfileDecoder() override { sf_close(file_); }

    const AudioInfo& info() const override { return info_; }

    size_t read_mono(float* out, size_t max_frames) override {
        const size_t ch = size_t(info_.channels);
        if (ch == 1) return read_checked(out, max_frames);
        size_t block = std::min<size_t>(max_frames, 4096);
        interleaved_.resize(block * ch);
        size_t got = read_checked(interleaved_.data(), block);
        for (size_t i = 0; i < got; ++i) {
            float sum = 0.f;
            for (size_t c = 0; c < ch; ++c) sum += interleaved_[i * ch + c];
            out[i] = sum / float(ch);
        }
        return got;
    }

private:
    size_t read_checked(float* dst, size_t frames) {
        sf_count_t got = sf_readf_float(file_, dst, sf_count_t(frames));
        if (got < 0) throw Error(std::string("decoding failed: ") + sf_strerror(file_));
        if (got == 0 && sf_error(file_) != SF_ERR_NO_ERROR)
            throw Error(std::string("decoding failed: ") + sf_strerror(file_));
        return size_t(got);
    }

    SNDFILE* file_;
    std::unique_ptr<MemoryFile> memory_;
    AudioInfo info_;
    std::vector<float> interleaved_;
};

// libsndfile quietly reads what is there when a WAV header promises more data than the file holds (a half-copied
// file); its log says "data : <claimed> (should be <actual>)". A truncated recording is reported, not guessed at.
void check_not_truncated(SNDFILE* file, const SF_INFO& sfinfo) {
    char log[4096] = {};
    sf_command(file, SFC_GET_LOG_INFO, log, sizeof log);
    const char* line = std::strstr(log, "\ndata : ");
    if (!line) return;
    unsigned long long claimed = 0, actual = 0;
    if (std::sscanf(line, "\ndata : %llu (should be %llu)", &claimed, &actual) != 2) return;
    // 0 and 0xFFFFFFFF are what streaming recorders write before they know the length: not a truncation.
    if (claimed <= actual || claimed == 0xFFFFFFFFull || claimed == 0) return;
    const double bytes_per_second =
        double(sfinfo.samplerate) * sfinfo.channels *
        (actual > 0 && sfinfo.frames > 0 ? double(actual) / double(sfinfo.frames) / sfinfo.channels : 2.0);
    char msg[200];
    std::snprintf(msg, sizeof msg,
                  "truncated file: the header promises %.1f s of audio but only %.1f s are there (incomplete copy?)",
                  double(claimed) / bytes_per_second, double(actual) / bytes_per_second);
    throw Error(msg);
}

std::unique_ptr<AudioDecoder> finish_open(SNDFILE* file, SF_INFO& sfinfo, std::unique_ptr<MemoryFile> memory) {
    if (!file) throw Error(sf_strerror(nullptr));
    AudioInfo claimed;
    claimed.channels = sfinfo.channels;
    claimed.sample_rate = sfinfo.samplerate;
    try {
        validate_audio_info(claimed);
        check_not_truncated(file, sfinfo);
    } catch (...) {
        sf_close(file);
        throw;
    }
    return std::make_unique<SndfileDecoder>(file, sfinfo, std::move(memory));
}

}  // namespace

std::unique_ptr<AudioDecoder> open_with_sndfile(const std::string& path) {
    SF_INFO sfinfo{};
    SNDFILE* file = sf_open(path.c_str(), SFM_READ, &sfinfo);
    return finish_open(file, sfinfo, nullptr);
}

std::unique_ptr<AudioDecoder> open_with_sndfile_memory(const uint8_t* data, size_t size) {
    auto memory = std::make_unique<MemoryFile>();
    memory->data = data;
    memory->size = sf_count_t(size);
    static SF_VIRTUAL_IO io{mem_get_filelen, mem_seek, mem_read, mem_write, mem_tell};
    SF_INFO sfinfo{};
    SNDFILE* file = sf_open_virtual(&io, SFM_READ, &sfinfo, memory.get());
    return finish_open(file, sfinfo, std::move(memory));
}

}  // namespace sctx
