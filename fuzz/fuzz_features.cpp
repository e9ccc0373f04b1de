// Arbitrary bytes as float samples (NaN, Inf, denormals, huge values included) through the log-mel front end
// and power_to_db, with the shipped parameters or with parameters from the input (layout: features_input.h).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "features/log_mel.h"
#include "features_input.h"
#include "util/error.h"

namespace {

// With the shipped parameters (ref = max, top_db = 80) every value lies in [-80, 0] dB whenever the input is
// finite and small enough that its power fits a float (|x| up to ~1e15 with a 1024-point frame).
void check_shipped(const std::vector<float>& samples) {
    static const sctx::LogMelSpectrogram mel{sctx::MelParams{}};
    const std::vector<float> out = mel.compute(samples);
    if (out.size() != size_t(mel.params().n_mels) * mel.frames_for(samples.size())) std::abort();
    const bool moderate = std::all_of(samples.begin(), samples.end(), [](float x) { return std::fabs(x) < 1e12f; });
    if (!moderate) return;
    for (float v : out)
        if (!(v >= -80.001f && v <= 0.001f)) std::abort();
}

void check_params(const sctx::MelParams& p, const std::vector<float>& samples) {
    // Bound the work (frames x FFT size), not the values.
    const size_t frames = 1 + samples.size() / size_t(std::max(1, p.hop_length));
    if (frames * size_t(std::max(1, p.n_fft)) > (size_t(1) << 22)) return;
    try {
        const sctx::LogMelSpectrogram mel(p);
        const std::vector<float> out = mel.compute(samples);
        if (out.size() != size_t(p.n_mels) * frames) std::abort();
    } catch (const sctx::Error&) {}
    std::vector<float> values = samples;
    sctx::power_to_db(values.data(), values.size(), p.amin, p.top_db, p.ref);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto in = sctx::fuzz::parse_features_input(data, size);
    if (!in) return 0;
    if (in->shipped_params)
        check_shipped(in->samples);
    else
        check_params(in->params, in->samples);
    return 0;
}
