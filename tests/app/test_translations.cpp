// The app in German and Spanish: run under LANG=de_DE.UTF-8 (CTest sets it), the window's menus are German
// without any setting; a language chosen in Settings wins over the system's; "en" is the untranslated source.
#include <QAction>
#include <QLocale>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "main_window.h"
#include "settings.h"
#include "settings_dialog.h"
#include "translations.h"

using namespace sctx::gui;

namespace {

QStringList menu_titles(const QString& model) {
    MainWindow w(model);
    w.show();
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
    }

    void theSystemLocaleGivesGermanMenus() {
        QCOMPARE(QLocale::system().language(), QLocale::German);  // LANG=de_DE.UTF-8 from CTest
        QCOMPARE(install_translations(QString()), QStringLiteral("de"));
        const QStringList titles = menu_titles(model_);
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(QLatin1Char(' '))));
        QVERIFY(!titles.contains(QStringLiteral("&File")));
        QCOMPARE(titles.size(), 5);
        for (const QString& t : titles) QVERIFY2(t.count(QLatin1Char('&')) == 1, qPrintable(t));  // accelerators kept
    }

    void aChosenLanguageWinsOverTheSystems() {
        QCOMPARE(install_translations(QStringLiteral("es")), QStringLiteral("es"));
        QVERIFY(menu_titles(model_).contains(QStringLiteral("&Archivo")));
        QCOMPARE(install_translations(QStringLiteral("en")), QStringLiteral("en"));
        const QStringList english = menu_titles(model_);
        QCOMPARE(english, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Batch"),
                                       QStringLiteral("&Model"), QStringLiteral("&Help")}));
        QCOMPARE(install_translations(QStringLiteral("fr")), QStringLiteral("en"));  // not translated: English
    }

    void placeholdersSurviveTranslation() {
        QCOMPARE(install_translations(QStringLiteral("de")), QStringLiteral("de"));
        // A translated message with arguments still takes them.
        const QString s =
            QCoreApplication::translate("sctx::gui::ResultsModel", "Uncertain (%1)").arg(QStringLiteral("X"));
        QVERIFY2(s.contains(QLatin1Char('X')) && s != QStringLiteral("Uncertain (X)"), qPrintable(s));
        install_translations(QStringLiteral("en"));
    }

    void theLanguageIsChosenInSettings() {
        AppSettings s = AppSettings::load();
        QCOMPARE(s.language, QString());  // the system's by default
        s.language = QStringLiteral("es");
        SettingsDialog dialog(s, nullptr);
        QCOMPARE(dialog.settings().language, QStringLiteral("es"));
        dialog.settings().save();
        QCOMPARE(AppSettings::load().language, QStringLiteral("es"));
    }
};

QTEST_MAIN(TranslationsTest)
#include "test_translations.moc"
