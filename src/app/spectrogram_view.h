#pragma once
// Draws a SpectrogramImage with a time axis (seconds) and a frequency axis (Hz on the mel scale the image uses),
// a play-head, and a note when only the start of a long recording is shown. Clicking asks to seek there.
#include <QWidget>

#include "spectrogram_image.h"
#include "time_axis.h"

namespace sctx::gui {

class SpectrogramView : public QWidget {
    Q_OBJECT
public:
    explicit SpectrogramView(QWidget* parent = nullptr);

    void set_image(const SpectrogramImage& image);
    /// Shown instead of an image ("Computing…", a read error).
    void set_message(const QString& text);
    /// The x range in seconds (the whole recording, so the timeline strip below lines up).
    void set_duration(double seconds);
    /// Play-head position in seconds; negative hides it.
    void set_position(double seconds);

    const SpectrogramImage& image() const { return image_; }
    QSize sizeHint() const override { return {560, 230}; }
    QSize minimumSizeHint() const override { return {240, 140}; }

Q_SIGNALS:
    void seek_requested(double seconds);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    TimeAxis axis() const;
    void draw_frequency_axis(class QPainter& p, const QRect& plot) const;

    SpectrogramImage image_;
    QString message_;
    double duration_ = 0;
    double position_ = -1;
};

}  // namespace sctx::gui
