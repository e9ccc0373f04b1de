// The two shipped models in the Model menu: "Default (fast)" and "Accurate" are one exclusive choice, each loads
// its own file (told apart by the name in the model's embedded config, not only by the path), the choice survives a
// restart of the window, the status bar, the details and the About box name the model in use, and a model file of
// the user's own clears the shipped choice.
#include <QAction>
#include <QFileInfo>
#include <QSettings>
#include <QTest>

#include "about_dialog.h"
#include "app_test_support.h"
#include "batch_controller.h"
#include "main_window.h"
#include "model/model_config.h"
#include "model_manager.h"
#include "results_model.h"
#include "settings.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

QAction* action(MainWindow& w, const char* name) { return w.findChild<QAction*>(QString::fromLatin1(name)); }

QString loaded_file(const MainWindow& w) {
    return QFileInfo(QString::fromStdString(w.models()->model()->path())).fileName();
}

QString loaded_name(const MainWindow& w) { return QString::fromStdString(w.models()->model()->config().name); }

}  // namespace

class ShippedModelsTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        qunsetenv("SOCIALCTX_MODEL");  // the real shipped files, found from the build tree
        if (ModelManager::shipped_path(QStringLiteral("accurate")).isEmpty())
            QFAIL("models/socialctx-accurate.pt is not found from the build tree");
    }

    void init() { QSettings().clear(); }

    void the_default_is_checked_when_nothing_was_chosen() {
        MainWindow w;
        QVERIFY(w.models()->model());
        QCOMPARE(loaded_file(w), QStringLiteral("socialctx.pt"));
        QCOMPARE(loaded_name(w), QStringLiteral("socialctx-counter-lite"));
        QVERIFY(action(w, "actionModelDefault")->isChecked());
        QVERIFY(!action(w, "actionModelAccurate")->isChecked());
        QVERIFY2(w.model_status().contains(QStringLiteral("Default (fast)")), qPrintable(w.model_status()));
    }

    void accurate_loads_its_model_and_survives_a_restart() {
        {
            MainWindow w;
            QAction* accurate = action(w, "actionModelAccurate");
            QVERIFY(accurate && accurate->isCheckable() && accurate->isEnabled());
            accurate->trigger();
            QCOMPARE(loaded_file(w), QStringLiteral("socialctx-accurate.pt"));
            QCOMPARE(loaded_name(w), QStringLiteral("socialctx-ensemble"));  // the model's own config says which
            QVERIFY(accurate->isChecked());
            QVERIFY(!action(w, "actionModelDefault")->isChecked());  // exclusive
            QCOMPARE(w.models()->shipped_choice(), QStringLiteral("accurate"));
            QVERIFY2(w.model_status().contains(QStringLiteral("socialctx-ensemble")) &&
                         w.model_status().contains(QStringLiteral("Accurate")),
                     qPrintable(w.model_status()));
            const QString details = w.models()->details_html();
            QVERIFY2(
                details.contains(QStringLiteral("socialctx-ensemble")) && details.contains(QStringLiteral("Accurate")),
                qPrintable(details));
            AboutDialog about(&w, w.models()->summary());
            const QString text =
                about.findChild<QWidget*>(QStringLiteral("textBrowser"))->property("plainText").toString();
            QVERIFY2(text.contains(QStringLiteral("socialctx-ensemble")), qPrintable(text));

            // It classifies: a real file through the accurate model.
            const QString wav = dir_.filePath(QStringLiteral("tone.wav"));
            test::write_tone(wav, 4.0);
            w.open_paths({wav});
            QVERIFY(test::wait_idle(w.batch()));
            QCOMPARE(w.results()->count(RowStatus::Done), 1);
        }
        QCOMPARE(AppSettings::load().shipped_model, QStringLiteral("accurate"));
        MainWindow again;  // a new window: the remembered choice
        QCOMPARE(loaded_name(again), QStringLiteral("socialctx-ensemble"));
        QVERIFY(action(again, "actionModelAccurate")->isChecked());
        QVERIFY(!action(again, "actionModelDefault")->isChecked());
    }

    void default_again_is_remembered_too() {
        {
            MainWindow w;
            action(w, "actionModelAccurate")->trigger();
            QCOMPARE(loaded_name(w), QStringLiteral("socialctx-ensemble"));
            action(w, "actionModelDefault")->trigger();
            QCOMPARE(loaded_name(w), QStringLiteral("socialctx-counter-lite"));
            QVERIFY(action(w, "actionModelDefault")->isChecked());
            QVERIFY(!action(w, "actionModelAccurate")->isChecked());
        }
        MainWindow again;
        QCOMPARE(loaded_name(again), QStringLiteral("socialctx-counter-lite"));
        QVERIFY(action(again, "actionModelDefault")->isChecked());
    }

    void a_file_of_ones_own_clears_the_shipped_choice() {
        const QString own = test::make_model(dir_.path(), QStringLiteral("own.pt"), 3);
        {
            MainWindow w;
            action(w, "actionModelAccurate")->trigger();
            QVERIFY(w.load_model(own).isEmpty());
            QVERIFY(!action(w, "actionModelDefault")->isChecked());
            QVERIFY(!action(w, "actionModelAccurate")->isChecked());
            QVERIFY(w.models()->shipped_choice().isEmpty());
        }
        QVERIFY(AppSettings::load().shipped_model.isEmpty());
        MainWindow again;
        QCOMPARE(QString::fromStdString(again.models()->model()->path()), own);
        QVERIFY(!action(again, "actionModelAccurate")->isChecked());
    }

    void an_unknown_shipped_name_is_refused_and_the_model_kept() {
        ModelManager m;
        QVERIFY(m.load_shipped(QStringLiteral("accurate")).isEmpty());
        const auto before = m.model();
        const QString reason = m.load_shipped(QStringLiteral("huge"));
        QVERIFY(reason.contains(QStringLiteral("huge")));
        QCOMPARE(m.model(), before);
        QCOMPARE(AppSettings::load().shipped_model, QStringLiteral("accurate"));
    }
};

QTEST_MAIN(ShippedModelsTest)
#include "test_shipped_models.moc"
