#pragma once
// Levels of signals: decibels, RMS, and the "active" level of speech (the loudness of the talking, not
// diluted by its pauses), which is what an SNR between speech and noise refers to here.
#include <cstddef>
#include <vector>

namespace sctx::synth {

constexpr int kRate = 16000;
constexpr size_t kFrame = 160;  ///< 10 ms at 16 kHz: the unit for activity decisions

double db_to_gain(double db);
double gain_to_db(double gain);
double rms(const std::vector<float>& x, size_t begin = 0, size_t end = size_t(-1));
double peak(const std::vector<float>& x);
/// RMS of each 10 ms frame.
std::vector<double> frame_rms(const std::vector<float>& x);
/// RMS over the frames within `range_db` of the loudest frame (0 for silence).
double active_rms(const std::vector<float>& x, double range_db = 35);
/// Seconds of frames above `floor` (an absolute RMS), counting only [begin, end) samples.
double active_seconds(const std::vector<float>& x, double floor, size_t begin, size_t end);
void scale(std::vector<float>& x, double gain);
/// Adds src * gain into dst starting at dst[offset] (clipped to dst's length; offset may be negative).
void mix_into(std::vector<float>& dst, const std::vector<float>& src, long offset, double gain = 1.0);
/// Linear fade-in and fade-out of `samples` each.
void fade_edges(std::vector<float>& x, size_t samples);

}  // namespace sctx::synth
