#pragma once
// The time axis the spectrogram and the timeline strip share, so a window in the strip sits exactly under the
// sound it was computed from.
#include <QRect>
#include <QString>
#include <vector>

namespace sctx::gui {

struct TimeAxis {
    static constexpr int kLeft = 58;  ///< room for the frequency labels
    static constexpr int kRight = 12;

    double duration_s = 0;
    QRect plot;  ///< the drawing area inside the widget

    int x_for(double t) const;
    double t_for(int x) const;
    /// Tick times at a "nice" step, at least min_px apart.
    std::vector<double> ticks(int min_px = 70) const;
    static QString label(double t, double step);
};

}  // namespace sctx::gui
