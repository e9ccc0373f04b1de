#pragma once
// The picture behind the spectrogram view, made on a worker thread: the file's first minutes at the model's rate,
// its log-mel spectrogram (the same features the model sees, dB relative to the loudest point shown), turned into
// an image with at most `max_columns` columns (neighbouring frames are merged by their maximum, so short
// events stay visible in a long recording).
#include <QImage>
#include <QString>

#include "features/log_mel.h"

namespace sctx::gui {

struct SpectrogramImage {
    QImage image;           ///< width = time columns, height = mel bands, low frequencies at the bottom
    double shown_s = 0;     ///< seconds of audio the image covers (from 0)
    double duration_s = 0;  ///< the whole recording, when known (>= shown_s)
    MelParams mel;          ///< for the frequency axis
    QString error;          ///< set when the file could not be read
};

SpectrogramImage make_spectrogram_image(const QString& path, const MelParams& mel, double max_seconds,
                                        int max_columns = 2400);

/// The colour map (perceptually ordered, dark = quiet): value in [0, 1].
QRgb spectrogram_color(double value);

}  // namespace sctx::gui
