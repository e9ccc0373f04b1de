#pragma once
// Wall and CPU seconds spent in each stage of classification, summed over a run and over all threads.
// Always on: two clock reads per block of work (a window, a forward pass, a decoded block) cost well under 1 µs,
// nothing beside the work they measure. `socialctx classify --timings` prints the totals.
#include <array>
#include <atomic>
#include <cstdint>
#include <string>

namespace sctx {

enum class Stage { decode, resample, features, model, output, count };

const char* stage_name(Stage s);

struct StageTotals {
    std::array<double, size_t(Stage::count)> wall_s{};
    std::array<double, size_t(Stage::count)> cpu_s{};
};

/// Process-wide accumulators (relaxed atomics: only totals are read, after the run).
StageTotals stage_totals();
void reset_stage_totals();
void add_stage_time(Stage s, int64_t wall_ns, int64_t cpu_ns);

/// Adds the wall time and this thread's CPU time of its own lifetime to a stage.
class StageTimer {
public:
    explicit StageTimer(Stage s);
    ~StageTimer();
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

private:
    Stage stage_;
    int64_t wall0_, cpu0_;
};

}  // namespace sctx
