#include "train/window_audio.h"

#include <algorithm>
#include <cmath>

#include "audio/audio_stream.h"
#include "util/error.h"

namespace sctx::train {

namespace {

double rms(const float* x, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; ++i) s += double(x[i]) * x[i];
    return n ? std::sqrt(s / double(n)) : 0.0;
}

size_t to_samples(double seconds, int rate) { return size_t(std::llround(seconds * rate)); }

}  // namespace

void mix_at_snr(std::vector<float>& signal, const std::vector<float>& noise, double snr_db) {
    if (signal.empty() || noise.empty()) return;
    std::vector<float> n(signal.size());
    for (size_t i = 0; i < n.size(); ++i) n[i] = noise[i % noise.size()];
    const double rn = rms(n.data(), n.size());
    if (rn <= 0) return;
    const double rs = rms(signal.data(), signal.size());
    const double gain = rs > 0 ? rs / (rn * std::pow(10.0, snr_db / 20.0)) : 1.0;
    for (size_t i = 0; i < n.size(); ++i) signal[i] += float(gain * n[i]);
}

std::vector<float> cut_window(const std::vector<float>& source, const ManifestRow& row, int rate,
                              size_t window_samples) {
    const size_t start = to_samples(row.offset, rate);
    const size_t len = std::min(to_samples(row.duration, rate), window_samples);
    if (start >= source.size() && !source.empty())
        throw Error("offset " + std::to_string(row.offset) + " s is past the end of the audio (" +
                    std::to_string(double(source.size()) / rate) + " s)");
    std::vector<float> w(window_samples, 0.f);
    const size_t avail = start < source.size() ? std::min(len, source.size() - start) : 0;
    std::copy(source.begin() + long(start), source.begin() + long(start + avail), w.begin());
    return w;
}

void add_row_noise(std::vector<float>& window, const ManifestRow& row, int rate) {
    if (row.noise.empty()) return;
    const size_t start = to_samples(row.noise_offset, rate);
    std::vector<float> noise;
    try {
        noise = load_audio(row.noise, rate, start + window.size());
    } catch (const Error& e) {
        throw Error("noise " + row.noise + ": " + e.what());
    }
    if (start >= noise.size()) throw Error("noise_offset is past the end of " + row.noise);
    noise.erase(noise.begin(), noise.begin() + long(start));
    mix_at_snr(window, noise, row.snr_db);
}

}  // namespace sctx::train
