#pragma once
// The log-mel spectrogram of the original pipeline, computed as librosa 0.10/0.11 does:
//   S = librosa.feature.melspectrogram(y=y, sr=16000, n_fft=1024, hop_length=256, n_mels=128)
//   L = librosa.power_to_db(S, ref=np.max, amin=1e-10, top_db=80.0)
// with librosa's defaults (librosa/core/spectrum.py, feature/spectral.py, filters.py):
//   stft: win_length=n_fft, window="hann" (scipy get_window, fftbins=True: periodic), center=True,
//         pad_mode="constant" (zeros, n_fft//2 on each side); frames = 1 + len(y) // hop_length
//   power=2.0 (|X|^2), mel filters: fmin=0.0, fmax=sr/2, htk=False (Slaney scale), norm="slaney"
//   power_to_db: 10*log10(max(amin, S)) - 10*log10(max(amin, ref)), then floored at (max - top_db)
// The dB reference is a parameter because the original used ref=np.max per 3 s window, while librosa's own
// default is ref=1.0: a model records which one it was trained with in its embedded config.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "features/mel_filterbank.h"

namespace sctx {

class RealFftFloat;

enum class DbReference { Max, One };

DbReference parse_db_reference(const std::string& s);  ///< "max" or "1.0"/"one"; throws sctx::Error
std::string to_string(DbReference ref);

struct MelParams {
    int sample_rate = 16000;  ///< Hz
    int n_fft = 1024;         ///< samples per frame (64 ms at 16 kHz)
    int hop_length = 256;     ///< samples between frames (16 ms)
    int n_mels = 128;         ///< mel bands
    double fmin = 0.0;        ///< Hz
    double fmax = -1.0;       ///< Hz; <= 0 means sample_rate / 2
    double amin = 1e-10;      ///< power floor before the log
    double top_db = 80.0;     ///< dynamic range kept below the maximum; <= 0 disables the floor
    DbReference ref = DbReference::Max;
};

class LogMelSpectrogram {
public:
    explicit LogMelSpectrogram(const MelParams& params);
    ~LogMelSpectrogram();

    const MelParams& params() const { return params_; }
    const MelFilterbank& filterbank() const { return filterbank_; }
    /// librosa's frame count for centred frames: 1 + n // hop_length.
    size_t frames_for(size_t n_samples) const { return 1 + n_samples / size_t(params_.hop_length); }

    /// Power mel spectrogram, n_mels x frames, row-major (librosa's (n_mels, t) layout).
    void mel_power(const float* samples, size_t n, float* out) const;
    /// Log-mel in dB, n_mels x frames_for(n), row-major. Thread-safe.
    void compute(const float* samples, size_t n, float* out) const;
    std::vector<float> compute(const std::vector<float>& samples) const;

private:
    MelParams params_;
    MelFilterbank filterbank_;
    std::vector<float> window_;
    std::unique_ptr<RealFftFloat> fft_;
};

/// power_to_db in place over a whole matrix.
void power_to_db(float* values, size_t count, double amin, double top_db, DbReference ref);

}  // namespace sctx
