// KissFFT back end (BSD licence; the build to ship where FFTW's GPL is unwanted). Debian's libkissfft library is
// built for float only; its C++ header kissfft.hh is a template, so we instantiate it for double (RealFft, to
// match numpy's float64 rfft) and for float (RealFftFloat). transform_real() packs n real samples as n/2 complex
// ones. For n = 1024 the plan uses only radix-4 and radix-2 butterflies, which touch no mutable scratch space, so
// forward() is thread-safe.
#include <kissfft/kissfft.hh>

#include <vector>

#include "features/real_fft.h"
#include "util/error.h"

namespace sctx {

namespace {
void check_even(size_t n) {
    if (n < 2 || n % 2 != 0) throw Error("KissFFT real transform needs an even size, not " + std::to_string(n));
}

// transform_real writes n/2 bins with DC in real(out[0]) and Nyquist in imag(out[0]).
template <typename T>
void unpack_nyquist(std::complex<T>* out, size_t n) {
    const T nyquist = out[0].imag();
    out[0] = {out[0].real(), T(0)};
    out[n / 2] = {nyquist, T(0)};
}
}  // namespace

struct RealFft::Impl {
    explicit Impl(size_t n) : half(n / 2, false) {}
    kissfft<double> half;
};

RealFft::RealFft(size_t n) : n_(n) {
    check_even(n);
    impl_ = std::make_unique<Impl>(n);
}

RealFft::~RealFft() = default;

void RealFft::forward(const double* in, std::complex<double>* out) const {
    impl_->half.transform_real(in, out);
    unpack_nyquist(out, n_);
}

const char* RealFft::backend_name() { return "kissfft"; }

struct RealFftFloat::Impl {
    explicit Impl(size_t n) : half(n / 2, false) {}
    kissfft<float> half;
};

RealFftFloat::RealFftFloat(size_t n) : n_(n) {
    check_even(n);
    impl_ = std::make_unique<Impl>(n);
}

RealFftFloat::~RealFftFloat() = default;

void RealFftFloat::forward(const float* in, std::complex<float>* out) const {
    impl_->half.transform_real(in, out);
    unpack_nyquist(out, n_);
}

}  // namespace sctx
