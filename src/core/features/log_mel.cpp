#include "features/log_mel.h"

#include <algorithm>
#include <cmath>
#include <complex>

#include "features/real_fft.h"
#include "util/error.h"

namespace sctx {

DbReference parse_db_reference(const std::string& s) {
    if (s == "max") return DbReference::Max;
    if (s == "one" || s == "1" || s == "1.0") return DbReference::One;
    throw Error("unknown dB reference '" + s + "' (expected \"max\" or \"1.0\")");
}

std::string to_string(DbReference ref) { return ref == DbReference::Max ? "max" : "1.0"; }

namespace {
// Checked before any member is built: the filter bank and the window size their buffers from these numbers.
const MelParams& checked(const MelParams& params) {
    if (params.n_fft < 16 || params.hop_length < 1 || params.n_mels < 1 || params.sample_rate < 1)
        throw Error("invalid spectrogram parameters");
    return params;
}
}  // namespace

LogMelSpectrogram::LogMelSpectrogram(const MelParams& params)
    : params_(checked(params)),
      filterbank_(params.sample_rate, params.n_fft, params.n_mels, params.fmin, params.fmax),
      window_(size_t(params.n_fft)),
      fft_(std::make_unique<RealFft>(size_t(params.n_fft))) {
    // scipy.signal.get_window("hann", n_fft, fftbins=True): the periodic Hann window.
    const double pi = std::acos(-1.0);
    for (int i = 0; i < params.n_fft; ++i) window_[size_t(i)] = 0.5 - 0.5 * std::cos(2.0 * pi * i / params.n_fft);
}

LogMelSpectrogram::~LogMelSpectrogram() = default;

void LogMelSpectrogram::power_spectrum_frames(const float* samples, size_t n, std::vector<double>& mel) const {
    const size_t n_fft = size_t(params_.n_fft), hop = size_t(params_.hop_length), half = n_fft / 2;
    const size_t frames = frames_for(n), bins = n_fft / 2 + 1, n_mels = size_t(params_.n_mels);
    std::vector<double> frame(n_fft);
    std::vector<std::complex<double>> spectrum(bins);
    std::vector<double> power(bins), bands(n_mels);
    mel.assign(n_mels * frames, 0.0);
    for (size_t t = 0; t < frames; ++t) {
        // center=True with pad_mode="constant": frame t covers y[t*hop - n_fft/2, t*hop + n_fft/2) with zeros
        // outside the signal.
        const long start = long(t * hop) - long(half);
        for (size_t i = 0; i < n_fft; ++i) {
            const long j = start + long(i);
            const double x = (j >= 0 && size_t(j) < n) ? double(samples[j]) : 0.0;
            frame[i] = x * window_[i];
        }
        fft_->forward(frame.data(), spectrum.data());
        for (size_t k = 0; k < bins; ++k) power[k] = std::norm(spectrum[k]);
        filterbank_.apply(power.data(), bands.data());
        for (size_t m = 0; m < n_mels; ++m) mel[m * frames + t] = bands[m];
    }
}

void LogMelSpectrogram::mel_power(const float* samples, size_t n, float* out) const {
    std::vector<double> mel;
    power_spectrum_frames(samples, n, mel);
    std::transform(mel.begin(), mel.end(), out, [](double v) { return float(v); });
}

void LogMelSpectrogram::compute(const float* samples, size_t n, float* out) const {
    mel_power(samples, n, out);
    power_to_db(out, size_t(params_.n_mels) * frames_for(n), params_.amin, params_.top_db, params_.ref);
}

std::vector<float> LogMelSpectrogram::compute(const std::vector<float>& samples) const {
    std::vector<float> out(size_t(params_.n_mels) * frames_for(samples.size()));
    compute(samples.data(), samples.size(), out.data());
    return out;
}

void power_to_db(float* values, size_t count, double amin, double top_db, DbReference ref) {
    if (count == 0) return;
    double ref_value = 1.0;
    if (ref == DbReference::Max) ref_value = *std::max_element(values, values + count);
    const double offset = 10.0 * std::log10(std::max(amin, ref_value));
    double peak = -1e300;
    for (size_t i = 0; i < count; ++i) {
        const double db = 10.0 * std::log10(std::max(amin, double(values[i]))) - offset;
        values[i] = float(db);
        peak = std::max(peak, db);
    }
    if (top_db > 0) {
        const float floor_db = float(peak - top_db);
        for (size_t i = 0; i < count; ++i) values[i] = std::max(values[i], floor_db);
    }
}

}  // namespace sctx
