#include "util/stage_timer.h"

#include <time.h>

namespace sctx {

namespace {

std::array<std::atomic<int64_t>, size_t(Stage::count)> g_wall{};
std::array<std::atomic<int64_t>, size_t(Stage::count)> g_cpu{};

int64_t now_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

const char* stage_name(Stage s) {
    switch (s) {
        case Stage::decode: return "decode";
        case Stage::resample: return "resample";
        case Stage::features: return "features";
        case Stage::model: return "model";
        case Stage::output: return "output";
        case Stage::count: break;
    }
    return "?";
}

StageTotals stage_totals() {
    StageTotals t;
    for (size_t i = 0; i < size_t(Stage::count); ++i) {
        t.wall_s[i] = double(g_wall[i].load(std::memory_order_relaxed)) * 1e-9;
        t.cpu_s[i] = double(g_cpu[i].load(std::memory_order_relaxed)) * 1e-9;
    }
    return t;
}

void reset_stage_totals() {
    for (size_t i = 0; i < size_t(Stage::count); ++i) {
        g_wall[i].store(0, std::memory_order_relaxed);
        g_cpu[i].store(0, std::memory_order_relaxed);
    }
}

void add_stage_time(Stage s, int64_t wall_ns, int64_t cpu_ns) {
    g_wall[size_t(s)].fetch_add(wall_ns, std::memory_order_relaxed);
    g_cpu[size_t(s)].fetch_add(cpu_ns, std::memory_order_relaxed);
}

StageTimer::StageTimer(Stage s) : stage_(s), wall0_(now_ns(CLOCK_MONOTONIC)), cpu0_(now_ns(CLOCK_THREAD_CPUTIME_ID)) {}

StageTimer::~StageTimer() {
    add_stage_time(stage_, now_ns(CLOCK_MONOTONIC) - wall0_, now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu0_);
}

}  // namespace sctx
