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
    const QString remembered = AppSettings::load().model_path;
    QString reason;
    if (!remembered.isEmpty()) {
        reason = load(remembered, false);
        if (reason.isEmpty()) return {};
    }
    const QString shipped = QFile::decodeName(QByteArray::fromStdString(default_model_path()));
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
        s.save();
    }
    Q_EMIT model_changed();
    return {};
}

QString ModelManager::summary() const {
    if (!model_) return tr("no model loaded");
    const ModelConfig& c = model_->config();
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
        .arg(esc(c.name), esc(c.version), esc(c.architecture), classes.join(QStringLiteral("<br>")),
             esc(model_->sha256()), QFile::decodeName(QByteArray::fromStdString(model_->path())).toHtmlEscaped(),
             c.description.empty() ? tr("—") : esc(c.description));
}

}  // namespace sctx::gui
