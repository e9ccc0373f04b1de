#include "time_axis.h"

#include <algorithm>
#include <cmath>

namespace sctx::gui {

int TimeAxis::x_for(double t) const {
    if (duration_s <= 0) return plot.left();
    return plot.left() + int(std::lround(std::clamp(t / duration_s, 0.0, 1.0) * plot.width()));
}

double TimeAxis::t_for(int x) const {
    if (plot.width() <= 0) return 0;
    return std::clamp(double(x - plot.left()) / plot.width(), 0.0, 1.0) * duration_s;
}

std::vector<double> TimeAxis::ticks(int min_px) const {
    std::vector<double> out;
    if (duration_s <= 0 || plot.width() <= 0) return out;
    static const double steps[] = {0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
    double step = steps[std::size(steps) - 1];
    for (double s : steps)
        if (s / duration_s * plot.width() >= min_px) {
            step = s;
            break;
        }
    for (double t = 0; t <= duration_s + 1e-9; t += step) out.push_back(t);
    return out;
}

QString TimeAxis::label(double t, double step) {
    if (step >= 60 || t >= 60) {
        const int total = int(std::lround(t));
        return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1 s").arg(t, 0, 'f', step < 1 ? (step < 0.5 ? 2 : 1) : 0);
}

}  // namespace sctx::gui
