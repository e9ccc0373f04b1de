#include "dataset/synth/level.h"

#include <algorithm>
#include <cmath>

namespace sctx::synth {

double db_to_gain(double db) { return std::pow(10.0, db / 20.0); }
double gain_to_db(double gain) { return 20.0 * std::log10(std::max(gain, 1e-12)); }

double rms(const std::vector<float>& x, size_t begin, size_t end) {
    end = std::min(end, x.size());
    if (begin >= end) return 0;
    double s = 0;
    for (size_t i = begin; i < end; ++i) s += double(x[i]) * x[i];
    return std::sqrt(s / double(end - begin));
}

double peak(const std::vector<float>& x) {
    float p = 0;
    for (float v : x) p = std::max(p, std::fabs(v));
    return p;
}

std::vector<double> frame_rms(const std::vector<float>& x) {
    std::vector<double> out;
    for (size_t i = 0; i + kFrame <= x.size(); i += kFrame) out.push_back(rms(x, i, i + kFrame));
    return out;
}

double active_rms(const std::vector<float>& x, double range_db) {
    const auto frames = frame_rms(x);
    double loudest = 0;
    for (double f : frames) loudest = std::max(loudest, f);
    if (loudest <= 0) return 0;
    const double floor = loudest * db_to_gain(-range_db);
    double s = 0;
    size_t n = 0;
    for (double f : frames)
        if (f >= floor) {
            s += f * f;
            ++n;
        }
    return n ? std::sqrt(s / double(n)) : 0;
}

double active_seconds(const std::vector<float>& x, double floor, size_t begin, size_t end) {
    end = std::min(end, x.size());
    size_t frames = 0;
    for (size_t i = begin; i + kFrame <= end; i += kFrame)
        if (rms(x, i, i + kFrame) >= floor) ++frames;
    return double(frames * kFrame) / kRate;
}

void scale(std::vector<float>& x, double gain) {
    for (float& v : x) v = float(v * gain);
}

void mix_into(std::vector<float>& dst, const std::vector<float>& src, long offset, double gain) {
    for (size_t i = 0; i < src.size(); ++i) {
        const long j = offset + long(i);
        if (j < 0) continue;
        if (size_t(j) >= dst.size()) break;
        dst[size_t(j)] += float(src[i] * gain);
    }
}

void fade_edges(std::vector<float>& x, size_t samples) {
    const size_t n = std::min(samples, x.size() / 2);
    for (size_t i = 0; i < n; ++i) {
        const float g = float(i) / float(n);
        x[i] *= g;
        x[x.size() - 1 - i] *= g;
    }
}

}  // namespace sctx::synth
