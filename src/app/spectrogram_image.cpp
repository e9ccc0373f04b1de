#include "spectrogram_image.h"

#include <QFile>
#include <algorithm>
#include <array>
#include <cmath>

#include "audio/audio_stream.h"

namespace sctx::gui {

QRgb spectrogram_color(double v) {
    // Anchors of matplotlib's "magma" (black - purple - orange - pale yellow), interpolated linearly.
    static const std::array<std::array<double, 3>, 6> anchors = {{
        {0.001, 0.000, 0.014},
        {0.232, 0.060, 0.438},
        {0.550, 0.161, 0.506},
        {0.868, 0.288, 0.409},
        {0.994, 0.624, 0.427},
        {0.987, 0.991, 0.750},
    }};
    v = std::clamp(v, 0.0, 1.0) * double(anchors.size() - 1);
    const size_t i = std::min(size_t(v), anchors.size() - 2);
    const double t = v - double(i);
    int rgb[3];
    for (int c = 0; c < 3; ++c)
        rgb[c] = int(std::lround(255.0 * (anchors[i][size_t(c)] * (1 - t) + anchors[i + 1][size_t(c)] * t)));
    return qRgb(rgb[0], rgb[1], rgb[2]);
}

SpectrogramImage make_spectrogram_image(const QString& path, const MelParams& mel, double max_seconds,
                                        int max_columns) {
    SpectrogramImage out;
    out.mel = mel;
    // One dB scale for the whole picture (not per 3 s window as the model sees it): loud and quiet stretches
    // of a recording stay comparable.
    out.mel.ref = DbReference::Max;
    const std::string p = QFile::encodeName(path).toStdString();
    std::vector<float> samples;
    try {
        AudioStream stream = AudioStream::open(p, mel.sample_rate);
        const int64_t expected = stream.expected_samples();
        samples = read_all(stream, size_t(std::max(1.0, max_seconds * mel.sample_rate)));
        out.shown_s = double(samples.size()) / mel.sample_rate;
        out.duration_s = expected > 0 ? std::max(out.shown_s, double(expected) / mel.sample_rate) : out.shown_s;
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
        return out;
    }
    if (samples.empty()) {
        out.error = QStringLiteral("no audio samples");
        return out;
    }
    LogMelSpectrogram spec(out.mel);
    const std::vector<float> db = spec.compute(samples);  // n_mels x frames
    const int bands = mel.n_mels;
    const size_t frames = db.size() / size_t(bands);
    const int columns = int(std::min<size_t>(frames, size_t(std::max(1, max_columns))));
    const float top = *std::max_element(db.begin(), db.end());
    const double range = mel.top_db > 0 ? mel.top_db : 80.0;

    out.image = QImage(columns, bands, QImage::Format_RGB32);
    for (int x = 0; x < columns; ++x) {
        const size_t f0 = size_t(x) * frames / size_t(columns);
        const size_t f1 = std::max(f0 + 1, size_t(x + 1) * frames / size_t(columns));
        for (int b = 0; b < bands; ++b) {
            const float* row = db.data() + size_t(b) * frames;
            const float v = *std::max_element(row + f0, row + f1);
            out.image.setPixel(x, bands - 1 - b, spectrogram_color(1.0 + double(v - top) / range));
        }
    }
    return out;
}

}  // namespace sctx::gui
