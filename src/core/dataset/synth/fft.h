#pragma once
// The dataset generator's FFT for its own signal work (room convolution, noise colouring, the codec-like
// spectral quantiser): in-place transforms on vectors, with the inverse scaled by 1/n, over the core's complex
// FFT (features/real_fft.h: FFTW or KissFFT, whichever the build uses). Power-of-two sizes only.
#include <complex>
#include <cstddef>
#include <vector>

#include "features/real_fft.h"

namespace sctx::synth {

using Complex = std::complex<double>;

class Fft {
public:
    explicit Fft(size_t n);  ///< n a power of two
    size_t size() const { return n_; }
    void forward(std::vector<Complex>& data) const { run(data, false); }
    /// Inverse including the 1/n scale.
    void inverse(std::vector<Complex>& data) const { run(data, true); }

    /// A shared plan per size for the calling thread (twiddles are built once).
    static const Fft& plan(size_t n);

private:
    void run(std::vector<Complex>& data, bool inverse) const;
    size_t n_;
    ComplexFft fft_;
};

size_t next_pow2(size_t n);

/// Full linear convolution (x.size() + h.size() - 1 samples), by FFT.
std::vector<float> convolve(const std::vector<float>& x, const std::vector<float>& h);

}  // namespace sctx::synth
