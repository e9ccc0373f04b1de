#include "dataset/synth/fft.h"

#include <map>
#include <memory>

#include "util/error.h"

namespace sctx::synth {

size_t next_pow2(size_t n) {
    size_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

Fft::Fft(size_t n) : n_(n), fft_(n) {
    if (n < 2 || (n & (n - 1))) throw Error("FFT size must be a power of two");
}

const Fft& Fft::plan(size_t n) {
    thread_local std::map<size_t, std::unique_ptr<Fft>> plans;
    auto& p = plans[n];
    if (!p) p = std::make_unique<Fft>(n);
    return *p;
}

void Fft::run(std::vector<Complex>& a, bool inverse) const {
    if (a.size() != n_) throw Error("FFT input has the wrong size");
    thread_local std::vector<Complex> in;  // the core's transforms are out of place
    in.assign(a.begin(), a.end());
    if (inverse) {
        fft_.inverse(in.data(), a.data());
        const double scale = 1.0 / double(n_);
        for (auto& c : a) c *= scale;
    } else {
        fft_.forward(in.data(), a.data());
    }
}

std::vector<float> convolve(const std::vector<float>& x, const std::vector<float>& h) {
    if (x.empty() || h.empty()) return {};
    const size_t out_n = x.size() + h.size() - 1;
    const size_t n = next_pow2(out_n);
    // Both real signals in one complex transform: X = (A + conj(A_rev))/2, H = (A - conj(A_rev))/2i.
    std::vector<Complex> a(n);
    for (size_t i = 0; i < x.size(); ++i) a[i].real(x[i]);
    for (size_t i = 0; i < h.size(); ++i) a[i].imag(h[i]);
    const Fft& fft = Fft::plan(n);
    fft.forward(a);
    std::vector<Complex> y(n);
    for (size_t k = 0; k < n; ++k) {
        const Complex ak = a[k], bk = std::conj(a[(n - k) & (n - 1)]);
        const double xr = 0.5 * (ak.real() + bk.real()), xi = 0.5 * (ak.imag() + bk.imag());
        const double hr = 0.5 * (ak.imag() - bk.imag()), hi = -0.5 * (ak.real() - bk.real());
        y[k] = Complex(xr * hr - xi * hi, xr * hi + xi * hr);
    }
    fft.inverse(y);
    std::vector<float> out(out_n);
    for (size_t i = 0; i < out_n; ++i) out[i] = float(y[i].real());
    return out;
}

}  // namespace sctx::synth
