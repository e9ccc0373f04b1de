#pragma once
// The class of each window of a long recording as a coloured strip under the spectrogram (same time axis),
// with a legend of the class colours. Overlapping windows are split at the midpoints between their centres,
// so each moment shows the window centred nearest to it.
#include <QWidget>
#include <string>
#include <vector>

#include "classify/file_result.h"
#include "time_axis.h"

namespace sctx::gui {

class TimelineStrip : public QWidget {
    Q_OBJECT
public:
    explicit TimelineStrip(QWidget* parent = nullptr);

    void set_segments(const std::vector<Segment>& segments, double duration_s,
                      const std::vector<std::string>& class_names);
    void set_position(double seconds);
    int segment_count() const { return int(segments_.size()); }
    /// The segment drawn at time t (for tooltips and tests), or -1.
    int segment_at(double t) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {200, sizeHint().height()}; }

Q_SIGNALS:
    void seek_requested(double seconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    /// Left/Right (or Home/End) step through the windows and play from the one reached: the keyboard's click.
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent*) override { update(); }
    void focusOutEvent(QFocusEvent*) override { update(); }

private:
    TimeAxis axis() const;
    /// Start and end time drawn for segment i.
    std::pair<double, double> span(size_t i) const;

    std::vector<Segment> segments_;
    std::vector<std::string> class_names_;
    double duration_ = 0;
    double position_ = -1;
    int keyboard_segment_ = -1;  ///< the window the arrow keys reached
};

}  // namespace sctx::gui
