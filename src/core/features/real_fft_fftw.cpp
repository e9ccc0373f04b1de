// FFTW3 back end. The planner is not thread-safe, so plans are made under a lock, once per object; execution
// uses the new-array interface (fftw_execute_dft_r2c), which is thread-safe. FFTW_ESTIMATE keeps start-up
// instant (no measuring), and the plan is reused for every frame.
// Double precision keeps FFTW_UNALIGNED (callers pass any buffer). Single precision, the hot path, has two
// plans: one made on aligned arrays, which may use SIMD codelets and runs when the caller's buffers are aligned
// the same way (the new-array rule), and an unaligned one for any other buffer.
#include <fftw3.h>

#include <mutex>
#include <vector>

#include "features/real_fft.h"
#include "util/error.h"

namespace sctx {

namespace {
std::mutex& planner_mutex() {
    static std::mutex m;
    return m;
}
}  // namespace

struct RealFft::Impl {
    fftw_plan plan = nullptr;
};

RealFft::RealFft(size_t n) : n_(n), impl_(std::make_unique<Impl>()) {
    std::vector<double> in(n);
    std::vector<fftw_complex> out(n / 2 + 1);
    std::lock_guard<std::mutex> lock(planner_mutex());
    impl_->plan =
        fftw_plan_dft_r2c_1d(int(n), in.data(), out.data(), FFTW_ESTIMATE | FFTW_UNALIGNED | FFTW_PRESERVE_INPUT);
    if (!impl_->plan) throw Error("FFTW could not plan an FFT of size " + std::to_string(n));
}

RealFft::~RealFft() {
    std::lock_guard<std::mutex> lock(planner_mutex());
    fftw_destroy_plan(impl_->plan);
}

void RealFft::forward(const double* in, std::complex<double>* out) const {
    fftw_execute_dft_r2c(impl_->plan, const_cast<double*>(in), reinterpret_cast<fftw_complex*>(out));
}

const char* RealFft::backend_name() { return "fftw"; }

struct RealFftFloat::Impl {
    fftwf_plan aligned = nullptr, unaligned = nullptr;
    int alignment = 0;  // fftwf_alignment_of() of the arrays the aligned plan was made on
};

RealFftFloat::RealFftFloat(size_t n) : n_(n), impl_(std::make_unique<Impl>()) {
    float* in = fftwf_alloc_real(n);
    fftwf_complex* out = fftwf_alloc_complex(n / 2 + 1);
    if (!in || !out) throw Error("out of memory planning an FFT of size " + std::to_string(n));
    {
        std::lock_guard<std::mutex> lock(planner_mutex());
        impl_->aligned = fftwf_plan_dft_r2c_1d(int(n), in, out, FFTW_ESTIMATE | FFTW_PRESERVE_INPUT);
        impl_->unaligned = fftwf_plan_dft_r2c_1d(int(n), in, out, FFTW_ESTIMATE | FFTW_UNALIGNED | FFTW_PRESERVE_INPUT);
    }
    impl_->alignment = fftwf_alignment_of(in);
    fftwf_free(in);
    fftwf_free(out);
    if (!impl_->aligned || !impl_->unaligned) throw Error("FFTW could not plan an FFT of size " + std::to_string(n));
}

RealFftFloat::~RealFftFloat() {
    std::lock_guard<std::mutex> lock(planner_mutex());
    fftwf_destroy_plan(impl_->aligned);
    fftwf_destroy_plan(impl_->unaligned);
}

struct ComplexFft::Impl {
    fftw_plan forward = nullptr, inverse = nullptr;
};

ComplexFft::ComplexFft(size_t n) : n_(n), impl_(std::make_unique<Impl>()) {
    std::vector<fftw_complex> in(n), out(n);
    std::lock_guard<std::mutex> lock(planner_mutex());
    const unsigned flags = FFTW_ESTIMATE | FFTW_UNALIGNED | FFTW_PRESERVE_INPUT;
    impl_->forward = fftw_plan_dft_1d(int(n), in.data(), out.data(), FFTW_FORWARD, flags);
    impl_->inverse = fftw_plan_dft_1d(int(n), in.data(), out.data(), FFTW_BACKWARD, flags);
    if (!impl_->forward || !impl_->inverse) throw Error("FFTW could not plan an FFT of size " + std::to_string(n));
}

ComplexFft::~ComplexFft() {
    std::lock_guard<std::mutex> lock(planner_mutex());
    fftw_destroy_plan(impl_->forward);
    fftw_destroy_plan(impl_->inverse);
}

void ComplexFft::forward(const std::complex<double>* in, std::complex<double>* out) const {
    fftw_execute_dft(impl_->forward, reinterpret_cast<fftw_complex*>(const_cast<std::complex<double>*>(in)),
                     reinterpret_cast<fftw_complex*>(out));
}

void ComplexFft::inverse(const std::complex<double>* in, std::complex<double>* out) const {
    fftw_execute_dft(impl_->inverse, reinterpret_cast<fftw_complex*>(const_cast<std::complex<double>*>(in)),
                     reinterpret_cast<fftw_complex*>(out));
}

void RealFftFloat::forward(const float* in, std::complex<float>* out) const {
    float* i = const_cast<float*>(in);
    auto* o = reinterpret_cast<fftwf_complex*>(out);
    const bool same = fftwf_alignment_of(i) == impl_->alignment &&
                      fftwf_alignment_of(reinterpret_cast<float*>(o)) == impl_->alignment;
    fftwf_execute_dft_r2c(same ? impl_->aligned : impl_->unaligned, i, o);
}

}  // namespace sctx
