// FFTW3 back end. The planner is not thread-safe, so plans are made under a lock, once per RealFft; execution
// uses the new-array interface (fftw_execute_dft_r2c), which is thread-safe. FFTW_UNALIGNED lets callers pass
// any buffer, FFTW_ESTIMATE keeps start-up instant (no measuring), and the plan is reused for every frame.
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

}  // namespace sctx
