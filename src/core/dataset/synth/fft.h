#pragma once
// A small complex FFT for the dataset generator's own signal work: room convolution, noise colouring and the
// codec-like spectral quantiser. Not the feature FFT (features/real_fft.h is forward-only and librosa-exact);
// this one needs an inverse and is only ever fed power-of-two sizes.
#include <complex>
#include <cstddef>
#include <vector>

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
    std::vector<Complex> twiddle_;
    std::vector<size_t> bitrev_;
};

size_t next_pow2(size_t n);

/// Full linear convolution (x.size() + h.size() - 1 samples), by FFT.
std::vector<float> convolve(const std::vector<float>& x, const std::vector<float>& h);

}  // namespace sctx::synth
