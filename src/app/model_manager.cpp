#include "model_manager.h"

#include <QFile>
#include <QFileInfo>

#include "settings.h"
#include "util/error.h"
#include "version.h"

namespace sctx::gui {

ModelManager::ModelManager(QObject* parent) : QObject(parent) {}

QString ModelManager::load_initial(const QString& path) {
    if (!path.isEmpty()) return load(path, false);
    const AppSettings remembered = AppSettings::load();
    QString reason;
    if (!remembered.shipped_model.isEmpty()) {
        reason = load_shipped(remembered.shipped_model, false);
        if (reason.isEmpty()) return {};
    } else if (!remembered.model_path.isEmpty()) {
        reason = load(remembered.model_path, false);
        if (reason.isEmpty()) return {};
    }
    const QString shipped = shipped_path(QStringLiteral("default"));
    if (shipped.isEmpty()) {
        return reason.isEmpty() ? tr("the shipped model was not found (load one from Model ▸ Load model…)") : reason;
    }
    const QString shipped_reason = load(shipped, false);
    return shipped_reason.isEmpty() ? QString() : (reason.isEmpty() ? shipped_reason : reason);
}

QString ModelManager::load(const QString& path, bool remember) {
    const std::string p = QFile::encodeName(path).toStdString();
    try {
        model_ = Model::load(p, expected_sha256_for(p));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    if (remember) {
        AppSettings s = AppSettings::load();
        s.model_path = QFileInfo(path).absoluteFilePath();
        s.shipped_model.clear();  // a file of the user's own: the shipped choice no longer applies
        s.save();
    }
    Q_EMIT model_changed();
    return {};
}

QString ModelManager::shipped_path(const QString& which) {
    // "default" is what the CLI's --model default means: SOCIALCTX_MODEL if set, else the shipped file.
    const std::string p =
        which == QLatin1String("default") ? default_model_path() : shipped_model_path(which.toStdString());
    return QFile::decodeName(QByteArray::fromStdString(p));
}

QString ModelManager::shipped_title(const QString& which) {
    if (which == QLatin1String("default")) return tr("Default (fast)");
    if (which == QLatin1String("accurate")) return tr("Accurate");
    return {};
}

QString ModelManager::load_shipped(const QString& which, bool remember) {
    if (shipped_title(which).isEmpty())
        return tr("“%1” is not one of the shipped models (default, accurate)").arg(which);
    const QString path = shipped_path(which);
    if (path.isEmpty()) return tr("the shipped model “%1” was not found next to the program").arg(shipped_title(which));
    const QString reason = load(path, false);
    if (!reason.isEmpty() || !remember) return reason;
    AppSettings s = AppSettings::load();
    s.shipped_model = which;
    s.model_path.clear();
    s.save();
    return {};
}

QString ModelManager::shipped_choice() const {
    if (!model_) return {};
    const QString loaded = QFileInfo(QFile::decodeName(QByteArray::fromStdString(model_->path()))).canonicalFilePath();
    if (loaded.isEmpty()) return {};
    for (const QString& which : {QStringLiteral("default"), QStringLiteral("accurate")}) {
        const QString shipped = shipped_path(which);
        if (!shipped.isEmpty() && QFileInfo(shipped).canonicalFilePath() == loaded) return which;
    }
    return {};
}

QString ModelManager::summary() const {
    if (!model_) return tr("no model loaded");
    const ModelConfig& c = model_->config();
    const QString which = shipped_choice();
    if (!which.isEmpty())
        return tr("%1 %2 (%3)")
            .arg(QString::fromStdString(c.name), QString::fromStdString(c.version), shipped_title(which));
    return tr("%1 %2").arg(QString::fromStdString(c.name), QString::fromStdString(c.version));
}

QString ModelManager::details_html() const {
    if (!model_) return tr("<p><b>No model loaded.</b> Load a TorchScript model with Model ▸ Load model…</p>");
    const ModelConfig& c = model_->config();
    QStringList classes;
    for (const auto& n : c.class_names) classes << QString::fromStdString(n).toHtmlEscaped();
    const auto esc = [](const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); };
    // Numbers first, then every text in one multi-arg call: a "%" in a name or path is never read as a marker.
    return tr("<table>"
              "<tr><td><b>Name</b></td><td>%3</td></tr>"
              "<tr><td><b>Version</b></td><td>%4</td></tr>"
              "<tr><td><b>Architecture</b></td><td>%5</td></tr>"
              "<tr><td><b>Classes</b></td><td>%6</td></tr>"
              "<tr><td><b>Window</b></td><td>%1 s (hop %2 s)</td></tr>"
              "<tr><td><b>SHA-256</b></td><td><tt>%7</tt></td></tr>"
              "<tr><td><b>File</b></td><td>%8</td></tr>"
              "<tr><td><b>About</b></td><td>%9</td></tr>"
              "</table>")
        .arg(c.window_s)
        .arg(c.hop_s)
        .arg(shipped_choice().isEmpty()
                 ? esc(c.name)
                 : tr("%1 — shipped model “%2”").arg(esc(c.name), shipped_title(shipped_choice()).toHtmlEscaped()),
             esc(c.version), esc(c.architecture), classes.join(QStringLiteral("<br>")), esc(model_->sha256()),
             QFile::decodeName(QByteArray::fromStdString(model_->path())).toHtmlEscaped(),
             c.description.empty() ? tr("—") : esc(c.description));
}

}  // namespace sctx::gui
