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

Fft::Fft(size_t n) : n_(n), twiddle_(n / 2), bitrev_(n) {
    if (n < 2 || (n & (n - 1))) throw Error("FFT size must be a power of two");
    for (size_t k = 0; k < n / 2; ++k) twiddle_[k] = std::polar(1.0, -6.283185307179586 * double(k) / double(n));
    size_t bits = 0;
    while ((size_t(1) << bits) < n) ++bits;
    for (size_t i = 0; i < n; ++i) {
        size_t r = 0;
        for (size_t b = 0; b < bits; ++b)
            if (i & (size_t(1) << b)) r |= size_t(1) << (bits - 1 - b);
        bitrev_[i] = r;
    }
}

const Fft& Fft::plan(size_t n) {
    thread_local std::map<size_t, std::unique_ptr<Fft>> plans;
    auto& p = plans[n];
    if (!p) p = std::make_unique<Fft>(n);
    return *p;
}

void Fft::run(std::vector<Complex>& a, bool inverse) const {
    if (a.size() != n_) throw Error("FFT input has the wrong size");
    for (size_t i = 0; i < n_; ++i)
        if (i < bitrev_[i]) std::swap(a[i], a[bitrev_[i]]);
    // Butterflies on plain doubles: std::complex's operator* checks for NaN/Inf (a call to __muldc3), which
    // made the transform several times slower.
    double* d = reinterpret_cast<double*>(a.data());
    const double sign = inverse ? -1.0 : 1.0;
    for (size_t len = 2; len <= n_; len <<= 1) {
        const size_t half = len / 2, step = n_ / len;
        for (size_t start = 0; start < n_; start += len) {
            for (size_t k = 0; k < half; ++k) {
                const double wr = twiddle_[k * step].real(), wi = sign * twiddle_[k * step].imag();
                double* u = d + 2 * (start + k);
                double* v = d + 2 * (start + k + half);
                const double vr = v[0] * wr - v[1] * wi, vi = v[0] * wi + v[1] * wr;
                v[0] = u[0] - vr;
                v[1] = u[1] - vi;
                u[0] += vr;
                u[1] += vi;
            }
        }
    }
    if (inverse) {
        const double scale = 1.0 / double(n_);
        for (auto& c : a) c *= scale;
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
