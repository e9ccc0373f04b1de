#include "spectrogram_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>

#include "features/mel_filterbank.h"

namespace sctx::gui {

SpectrogramView::SpectrogramView(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setToolTip(tr("Log-mel spectrogram: the features the model hears. Click to play from there."));
    setAccessibleName(tr("Log-mel spectrogram"));
    setAccessibleDescription(toolTip());
}

void SpectrogramView::set_image(const SpectrogramImage& image) {
    image_ = image;
    message_ = image.error.isEmpty() ? QString() : tr("No spectrogram: %1").arg(image.error);
    if (image.duration_s > duration_) duration_ = image.duration_s;
    update();
}

void SpectrogramView::set_message(const QString& text) {
    image_ = {};
    message_ = text;
    update();
}

void SpectrogramView::set_duration(double seconds) {
    duration_ = seconds;
    update();
}

void SpectrogramView::set_position(double seconds) {
    if (seconds == position_) return;
    position_ = seconds;
    update();
}

TimeAxis SpectrogramView::axis() const {
    TimeAxis a;
    a.duration_s = duration_ > 0 ? duration_ : image_.duration_s;
    a.plot = rect().adjusted(TimeAxis::kLeft, 6, -TimeAxis::kRight, -24);
    return a;
}

void SpectrogramView::draw_frequency_axis(QPainter& p, const QRect& plot) const {
    const MelParams& mel = image_.mel;
    const double fmax = mel.fmax > 0 ? mel.fmax : mel.sample_rate / 2.0;
    const double m0 = hz_to_mel_slaney(mel.fmin), m1 = hz_to_mel_slaney(fmax);
    if (m1 <= m0) return;
    const QFontMetrics fm(font());
    for (double hz : {0.0, 250.0, 500.0, 1000.0, 2000.0, 4000.0, 8000.0, 16000.0}) {
        if (hz < mel.fmin || hz > fmax + 1) continue;
        const int y = plot.bottom() - int(std::lround((hz_to_mel_slaney(hz) - m0) / (m1 - m0) * plot.height()));
        const QString text = hz >= 1000 ? QStringLiteral("%1k").arg(hz / 1000) : QString::number(hz);
        p.drawLine(plot.left() - 4, y, plot.left(), y);
        p.drawText(QRect(0, y - fm.height() / 2, plot.left() - 7, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                   text);
    }
    p.save();
    p.translate(10, plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-40, -8, 80, 16), Qt::AlignCenter, tr("Hz"));
    p.restore();
}

void SpectrogramView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const TimeAxis a = axis();
    const QRect plot = a.plot;
    p.fillRect(plot, QColor(0x10, 0x10, 0x18));
    const QColor text_color = palette().color(QPalette::WindowText);

    if (!image_.image.isNull() && a.duration_s > 0) {
        QRect target = plot;
        target.setRight(a.x_for(image_.shown_s));
        p.setRenderHint(QPainter::SmoothPixmapTransform, true);
        p.drawImage(target, image_.image);
        if (target.right() < plot.right() - 1) {
            // The rest of a long recording is not drawn (memory and time): say so rather than leave a gap.
            QRect rest(target.right() + 1, plot.top(), plot.right() - target.right(), plot.height());
            p.fillRect(rest, QBrush(QColor(0x60, 0x60, 0x70), Qt::BDiagPattern));
            p.setPen(QColor(0xE0, 0xE0, 0xE0));
            p.drawText(rest.adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap,
                       tr("first %1 shown").arg(TimeAxis::label(image_.shown_s, 60)));
        }
    }
    if (!message_.isEmpty() || (image_.image.isNull())) {
        p.setPen(QColor(0xD0, 0xD0, 0xD0));
        p.drawText(plot.adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   message_.isEmpty() ? tr("Select a file to see its spectrogram") : message_);
    }

    p.setPen(text_color);
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    const QFontMetrics fm(font());
    std::vector<double> ticks = a.ticks();
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    for (double t : ticks) {
        const int x = a.x_for(t);
        p.drawLine(x, plot.bottom(), x, plot.bottom() + 4);
        p.drawText(QRect(x - 40, plot.bottom() + 5, 80, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                   TimeAxis::label(t, step));
    }
    if (!image_.image.isNull()) draw_frequency_axis(p, plot);

    if (position_ >= 0 && a.duration_s > 0) {
        const int x = a.x_for(position_);
        p.setPen(QPen(QColor(0x40, 0xE0, 0xFF), 2));
        p.drawLine(x, plot.top(), x, plot.bottom());
    }
}

void SpectrogramView::mousePressEvent(QMouseEvent* event) {
    const TimeAxis a = axis();
    if (event->button() == Qt::LeftButton && a.duration_s > 0 && a.plot.contains(event->position().toPoint()))
        Q_EMIT seek_requested(a.t_for(event->position().toPoint().x()));
}

}  // namespace sctx::gui
