#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace sctx::gui {

QStringList translated_languages() { return {QStringLiteral("de"), QStringLiteral("es")}; }

QString install_translations(const QString& language) {
    // Kept for the life of the program: an installed translator must outlive its use.
    static std::unique_ptr<QTranslator> ours, qt;
    for (auto* t : {ours.get(), qt.get()})
        if (t) QCoreApplication::removeTranslator(t);
    ours = std::make_unique<QTranslator>();
    qt = std::make_unique<QTranslator>();
    if (language == QLatin1String("en")) return QStringLiteral("en");
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // load(QLocale, ...) tries each of the locale's UI languages in turn ("de-AT", then "de").
    if (!ours->load(locale, QStringLiteral("socialctx"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return QStringLiteral("en");
    QCoreApplication::installTranslator(ours.get());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    const QString file = ours->filePath();  // ":/i18n/socialctx_de.qm"
    return file.mid(file.lastIndexOf(QLatin1Char('_')) + 1).section(QLatin1Char('.'), 0, 0);
}

}  // namespace sctx::gui
