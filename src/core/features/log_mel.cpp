#include "features/log_mel.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <limits>
#include <new>

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
      fft_(std::make_unique<RealFftFloat>(size_t(params.n_fft))) {
    // scipy.signal.get_window("hann", n_fft, fftbins=True): the periodic Hann window.
    const double pi = std::acos(-1.0);
    for (int i = 0; i < params.n_fft; ++i)
        window_[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * pi * i / params.n_fft));
}

LogMelSpectrogram::~LogMelSpectrogram() = default;

namespace {
// One frame's scratch, aligned so that FFTW takes the plan made on aligned arrays (its SIMD codelets).
struct FrameScratch {
    explicit FrameScratch(size_t n_fft)
        : frame(alloc(n_fft)),
          spectrum(reinterpret_cast<std::complex<float>*>(alloc(n_fft + 2))),
          power(alloc(n_fft / 2 + 1)) {}
    ~FrameScratch() {
        release(frame);
        release(spectrum);
        release(power);
    }
    FrameScratch(const FrameScratch&) = delete;
    FrameScratch& operator=(const FrameScratch&) = delete;

    // C++17's aligned operator new, not std::aligned_alloc: the Windows C runtimes have no aligned_alloc.
    static float* alloc(size_t count) {
        return static_cast<float*>(::operator new(count * sizeof(float), std::align_val_t(RealFftFloat::kAlignment)));
    }
    static void release(void* p) { ::operator delete(p, std::align_val_t(RealFftFloat::kAlignment)); }
    float* frame;
    std::complex<float>* spectrum;
    float* power;
};
}  // namespace

void LogMelSpectrogram::mel_power(const float* samples, size_t n, float* out) const {
    const size_t n_fft = size_t(params_.n_fft), hop = size_t(params_.hop_length), half = n_fft / 2;
    const size_t frames = frames_for(n), bins = n_fft / 2 + 1, n_mels = size_t(params_.n_mels);
    FrameScratch s(n_fft);
    std::vector<float> bands(n_mels);
    const float* window = window_.data();
    for (size_t t = 0; t < frames; ++t) {
        // center=True with pad_mode="constant": frame t covers y[t*hop - n_fft/2, t*hop + n_fft/2) with zeros
        // outside the signal. Frames inside the signal (all but a few at each end) need no bounds checks.
        const long start = long(t * hop) - long(half);
        if (start >= 0 && size_t(start) + n_fft <= n) {
            const float* y = samples + start;
            for (size_t i = 0; i < n_fft; ++i) s.frame[i] = y[i] * window[i];
        } else {
            for (size_t i = 0; i < n_fft; ++i) {
                const long j = start + long(i);
                s.frame[i] = (j >= 0 && size_t(j) < n) ? samples[j] * window[i] : 0.f;
            }
        }
        fft_->forward(s.frame, s.spectrum);
        for (size_t k = 0; k < bins; ++k) {
            const float re = s.spectrum[k].real(), im = s.spectrum[k].imag();
            s.power[k] = re * re + im * im;
        }
        filterbank_.apply(s.power, bands.data());
        for (size_t m = 0; m < n_mels; ++m) out[m * frames + t] = bands[m];
    }
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
    // In single precision: log10f is within an ulp, far below the 0.01 dB the parity tests allow, and the
    // values are float already.
    const float offset = float(10.0 * std::log10(std::max(amin, ref_value)));
    const float floor_value = float(amin);
    float peak = -std::numeric_limits<float>::infinity();
    for (size_t i = 0; i < count; ++i) {
        const float db = 10.f * std::log10(std::max(floor_value, values[i])) - offset;
        values[i] = db;
        peak = std::max(peak, db);
    }
    if (top_db > 0) {
        const float floor_db = float(double(peak) - top_db);
        for (size_t i = 0; i < count; ++i) values[i] = std::max(values[i], floor_db);
    }
}

}  // namespace sctx
