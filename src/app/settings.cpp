#include "settings.h"

#include <QSettings>
#include <QThread>
#include <algorithm>

namespace sctx::gui {

AppSettings AppSettings::load() {
    QSettings s;
    AppSettings a;
    a.hop_s = std::max(0.0, s.value(QStringLiteral("classify/hop_s"), 0.0).toDouble());
    a.threads = std::max(0, s.value(QStringLiteral("classify/threads"), 0).toInt());
    a.spectrogram_minutes = std::clamp(s.value(QStringLiteral("view/spectrogram_minutes"), 10).toInt(), 1, 240);
    a.min_confidence = std::clamp(s.value(QStringLiteral("classify/min_confidence"), 0.0).toDouble(), 0.0, 1.0);
    a.batch_size = std::clamp(s.value(QStringLiteral("classify/batch_size"), 32).toInt(), 1, 4096);
    a.export_format = s.value(QStringLiteral("export/format"), QStringLiteral("csv")).toString();
    a.model_path = s.value(QStringLiteral("model/path")).toString();
    a.shipped_model = s.value(QStringLiteral("model/shipped")).toString();
    a.last_dir = s.value(QStringLiteral("files/last_dir")).toString();
    a.language = s.value(QStringLiteral("ui/language")).toString();
    return a;
}

void AppSettings::save() const {
    QSettings s;
    s.setValue(QStringLiteral("classify/hop_s"), hop_s);
    s.setValue(QStringLiteral("classify/threads"), threads);
    s.setValue(QStringLiteral("view/spectrogram_minutes"), spectrogram_minutes);
    s.setValue(QStringLiteral("classify/min_confidence"), min_confidence);
    s.setValue(QStringLiteral("classify/batch_size"), batch_size);
    s.setValue(QStringLiteral("export/format"), export_format);
    s.setValue(QStringLiteral("model/path"), model_path);
    s.setValue(QStringLiteral("model/shipped"), shipped_model);
    s.setValue(QStringLiteral("files/last_dir"), last_dir);
    s.setValue(QStringLiteral("ui/language"), language);
}

int AppSettings::effective_threads() const { return threads > 0 ? threads : std::max(1, QThread::idealThreadCount()); }

}  // namespace sctx::gui
