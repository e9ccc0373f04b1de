// Named presets of the analysis settings: saved from the Settings dialog's fields, listed by name, chosen to fill
// the fields back, deleted, reset to defaults; kept with QSettings in the user's config location, never next to
// the program, and they survive a restart (a new dialog reads them back).
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "export.h"
#include "presets.h"
#include "settings.h"
#include "settings_dialog.h"

using namespace sctx::gui;

class PresetsTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    template <typename W>
    static W* field(SettingsDialog& d, const char* name) {
        W* w = d.findChild<W*>(QString::fromLatin1(name));
        if (!w) qFatal("no field %s", name);
        return w;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
    }

    void savedChosenDeletedAndReset() {
        SettingsDialog d(AppSettings{}, nullptr);
        auto* preset = field<QComboBox>(d, "presetCombo");
        QCOMPARE(preset->count(), 0);
        field<QDoubleSpinBox>(d, "hopSpin")->setValue(0.5);
        field<QSpinBox>(d, "batchSpin")->setValue(8);
        field<QSpinBox>(d, "minConfidenceSpin")->setValue(60);
        auto* format = field<QComboBox>(d, "exportFormatCombo");
        format->setCurrentIndex(format->findData(QStringLiteral("raven")));
        QVERIFY(d.save_as_preset(QStringLiteral("Field recordings")));
        QCOMPARE(preset->currentText(), QStringLiteral("Field recordings"));

        d.reset_to_defaults();
        QCOMPARE(d.settings().hop_s, 0.0);
        QCOMPARE(d.settings().batch_size, 32);
        QCOMPARE(d.settings().min_confidence, 0.0);
        QCOMPARE(d.settings().export_format, QStringLiteral("csv"));
        QCOMPARE(preset->currentIndex(), -1);                               // the fields are no preset any more
        QVERIFY(d.save_as_preset(QStringLiteral("meeting rooms / 2024")));  // any name, '/' too
        QVERIFY(!d.save_as_preset(QStringLiteral("   ")));

        // A new dialog (as after a restart) lists both, sorted, and choosing one fills its fields.
        SettingsDialog again(AppSettings{}, nullptr);
        auto* listed = field<QComboBox>(again, "presetCombo");
        QCOMPARE(listed->count(), 2);
        QCOMPARE(listed->itemText(0), QStringLiteral("Field recordings"));
        QCOMPARE(listed->itemText(1), QStringLiteral("meeting rooms / 2024"));
        again.choose_preset(QStringLiteral("Field recordings"));
        const AppSettings s = again.settings();
        QCOMPARE(s.hop_s, 0.5);
        QCOMPARE(s.batch_size, 8);
        QCOMPARE(s.min_confidence, 0.6);
        QCOMPARE(s.export_format, QStringLiteral("raven"));
        QCOMPARE(export_format_named(s.export_format), ExportFormat::Raven);

        again.delete_chosen_preset();
        QCOMPARE(preset_names(), QStringList{QStringLiteral("meeting rooms / 2024")});
        QCOMPARE(listed->count(), 1);
        QVERIFY(!load_preset(QStringLiteral("Field recordings")));
        QCOMPARE(load_preset(QStringLiteral("meeting rooms / 2024"))->batch_size, 32);
    }

    void storedInTheUsersConfigNotNextToTheProgram() {
        save_preset(QStringLiteral("x"), AnalysisPreset{});
        const QString file = QSettings().fileName();
        QVERIFY2(file.startsWith(dir_.filePath(QStringLiteral("settings"))), qPrintable(file));
        QVERIFY(!file.startsWith(QCoreApplication::applicationDirPath()));
    }

    void outOfRangeValuesAreClampedWhenRead() {
        QSettings s;
        s.beginWriteArray(QStringLiteral("presets"), 1);
        s.setArrayIndex(0);
        s.setValue(QStringLiteral("name"), QStringLiteral("edited by hand"));
        s.setValue(QStringLiteral("batch_size"), -5);
        s.setValue(QStringLiteral("min_confidence"), 7);
        s.setValue(QStringLiteral("export_format"), QStringLiteral("docx"));
        s.endArray();
        s.sync();
        const auto p = load_preset(QStringLiteral("edited by hand"));
        QVERIFY(p);
        QCOMPARE(p->batch_size, 1);
        QCOMPARE(p->min_confidence, 1.0);
        QCOMPARE(p->export_format, QStringLiteral("csv"));
    }
};

QTEST_MAIN(PresetsTest)
#include "test_presets.moc"
