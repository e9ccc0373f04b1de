// The batch summary under the table: counts by class and duration follow the rows as a real batch (real files,
// a real model) fills them, failures are counted apart, and File ▸ Export summary writes the same numbers as CSV.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "batch_controller.h"
#include "batch_summary_bar.h"
#include "main_window.h"
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
