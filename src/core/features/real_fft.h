#pragma once
// Forward real FFTs of one fixed size. The back end is chosen at build time: FFTW3 (default) or KissFFT
// (SOCIALCTX_FFT=kissfft). Set-up happens once in the constructor; forward() is const and safe to call from
// many threads at once.
//   RealFft       double precision, as numpy.fft.rfft (float64): the reference the parity tests start from.
//   RealFftFloat  single precision: what the log-mel spectrogram uses. Twice the SIMD width and half the
//                 memory traffic; the log-mel parity tests show it stays within 0.01 dB of librosa.
//   ComplexFft    double precision complex transforms, forward and inverse: the dataset synthesizer's room
//                 convolution, noise colouring and codec-like quantiser.
#include <complex>
#include <cstddef>
#include <memory>

namespace sctx {

class RealFft {
public:
    explicit RealFft(size_t n);
    ~RealFft();
    RealFft(const RealFft&) = delete;
    RealFft& operator=(const RealFft&) = delete;

    size_t size() const { return n_; }
    /// in: n samples; out: n/2 + 1 bins.
    void forward(const double* in, std::complex<double>* out) const;

    /// "fftw" or "kissfft".
    static const char* backend_name();

private:
    struct Impl;
    size_t n_;
    std::unique_ptr<Impl> impl_;
};

class RealFftFloat {
public:
    explicit RealFftFloat(size_t n);
    ~RealFftFloat();
    RealFftFloat(const RealFftFloat&) = delete;
    RealFftFloat& operator=(const RealFftFloat&) = delete;

    size_t size() const { return n_; }
    /// in: n samples; out: n/2 + 1 bins. Any buffers work; buffers aligned to kAlignment take FFTW's SIMD path.
    void forward(const float* in, std::complex<float>* out) const;

    static constexpr size_t kAlignment = 64;

private:
    struct Impl;
    size_t n_;
    std::unique_ptr<Impl> impl_;
};

class ComplexFft {
public:
    explicit ComplexFft(size_t n);
    ~ComplexFft();
    ComplexFft(const ComplexFft&) = delete;
    ComplexFft& operator=(const ComplexFft&) = delete;

    size_t size() const { return n_; }
    /// in and out: n values each, distinct buffers. forward: X[k] = sum x[t] e^(-2 pi i k t / n). inverse: the
    /// opposite sign and no 1/n scale (as FFTW, KissFFT and n * numpy.fft.ifft), so inverse(forward(x)) = n x.
    void forward(const std::complex<double>* in, std::complex<double>* out) const;
    void inverse(const std::complex<double>* in, std::complex<double>* out) const;

private:
    struct Impl;
    size_t n_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sctx
