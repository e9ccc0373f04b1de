// KissFFT back end (BSD licence; the build to ship where FFTW's GPL is unwanted). Debian's libkissfft library is
// built for float only; its C++ header kissfft.hh is a template, so we instantiate it for double (RealFft, to
// match numpy's float64 rfft) and for float (RealFftFloat). transform_real() packs n real samples as n/2 complex
// ones. For n = 1024 the plan uses only radix-4 and radix-2 butterflies, which touch no mutable scratch space, so
// forward() is thread-safe.
#include <kissfft/kissfft.hh>

#include <mutex>
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

// Complex transforms: one kissfft object per direction. transform() reads only its own twiddles and, for sizes
// made of radix-2/3/4/5 factors, no scratch space, so it is thread-safe for those; other factors use a mutable
// scratch buffer, so those sizes get a lock.
struct ComplexFft::Impl {
    explicit Impl(size_t n) : forward(n, false), inverse(n, true) {
        size_t m = n;
        for (size_t f : {2, 3, 5})
            while (m % f == 0) m /= f;
        needs_lock = m != 1;
    }
    kissfft<double> forward, inverse;
    bool needs_lock;
    mutable std::mutex lock;
};

ComplexFft::ComplexFft(size_t n) : n_(n) {
    if (n < 1) throw Error("an FFT needs at least one value");
    impl_ = std::make_unique<Impl>(n);
}

ComplexFft::~ComplexFft() = default;

void ComplexFft::forward(const std::complex<double>* in, std::complex<double>* out) const {
    std::unique_lock<std::mutex> guard(impl_->lock, std::defer_lock);
    if (impl_->needs_lock) guard.lock();
    impl_->forward.transform(in, out);
}

void ComplexFft::inverse(const std::complex<double>* in, std::complex<double>* out) const {
    std::unique_lock<std::mutex> guard(impl_->lock, std::defer_lock);
    if (impl_->needs_lock) guard.lock();
    impl_->inverse.transform(in, out);
}

}  // namespace sctx
