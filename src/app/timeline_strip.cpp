#include "timeline_strip.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "class_colors.h"
#include "results_model.h"

namespace sctx::gui {

namespace {
constexpr int kStripHeight = 22;
constexpr int kLegendHeight = 20;
}  // namespace

TimelineStrip::TimelineStrip(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline of classes"));
}

QSize TimelineStrip::sizeHint() const { return {560, kStripHeight + kLegendHeight + 8}; }

void TimelineStrip::set_segments(const std::vector<Segment>& segments, double duration_s,
                                 const std::vector<std::string>& class_names) {
    segments_ = segments;
    duration_ = duration_s;
    class_names_ = class_names;
    keyboard_segment_ = -1;
    // What a screen reader says: how many windows and the class of each stretch of the same class.
    QStringList runs;
    for (size_t i = 0; i < segments_.size() && runs.size() < 20; ++i) {
        size_t j = i;
        while (j + 1 < segments_.size() && segments_[j + 1].label_index == segments_[i].label_index) ++j;
        const int c = segments_[i].label_index;
        const QString name =
            c >= 0 && size_t(c) < class_names_.size() ? QString::fromStdString(class_names_[size_t(c)]) : QString();
        runs << tr("%1 to %2: %3").arg(span(i).first, 0, 'f', 1).arg(span(j).second, 0, 'f', 1).arg(name);
        i = j;
    }
    setAccessibleDescription(segments_.empty() ? QString()
                                               : tr("%n window(s). ", nullptr, int(segments_.size())) +
                                                     runs.join(QStringLiteral("; ")));
    update();
}

void TimelineStrip::keyPressEvent(QKeyEvent* event) {
    const int n = int(segments_.size());
    int k = keyboard_segment_;
    switch (event->key()) {
        case Qt::Key_Left: k = std::max(0, k - 1); break;
        case Qt::Key_Right: k = std::min(n - 1, k + 1); break;
        case Qt::Key_Home: k = 0; break;
        case Qt::Key_End: k = n - 1; break;
        default: QWidget::keyPressEvent(event); return;
    }
    if (n == 0) return;
    keyboard_segment_ = k;
    Q_EMIT seek_requested(span(size_t(k)).first);
    update();
}

void TimelineStrip::set_position(double seconds) {
    if (seconds == position_) return;
    position_ = seconds;
    update();
}

TimeAxis TimelineStrip::axis() const {
    TimeAxis a;
    a.duration_s = duration_;
    a.plot = QRect(TimeAxis::kLeft, 2, width() - TimeAxis::kLeft - TimeAxis::kRight, kStripHeight);
    return a;
}

std::pair<double, double> TimelineStrip::span(size_t i) const {
    auto centre = [&](size_t k) { return (segments_[k].start_s + segments_[k].end_s) / 2; };
    const double start = i == 0 ? 0.0 : (centre(i - 1) + centre(i)) / 2;
    const double end = i + 1 == segments_.size() ? duration_ : (centre(i) + centre(i + 1)) / 2;
    return {start, end};
}

int TimelineStrip::segment_at(double t) const {
    for (size_t i = 0; i < segments_.size(); ++i) {
        const auto [start, end] = span(i);
        if (t >= start && (t < end || i + 1 == segments_.size())) return int(i);
    }
    return -1;
}

void TimelineStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (hasFocus()) {  // keyboard focus: a frame in the highlight colour, as focused controls have
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
    const TimeAxis a = axis();
    p.fillRect(a.plot, palette().color(QPalette::Base));
    for (size_t i = 0; i < segments_.size(); ++i) {
        const auto [start, end] = span(i);
        const int x0 = a.x_for(start), x1 = a.x_for(end);
        QColor c = class_color(segments_[i].label_index);
        // Less sure windows are drawn paler, so a confident stretch stands out from a hesitant one.
        c.setAlphaF(0.35f + 0.65f * std::clamp(segments_[i].confidence, 0.f, 1.f));
        p.fillRect(QRect(x0, a.plot.top(), std::max(1, x1 - x0), a.plot.height()), c);
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(a.plot.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(0, a.plot.top(), TimeAxis::kLeft - 7, a.plot.height()), Qt::AlignRight | Qt::AlignVCenter,
               tr("Class"));
    if (position_ >= 0 && duration_ > 0) {
        const int x = a.x_for(position_);
        p.setPen(QPen(QColor(0x20, 0x90, 0xC0), 2));
        p.drawLine(x, a.plot.top(), x, a.plot.bottom());
    }

    // Legend: a swatch and the short name of every class.
    int x = a.plot.left();
    const int y = a.plot.bottom() + 6;
    const QFontMetrics fm(font());
    p.setPen(palette().color(QPalette::WindowText));
    // Full names when they fit on one line, else the short ones ("Alone", "Speech", ...).
    QStringList names;
    int needed = 0;
    for (const auto& n : class_names_) {
        names << QString::fromStdString(n);
        needed += 30 + fm.horizontalAdvance(names.back());
    }
    if (needed > a.plot.width())
        for (QString& n : names) n = short_class_name(n);
    for (size_t c = 0; c < class_names_.size(); ++c) {
        const QString& name = names[int(c)];
        p.fillRect(QRect(x, y + 3, 12, 12), class_color(int(c)));
        x += 16;
        p.drawText(QRect(x, y, fm.horizontalAdvance(name) + 2, kLegendHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
        x += fm.horizontalAdvance(name) + 14;
    }
}

bool TimelineStrip::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const TimeAxis a = axis();
        const int i = a.plot.contains(help->pos()) ? segment_at(a.t_for(help->pos().x())) : -1;
        if (i >= 0) {
            const Segment& s = segments_[size_t(i)];
            const QString name = s.label_index >= 0 && size_t(s.label_index) < class_names_.size()
                                     ? QString::fromStdString(class_names_[size_t(s.label_index)])
                                     : QString();
            QToolTip::showText(help->globalPos(), tr("%1 – %2: %3 (%4%)")
                                                      .arg(format_duration(s.start_s), format_duration(s.end_s), name)
                                                      .arg(double(s.confidence) * 100, 0, 'f', 0));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

void TimelineStrip::mousePressEvent(QMouseEvent* event) {
    const TimeAxis a = axis();
    if (event->button() == Qt::LeftButton && duration_ > 0 && a.plot.contains(event->position().toPoint()))
        Q_EMIT seek_requested(a.t_for(event->position().toPoint().x()));
}

}  // namespace sctx::gui
