#pragma once
// Forward real FFT of one fixed size, in double precision (numpy.fft.rfft, which librosa uses, works in
// float64). The back end is chosen at build time: FFTW3 (default) or KissFFT (SOCIALCTX_FFT=kissfft).
// Set-up happens once in the constructor; forward() is const and safe to call from many threads at once.
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

}  // namespace sctx
