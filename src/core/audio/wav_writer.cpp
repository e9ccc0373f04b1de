#include "audio/wav_writer.h"

#include <sndfile.h>

#include "util/error.h"

namespace sctx {

void write_wav(const std::string& path, const float* samples, size_t n, int sample_rate, WavSample sample) {
    SF_INFO info{};
    info.samplerate = sample_rate;
    info.channels = 1;
    info.format = SF_FORMAT_WAV | (sample == WavSample::Pcm16 ? SF_FORMAT_PCM_16 : SF_FORMAT_FLOAT);
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!f) throw Error("cannot write " + path + ": " + sf_strerror(nullptr));
    // Clip rather than wrap around when a mix exceeds full scale.
    sf_command(f, SFC_SET_CLIPPING, nullptr, SF_TRUE);
    const sf_count_t written = sf_writef_float(f, samples, sf_count_t(n));
    const int rc = sf_close(f);
    if (written != sf_count_t(n) || rc != 0) throw Error("cannot write " + path + ": write failed");
}

}  // namespace sctx
