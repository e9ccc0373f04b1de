#include "example_clips.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sctx::gui {

QString examples_dir() {
    const QString exe = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        exe + QStringLiteral("/../" SOCIALCTX_EXAMPLES_INSTALL_DIR),  // <prefix>/bin -> <prefix>/share/...
        exe + QStringLiteral("/examples"),                            // next to the program
        exe + QStringLiteral("/../Resources/examples"),               // macOS bundle
        QStringLiteral(SOCIALCTX_SOURCE_EXAMPLES),                    // build tree
    };
    for (const QString& c : candidates) {
        const QDir d(c);
        if (d.exists() && !d.entryList({QStringLiteral("*.wav")}, QDir::Files).isEmpty()) return d.canonicalPath();
    }
    return {};
}

QString user_guide_path() {
    const QString exe = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        exe + QStringLiteral("/../" SOCIALCTX_DOC_INSTALL_DIR "/user-guide.md"),  // <prefix>/share/doc/socialctx
        exe + QStringLiteral("/../Resources/doc/user-guide.md"),                  // macOS bundle
        exe + QStringLiteral("/doc/user-guide.md"),                               // next to the program (Windows)
        QStringLiteral(SOCIALCTX_SOURCE_DOCS "/user-guide.md"),                   // build tree
    };
    for (const QString& c : candidates)
        if (QFileInfo::exists(c)) return QFileInfo(c).canonicalFilePath();
    return {};
}

QStringList example_files() {
    const QString dir = examples_dir();
    if (dir.isEmpty()) return {};
    QStringList files;
    for (const QString& name : QDir(dir).entryList({QStringLiteral("*.wav")}, QDir::Files, QDir::Name))
        files << dir + QLatin1Char('/') + name;
    return files;
}

}  // namespace sctx::gui
