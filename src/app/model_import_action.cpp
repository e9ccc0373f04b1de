#include "model_import_action.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "import/model_import.h"
#include "util/error.h"

namespace sctx::gui {

QString imported_model_path(const QString& pth_path) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/models");
    return dir + QLatin1Char('/') + QFileInfo(pth_path).completeBaseName() + QStringLiteral(".pt");
}

QString import_pth_model(const QString& pth_path) {
    const QString out = imported_model_path(pth_path);
    if (!QDir().mkpath(QFileInfo(out).absolutePath()))
        throw Error("cannot create the folder " + QFile::encodeName(QFileInfo(out).absolutePath()).toStdString());
    // The original project's network and preprocessing (ref=np.max): what a best_model.pth holds.
    ModelConfig config;
    config.architecture = "original-cnn";
    config.name = QFileInfo(pth_path).completeBaseName().toStdString();
    config.version = "1";
    config.description = "imported from " + QFileInfo(pth_path).fileName().toStdString();
    import_state_dict(QFile::encodeName(pth_path).toStdString(), config, QFile::encodeName(out).toStdString());
    return out;
}

}  // namespace sctx::gui
