// The batch summary under the table: counts by class and duration follow the rows as a real batch (real files,
// a real model) fills them, failures are counted apart, and File ▸ Export summary writes the same numbers as CSV.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "batch_controller.h"
#include "batch_summary_bar.h"
#include "export.h"
#include "main_window.h"
#include "settings.h"
#include "settings_dialog.h"
#include "model/model_config.h"
#include "results_model.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

FileResult ok_result(const std::string& file, int label, double duration) {
    FileResult r;
    r.file = file;
    r.ok = true;
    r.label_index = label;
    r.confidence = 0.9f;
    r.duration_s = duration;
    r.probabilities.assign(5, 0.025f);
    r.probabilities[size_t(label)] = 0.9f;
    r.windows = 1;
    return r;
}

}  // namespace

class SummaryBarTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
    }

    void countsFollowTheRows() {
        ResultsModel results;
        results.set_class_names(default_class_names());
        BatchSummaryBar bar(&results);
        QVERIFY(bar.isHidden());  // nothing finished yet: no empty bar
        std::vector<FileResult> rows = {ok_result("/a.wav", 2, 10.0), ok_result("/b.wav", 2, 50.0),
                                        ok_result("/c.wav", 0, 3600.0)};
        FileResult bad;
        bad.file = "/d.wav";
        bad.error = "truncated";
        rows.push_back(bad);
        results.add_results(std::move(rows));
        QTRY_COMPARE(bar.summary().files(), size_t(4));  // refreshed by the model's signals, a moment later
        QCOMPARE(bar.summary().ok(), size_t(3));
        QCOMPARE(bar.summary().errors(), size_t(1));
        QCOMPARE(bar.summary().classes()[2].files, size_t(2));
        QCOMPARE(bar.summary().classes()[2].duration_s, 60.0);
        QCOMPARE(bar.text(),
                 QStringLiteral("3 files, 1:01:00 · Alone 1 (1:00:00) · One-on-One 2 (0:01:00) · 1 failed"));
        results.clear();
        QTRY_COMPARE(bar.summary().files(), size_t(0));
    }

    // The minimum confidence: rows below it say "Uncertain (best guess)" in grey, keep their probabilities, count
    // as uncertain in the summary, and exports mark them as the CLI does. Set in Settings, remembered.
    void minimumConfidenceMarksUncertainRows() {
        ResultsModel results;
        results.set_class_names(default_class_names());
        BatchSummaryBar bar(&results);
        FileResult unsure = ok_result("/unsure.wav", 3, 20.0);
        unsure.confidence = 0.4f;
        unsure.probabilities[3] = 0.4f;
        results.add_results({ok_result("/sure.wav", 2, 10.0), unsure});
        const QModelIndex unsure_class = results.index(1, ResultsModel::ClassColumn);
        QCOMPARE(unsure_class.data().toString(), QStringLiteral("Group Discussion"));  // off by default
        QCOMPARE(unsure_class.data(ResultsModel::UncertainRole).toBool(), false);

        results.set_min_confidence(0.5);
        QCOMPARE(unsure_class.data().toString(), QStringLiteral("Uncertain (Group Discussion)"));
        QCOMPARE(unsure_class.data(ResultsModel::UncertainRole).toBool(), true);
        QVERIFY(unsure_class.data(Qt::ToolTipRole).toString().contains(QStringLiteral("50 %")));
        QCOMPARE(results.index(0, ResultsModel::ClassColumn).data().toString(),
                 QStringLiteral("One-on-One Conversation"));
        QCOMPARE(results.index(1, ResultsModel::FirstProbabilityColumn + 3).data().toString(), QStringLiteral("0.40"));
        QTRY_COMPARE(bar.summary().uncertain().files, size_t(1));
        QCOMPARE(bar.summary().classes()[3].files, size_t(0));
        QCOMPARE(bar.text(), QStringLiteral("2 files, 0:00:30 · One-on-One 1 (0:00:10) · uncertain 1 (0:00:20)"));

        const QString csv = dir_.filePath(QStringLiteral("uncertain.csv"));
        std::vector<const ResultRow*> rows = {&results.row_at(0), &results.row_at(1)};
        QCOMPARE(export_rows(csv, ExportFormat::Csv, rows, results.class_names(), 8000, results.min_confidence()), 2);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].endsWith(QStringLiteral(",uncertain")));
        QVERIFY(lines[1].endsWith(QStringLiteral(",0")));
        QVERIFY(lines[2].endsWith(QStringLiteral(",1")));
        QVERIFY(lines[2].contains(QStringLiteral(",Group Discussion,3,0.400000,")));

        results.set_min_confidence(0);
        QCOMPARE(unsure_class.data().toString(), QStringLiteral("Group Discussion"));
        QTRY_COMPARE(bar.summary().classes()[3].files, size_t(1));

        AppSettings s = AppSettings::load();
        SettingsDialog dialog(s, nullptr);
        QCOMPARE(dialog.settings().min_confidence, s.min_confidence);
        s.min_confidence = 0.65;
        SettingsDialog again(s, nullptr);
        QCOMPARE(again.settings().min_confidence, 0.65);
        again.settings().save();
        QCOMPARE(AppSettings::load().min_confidence, 0.65);
        s.min_confidence = 0;
        s.save();
    }

    void aRealBatchIsSummarisedAndExported() {
        const QString in = dir_.filePath(QStringLiteral("batch"));
        QDir().mkpath(in);
        test::write_tone(in + QStringLiteral("/one.wav"), 2.0);
        test::write_tone(in + QStringLiteral("/two.wav"), 7.0, 220.0);
        test::write_broken_wav(in + QStringLiteral("/broken.wav"));
        MainWindow w(model_);
        w.show();
        w.open_paths({in});
        QVERIFY(test::wait_idle(w.batch()));
        QTRY_COMPARE(w.summary_bar()->summary().files(), size_t(3));
        QVERIFY(w.summary_bar()->isVisible());
        QCOMPARE(w.summary_bar()->summary().errors(), size_t(1));
        QVERIFY(std::abs(w.summary_bar()->summary().duration_s() - 9.0) < 1e-3);
        QVERIFY(w.summary_bar()->text().endsWith(QStringLiteral("1 failed")));

        const QString csv = dir_.filePath(QStringLiteral("summary.csv"));
        QCOMPARE(w.export_summary(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QCOMPARE(text, QString::fromStdString(w.summary_bar()->summary().to_csv()));
        QVERIFY(text.startsWith(QStringLiteral("class,files,duration_s,share_of_files\n")));
        QVERIFY(text.contains(QStringLiteral("\ntotal,2,9.000,1.0000\n")));
        QVERIFY(text.endsWith(QStringLiteral("errors,1,0.000,0.0000\n")));
        // A folder that cannot be written: the reason, not a crash.
        QVERIFY(!w.export_summary(dir_.filePath(QStringLiteral("missing/dir/summary.csv"))).isEmpty());
    }
};

QTEST_MAIN(SummaryBarTest)
#include "test_summary_bar.moc"
