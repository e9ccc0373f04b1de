#include "audio/resampler.h"

#include <soxr.h>

#include <cmath>

#include "util/error.h"

namespace sctx {

Resampler::Resampler(double in_rate, double out_rate) : in_rate_(in_rate), out_rate_(out_rate) {
    soxr_error_t err = nullptr;
    soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
    soxr_ = soxr_create(in_rate, out_rate, 1, &err, &io, &quality, nullptr);
    if (err || !soxr_) throw Error(std::string("cannot create resampler: ") + (err ? err : "unknown error"));
}

Resampler::~Resampler() { soxr_delete(soxr_); }

void Resampler::run(const float* in, size_t n, std::vector<float>& out) {
    size_t consumed = 0;
    for (;;) {
        size_t room = size_t(std::ceil(double(n - consumed) * ratio())) + 256;
        size_t start = out.size();
        out.resize(start + room);
        size_t idone = 0, odone = 0;
        soxr_error_t err = soxr_process(soxr_, in ? in + consumed : nullptr, in ? n - consumed : 0, &idone,
                                        out.data() + start, room, &odone);
        if (err) throw Error(std::string("resampling failed: ") + err);
        out.resize(start + odone);
        consumed += idone;
        // Done when all input is taken and the output buffer was not the limit (at the end: nothing more came).
        if (consumed >= n && odone < room) break;
    }
}

void Resampler::process(const float* in, size_t n, std::vector<float>& out) {
    if (n > 0) run(in, n, out);
}

void Resampler::finish(std::vector<float>& out) { run(nullptr, 0, out); }

std::vector<float> resample(const std::vector<float>& in, double in_rate, double out_rate) {
    if (in_rate == out_rate) return in;
    Resampler r(in_rate, out_rate);
    std::vector<float> out;
    out.reserve(size_t(std::ceil(double(in.size()) * out_rate / in_rate)) + 16);
    r.process(in.data(), in.size(), out);
    r.finish(out);
    // librosa.resample(fix=True) trims or zero-pads to ceil(n * ratio).
    out.resize(size_t(std::ceil(double(in.size()) * out_rate / in_rate)), 0.f);
    return out;
}

}  // namespace sctx
