// Choosing the model: a broken file is refused with its reason shown and the model in use kept; a good one is
// used and remembered; without any model the app starts, says so, and classifies the waiting files once a
// model is loaded.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QTest>
#include <QTimer>

#include "about_dialog.h"
#include "app_test_support.h"
#include "batch_controller.h"
#include "main_window.h"
#include "model_import_action.h"
#include "model/model_config.h"
#include "model_manager.h"
#include "results_model.h"
#include "settings.h"
#include "settings_dialog.h"
#include "version.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

/// Closes the next modal message box and hands back its text (the window's QMessageBox::warning blocks).
class MessageCatcher : public QObject {
public:
    QString text;
    void arm() {
        QTimer::singleShot(50, this, [this] { poll(); });
    }

private:
    void poll() {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            text = box->text();
            box->accept();
            return;
        }
        QTimer::singleShot(50, this, [this] { poll(); });
    }
};

}  // namespace

class ModelChoiceTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString good_, other_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        // No shipped model in the way: an empty SOCIALCTX_MODEL would be ignored, so point it at nothing.
        qputenv("SOCIALCTX_MODEL", dir_.filePath(QStringLiteral("no-such-model.pt")).toUtf8());
        good_ = test::make_model(dir_.path(), QStringLiteral("good.pt"), 1);
        other_ = test::make_model(dir_.path(), QStringLiteral("other.pt"), 2);
    }

    void init() { QSettings().clear(); }

    void broken_model_is_refused_and_the_old_one_kept() {
        MainWindow w(good_);
        const auto before = w.models()->model();
        QVERIFY(before);

        const QString broken = dir_.filePath(QStringLiteral("broken.pt"));
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("PK\x03\x04 this is not a TorchScript archive");
        f.close();

        MessageCatcher catcher;
        catcher.arm();
        const QString reason = w.load_model(broken);
        QVERIFY(!reason.isEmpty());
        QVERIFY2(catcher.text.contains(reason), qPrintable(catcher.text));  // the user sees why
        QVERIFY(catcher.text.contains(QStringLiteral("broken.pt")));
        QCOMPARE(w.models()->model(), before);              // same object: nothing was swapped
        QVERIFY(AppSettings::load().model_path.isEmpty());  // a failure is not remembered

        // The old model still classifies.
        const QString wav = dir_.filePath(QStringLiteral("after-refusal.wav"));
        test::write_tone(wav, 2.0);
        w.open_paths({wav});
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(w.results()->count(RowStatus::Done), 1);
    }

    void missing_model_file_is_refused_too() {
        ModelManager m;
        QVERIFY(m.load(good_).isEmpty());
        const auto before = m.model();
        const QString reason = m.load(dir_.filePath(QStringLiteral("nowhere.pt")));
        QVERIFY(reason.contains(QStringLiteral("nowhere.pt")));
        QCOMPARE(m.model(), before);
    }

    void a_loaded_model_is_used_and_remembered() {
        {
            MainWindow w(good_);
            QVERIFY(w.load_model(other_).isEmpty());
            QCOMPARE(QString::fromStdString(w.models()->model()->path()), other_);
            QVERIFY(w.model_status().contains(QStringLiteral("untrained")) ||
                    w.model_status().contains(QStringLiteral("socialctx")));
        }
        QCOMPARE(AppSettings::load().model_path, other_);
        MainWindow again;  // no --model: the remembered one
        QVERIFY(again.models()->model());
        QCOMPARE(QString::fromStdString(again.models()->model()->path()), other_);
        QVERIFY(again.models()->details_html().contains(QString::fromStdString(again.models()->model()->sha256())));
    }

    void without_a_model_the_app_starts_and_files_wait() {
        MainWindow w;  // nothing remembered, no shipped model
        QVERIFY(!w.models()->model());
        auto* fast = w.findChild<QAction*>(QStringLiteral("actionModelDefault"));
        QVERIFY(fast && !fast->isEnabled() && !fast->isChecked());  // SOCIALCTX_MODEL names a file that is not there
        QVERIFY(w.model_status().contains(QStringLiteral("no model loaded")));
        auto* banner = w.findChild<QLabel*>(QStringLiteral("modelBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isHidden());
        QVERIFY(banner->text().contains(QStringLiteral("No model loaded")));

        const QString wav = dir_.filePath(QStringLiteral("waiting.wav"));
        test::write_tone(wav, 2.0);
        w.open_paths({wav});
        QTRY_VERIFY(w.batch()->waiting_for_model());
        QTest::qWait(300);
        QCOMPARE(w.results()->count(RowStatus::Queued), 1);

        QVERIFY(w.load_model(good_).isEmpty());
        QVERIFY(banner->isHidden());
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(w.results()->count(RowStatus::Done), 1);
    }

    void a_file_that_is_not_a_state_dict_is_refused() {
        MainWindow w(good_);
        const auto before = w.models()->model();
        const QString fake = dir_.filePath(QStringLiteral("notes.pth"));
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not weights");
        f.close();
        MessageCatcher catcher;
        catcher.arm();
        const QString reason = w.import_pth_path(fake);
        QVERIFY(!reason.isEmpty());
        QVERIFY2(catcher.text.contains(QStringLiteral("notes.pth")) && catcher.text.contains(reason),
                 qPrintable(catcher.text));
        QCOMPARE(w.models()->model(), before);
        QVERIFY(!QFile::exists(imported_model_path(fake)));  // a failed import leaves nothing behind
    }

    void an_imported_state_dict_becomes_the_model() {
        const QString pth = test::make_original_pth(dir_.path());
        if (pth.isEmpty()) QSKIP("/usr/bin/python3 with torch is not available to make a best_model.pth");
        MainWindow w(good_);
        QCOMPARE(w.import_pth_path(pth), QString());
        const auto model = w.models()->model();
        QVERIFY(model);
        QCOMPARE(QString::fromStdString(model->path()), imported_model_path(pth));
        QCOMPARE(model->config().architecture, std::string("original-cnn"));
        QCOMPARE(AppSettings::load().model_path, imported_model_path(pth));  // remembered like any loaded model
        const QString wav = dir_.filePath(QStringLiteral("imported.wav"));
        test::write_tone(wav, 3.0);
        w.open_paths({wav});
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(w.results()->count(RowStatus::Done), 1);
    }

    void settings_dialog_edits_hop_and_threads_but_not_the_window() {
        AppSettings in;
        in.hop_s = 0.75;
        in.threads = 3;
        in.spectrogram_minutes = 5;
        in.model_path = QStringLiteral("/kept/as/is.pt");
        ModelConfig config;
        config.window_s = 2.5;
        SettingsDialog dialog(in, &config);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("windowValue"))->text().contains(QStringLiteral("2.5 s")));
        auto* hop = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("hopSpin"));
        QCOMPARE(hop->value(), 0.75);
        hop->setValue(0.5);
        dialog.findChild<QSpinBox*>(QStringLiteral("threadsSpin"))->setValue(1);
        const AppSettings out = dialog.settings();
        QCOMPARE(out.hop_s, 0.5);
        QCOMPARE(out.threads, 1);
        QCOMPARE(out.spectrogram_minutes, 5);
        QCOMPARE(out.model_path, in.model_path);
        out.save();
        QCOMPARE(AppSettings::load().hop_s, 0.5);
    }

    void about_dialog_states_privacy_and_licence() {
        AboutDialog about;
        const QString text = about.findChild<QWidget*>(QStringLiteral("textBrowser"))->property("plainText").toString();
        QVERIFY(text.contains(QStringLiteral(
            "Everything runs on this computer. The app makes no network connections and sends nothing anywhere.")));
        QVERIFY(text.contains(QStringLiteral("GPL-3.0-or-later")) || text.contains(QStringLiteral("KissFFT")));
        const QString version = about.findChild<QLabel*>(QStringLiteral("versionLabel"))->text();
        QVERIFY(version.contains(QString::fromStdString(sctx::version())));
    }
};

QTEST_MAIN(ModelChoiceTest)
#include "test_model_choice.moc"
