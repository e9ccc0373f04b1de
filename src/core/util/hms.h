#pragma once
// Recorded time as people read it in a summary: "1:02:03" (hours, minutes, seconds; rounded to the second).
#include <cstdio>
#include <string>

namespace sctx {

inline std::string hms(double seconds) {
    const long s = seconds > 0 ? long(seconds + 0.5) : 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return buf;
}

}  // namespace sctx
