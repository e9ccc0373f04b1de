// The window with a real model and real files: a dropped folder fills every row with the right status, exports
// match the table, a big batch cancels quickly while the window keeps responding, pause holds the queue, and a
// second drop while running queues more.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include "app_test_support.h"
#include "batch_controller.h"
#include "details_panel.h"
#include "drop_area.h"
#include "main_window.h"
#include "model_manager.h"
#include "model/model_config.h"
#include "results_filter.h"
#include "results_model.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

QStringList read_lines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    return lines;
}

const ResultRow* row_named(const ResultsModel& m, const QString& name) {
    for (int r = 0; r < m.rowCount(); ++r)
        if (m.index(r, ResultsModel::FileColumn).data().toString() == name) return &m.row_at(r);
    return nullptr;
}

}  // namespace

class BatchWindowTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString model_;
    QString mixed_;  // folder of good, converted and broken files
    QStringList good_names_;
    QStringList broken_names_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
        mixed_ = dir_.filePath(QStringLiteral("mixed"));
        QVERIFY(QDir().mkpath(mixed_ + QStringLiteral("/sub")));
        test::write_tone(mixed_ + QStringLiteral("/short.wav"), 1.0, 300);
        test::write_tone(mixed_ + QStringLiteral("/sub/long.wav"), 7.5, 800);
        test::write_tone(mixed_ + QStringLiteral("/rate44k.wav"), 3.0, 1000, 44100);
        good_names_ = {QStringLiteral("short.wav"), QStringLiteral("long.wav"), QStringLiteral("rate44k.wav")};
        if (test::ffmpeg_convert(mixed_ + QStringLiteral("/short.wav"), mixed_ + QStringLiteral("/converted.mp3")))
            good_names_ << QStringLiteral("converted.mp3");
        if (test::ffmpeg_convert(mixed_ + QStringLiteral("/short.wav"), mixed_ + QStringLiteral("/converted.flac")))
            good_names_ << QStringLiteral("converted.flac");
        test::write_broken_wav(mixed_ + QStringLiteral("/broken.wav"));
        QFile empty(mixed_ + QStringLiteral("/empty.wav"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        broken_names_ = {QStringLiteral("broken.wav"), QStringLiteral("empty.wav")};
        QFile notes(mixed_ + QStringLiteral("/notes.txt"));  // not audio: a folder walk leaves it out
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not audio");
    }

    void dropped_folder_fills_every_row() {
        MainWindow w(model_);
        w.show();
        QVERIFY(w.models()->model());
        test::drop_paths(w.drop_area(), {mixed_});
        QVERIFY(test::wait_idle(w.batch()));

        const ResultsModel& m = *w.results();
        QCOMPARE(m.rowCount(), int(good_names_.size() + broken_names_.size()));
        for (const QString& name : good_names_) {
            const ResultRow* r = row_named(m, name);
            QVERIFY2(r, qPrintable(name));
            QVERIFY2(r->status == RowStatus::Done,
                     qPrintable(name + QStringLiteral(": ") + QString::fromStdString(r->result.error)));
            QVERIFY(r->result.label_index >= 0 && r->result.label_index < 5);
            const int row = m.find(r->result.file);
            QVERIFY(!m.index(row, ResultsModel::ClassColumn).data().toString().isEmpty());
            QCOMPARE(r->result.probabilities.size(), size_t(5));
        }
        for (const QString& name : broken_names_) {
            const ResultRow* r = row_named(m, name);
            QVERIFY2(r, qPrintable(name));
            QCOMPARE(r->status, RowStatus::Failed);
            QVERIFY(!r->result.error.empty());
            const int row = m.find(r->result.file);
            QVERIFY(m.index(row, ResultsModel::StatusColumn).data().toString().startsWith(QStringLiteral("Error: ")));
        }
        QVERIFY(!row_named(m, QStringLiteral("notes.txt")));
        // 7.5 s, windows of 3 s every 1.5 s: 0, 1.5, 3, 4.5 (the last ends exactly at the end).
        QCOMPARE(row_named(m, QStringLiteral("long.wav"))->result.segments.size(), size_t(4));
        QVERIFY(!w.batch()->busy());
        // The folder is offered again under File > Open recent.
        QCOMPARE(QSettings().value(QStringLiteral("files/recent")).toStringList().value(0), mixed_);
    }

    void export_matches_the_table() {
        MainWindow w(model_);
        test::drop_paths(w.drop_area(), {mixed_});
        QVERIFY(test::wait_idle(w.batch()));
        QTableView* view = w.table();
        const QAbstractItemModel* shown = view->model();
        const int n = shown->rowCount();
        QVERIFY(n >= 5);

        const QString csv = dir_.filePath(QStringLiteral("all.csv"));
        QCOMPARE(w.export_table(csv, ExportFormat::Csv, false), QString());
        const QStringList lines = read_lines(csv);
        QCOMPARE(lines.size(), n + 1);
        // The header of `socialctx classify --format csv`: the same writer.
        QVERIFY(lines[0].startsWith(QStringLiteral("file,status,error,duration_s,label,label_index,confidence,")));
        for (int r = 0; r < n; ++r) {
            const QString path = shown->index(r, 0).data(ResultsModel::PathRole).toString();
            const QString status = shown->index(r, 0).data(ResultsModel::StatusRole).toInt() == int(RowStatus::Done)
                                       ? QStringLiteral("ok")
                                       : QStringLiteral("error");
            QVERIFY2(lines[r + 1].startsWith(path + QLatin1Char(',') + status + QLatin1Char(',')),
                     qPrintable(lines[r + 1]));
            if (status == QLatin1String("ok")) {
                const QStringList cols = lines[r + 1].split(QLatin1Char(','));
                QCOMPARE(cols[4], shown->index(r, ResultsModel::ClassColumn).data().toString());
            }
        }

        // JSON of the selection: two rows, in table order.
        view->selectRow(0);
        view->selectionModel()->select(shown->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QString json = dir_.filePath(QStringLiteral("selection.json"));
        QCOMPARE(w.export_table(json, ExportFormat::Json, true), QString());
        QFile jf(json);
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonArray records = QJsonDocument::fromJson(jf.readAll()).array();
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].toObject()[QStringLiteral("file")].toString(),
                 shown->index(0, 0).data(ResultsModel::PathRole).toString());
        QCOMPARE(records[1].toObject()[QStringLiteral("file")].toString(),
                 shown->index(2, 0).data(ResultsModel::PathRole).toString());

        // The clipboard text has the same two rows.
        const QStringList copied = w.selected_rows_text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(copied.size(), 3);
        QVERIFY(copied[1].startsWith(shown->index(0, 0).data(ResultsModel::PathRole).toString() + QLatin1Char('\t')));

        // Audacity labels: one line per window of each good file, prefixed with its name.
        const QString labels = dir_.filePath(QStringLiteral("labels.txt"));
        QCOMPARE(w.export_table(labels, ExportFormat::Audacity, false), QString());
        size_t windows = 0;
        for (int r = 0; r < w.results()->rowCount(); ++r) windows += w.results()->row_at(r).result.segments.size();
        const QStringList label_lines = read_lines(labels);
        QCOMPARE(size_t(label_lines.size()), windows);
        QCOMPARE(label_lines.filter(QStringLiteral("long.wav: ")).size(), 4);

        // Raven selection table and Sonic Visualiser layer: the core's writers, one line per window, read back.
        const QString raven = dir_.filePath(QStringLiteral("table.selections.txt"));
        QCOMPARE(export_format_for(export_filters()[int(ExportFormat::Raven)], raven), ExportFormat::Raven);
        QCOMPARE(export_format_for(QString(), raven), ExportFormat::Raven);  // by its name alone, too
        QCOMPARE(w.export_table(raven, ExportFormat::Raven, false), QString());
        const QStringList raven_lines = read_lines(raven);
        QCOMPARE(size_t(raven_lines.size()), windows + 1);
        QVERIFY(raven_lines[0].startsWith(
            QStringLiteral("Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\t")));
        const ResultRow* long_row = row_named(*w.results(), QStringLiteral("long.wav"));
        QVERIFY(long_row);
        const QString long_path = QFile::decodeName(QByteArray::fromStdString(long_row->result.file));
        const QStringList long_lines = raven_lines.filter(QLatin1Char('\t') + long_path + QLatin1Char('\t'));
        QCOMPARE(long_lines.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QStringList f = long_lines[i].split(QLatin1Char('\t'));
            QCOMPARE(f.size(), 11);
            const Segment& s = long_row->result.segments[size_t(i)];
            QCOMPARE(f[3].toDouble(), s.start_s);
            QCOMPARE(f[4].toDouble(), s.end_s);
            QCOMPARE(f[7], QString::fromStdString(w.results()->class_names()[size_t(s.label_index)]));
        }
        const QString layer = dir_.filePath(QStringLiteral("layer.csv"));
        QCOMPARE(w.export_table(layer, ExportFormat::SonicVisualiser, false), QString());
        const QStringList layer_lines = read_lines(layer);
        QCOMPARE(size_t(layer_lines.size()), windows);
        const QStringList long_layer = layer_lines.filter(QStringLiteral(",long.wav: "));
        QCOMPARE(long_layer.size(), 4);
        const QStringList f = long_layer[1].split(QLatin1Char(','));
        QCOMPARE(f.size(), 3);
        QCOMPARE(f[0].toDouble(), long_row->result.segments[1].start_s);
        QCOMPARE(f[1].toDouble(), long_row->result.segments[1].end_s - long_row->result.segments[1].start_s);

        // An unwritable target is reported, not ignored.
        QVERIFY(
            !w.export_table(dir_.filePath(QStringLiteral("missing-dir/x.csv")), ExportFormat::Csv, false).isEmpty());
    }

    void cancel_stops_a_big_batch_quickly_and_the_window_responds() {
        const QString big = dir_.filePath(QStringLiteral("big"));
        QVERIFY(QDir().mkpath(big));
        for (int i = 0; i < 300; ++i)
            test::write_tone(big + QStringLiteral("/clip%1.wav").arg(i, 3, 10, QLatin1Char('0')), 4.0, 200 + i);

        MainWindow w(model_);
        w.show();
        // The event loop must keep turning while files are classified: a timer measures the longest gap.
        QElapsedTimer since_tick;
        since_tick.start();
        qint64 longest_gap = 0;
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&] { longest_gap = std::max(longest_gap, since_tick.restart()); });
        ticker.start(10);

        test::drop_paths(w.drop_area(), {big});
        QTRY_VERIFY_WITH_TIMEOUT(w.batch()->done() >= 5, 60000);
        QVERIFY(w.batch()->busy());
        QVERIFY(w.batch()->total() == 300);

        // A second drop while running queues more work in the same batch.
        const QString extra = dir_.filePath(QStringLiteral("extra.wav"));
        test::write_tone(extra, 1.0);
        test::drop_paths(w.drop_area(), {extra});
        QTRY_COMPARE_WITH_TIMEOUT(w.batch()->total(), 301, 5000);

        QElapsedTimer cancel_clock;
        cancel_clock.start();
        w.batch()->cancel();
        QVERIFY(!w.batch()->busy());  // the window is free at once
        QTRY_VERIFY_WITH_TIMEOUT(w.batch()->active_workers() == 0, 5000);
        const qint64 stop_ms = cancel_clock.elapsed();
        qInfo("cancel: workers stopped after %lld ms; longest event-loop gap %lld ms", stop_ms, longest_gap);
        QVERIFY2(stop_ms < 1500, qPrintable(QStringLiteral("workers took %1 ms to stop").arg(stop_ms)));

        const ResultsModel& m = *w.results();
        QCOMPARE(m.rowCount(), 301);
        QVERIFY(m.count(RowStatus::Done) < 301);
        QCOMPARE(m.count(RowStatus::Done) + m.count(RowStatus::Cancelled), 301);
        QCOMPARE(m.count(RowStatus::Queued) + m.count(RowStatus::Running), 0);
        QVERIFY2(longest_gap < 1000, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(longest_gap)));

        // Still usable: a cancelled file can be classified again.
        const QString last = big + QStringLiteral("/clip299.wav");
        const int last_row = m.find(QFile::encodeName(last).toStdString());
        QCOMPARE(m.row_at(last_row).status, RowStatus::Cancelled);  // sorted last: never reached
        w.open_paths({last});
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(m.row_at(last_row).status, RowStatus::Done);
        QCOMPARE(m.count(RowStatus::Queued) + m.count(RowStatus::Running), 0);
    }

    void cancel_stops_a_long_recording_mid_file() {
        const QString long_file = dir_.filePath(QStringLiteral("twenty-minutes.wav"));
        test::write_tone(long_file, 20 * 60.0, 300);
        MainWindow w(model_);
        w.open_paths({long_file});
        QTRY_VERIFY_WITH_TIMEOUT(w.results()->rowCount() == 1 && w.results()->row_at(0).status == RowStatus::Running,
                                 10000);
        QTest::qWait(300);  // well into the file
        QElapsedTimer clock;
        clock.start();
        w.batch()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(w.batch()->active_workers() == 0, 5000);
        qInfo("long file: stopped %lld ms after cancel", clock.elapsed());
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
        QCOMPARE(w.results()->row_at(0).status, RowStatus::Cancelled);
        QFile::remove(long_file);
    }

    void pause_holds_files_until_resumed() {
        MainWindow w(model_);
        w.batch()->set_paused(true);
        test::drop_paths(w.drop_area(), {mixed_});
        QTest::qWait(800);
        QCOMPARE(w.results()->count(RowStatus::Done), 0);  // nothing started while paused
        QVERIFY(w.batch()->busy());
        w.batch()->set_paused(false);
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(w.results()->count(RowStatus::Done), int(good_names_.size()));
    }

    void selecting_a_row_shows_its_details() {
        MainWindow w(model_);
        w.show();
        w.open_paths({mixed_ + QStringLiteral("/sub/long.wav")});
        QVERIFY(test::wait_idle(w.batch()));
        w.table()->selectRow(0);
        QCOMPARE(w.details()->shown_file(), mixed_ + QStringLiteral("/sub/long.wav"));
        QTRY_VERIFY_WITH_TIMEOUT(!w.grab().isNull(), 1000);
    }
};

QTEST_MAIN(BatchWindowTest)
#include "test_batch_window.moc"
