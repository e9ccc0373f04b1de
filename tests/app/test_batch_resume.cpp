// Pause, quit, resume: the app's batch on the journal of `socialctx classify --resume`. A window paused and closed
// mid-batch leaves a journal; the next window offers the rest and finishes it with every file exactly once. The
// same after a kill -9 of the real app process. Cancel and Clear leave nothing to resume; new files replace an
// unfinished batch.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <csignal>
#include <map>

#include "app_test_support.h"
#include "batch_controller.h"
#include "main_window.h"
#include "results_model.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

/// file -> number of records, from a JSONL journal; every line must be a complete record.
std::map<QString, int> journal_counts(const QString& path, int* bad_lines = nullptr) {
    std::map<QString, int> counts;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return counts;
    int bad = 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty()) continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.isEmpty())
            ++bad;
        else
            ++counts[o.value(QStringLiteral("file")).toString()];
    }
    if (bad_lines) *bad_lines = bad;
    return counts;
}

int lines_in(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return 0;
    return int(f.readAll().count('\n'));
}

}  // namespace

class BatchResumeTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString model_;
    QString folder_;
    QStringList files_;

    QString journal() const {
        return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
               QStringLiteral("/batch/results.jsonl");
    }

    /// A session that starts the folder, pauses after the first file and quits.
    void leave_a_paused_batch() {
        MainWindow w(model_);
        w.open_paths({folder_});
        QVERIFY(QTest::qWaitFor([&] { return w.batch()->done() >= 1; }, 60000));
        w.batch()->set_paused(true);
        w.close();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
        folder_ = dir_.filePath(QStringLiteral("clips"));
        QVERIFY(QDir().mkpath(folder_));
        // Long enough that a batch is still running when the test pauses it (each ~20 windows).
        for (int i = 0; i < 16; ++i) {
            files_ << QStringLiteral("%1/clip%2.wav").arg(folder_).arg(i, 2, 10, QLatin1Char('0'));
            test::write_tone(files_.last(), 30.0, 200.0 + 40 * i);
        }
        test::write_broken_wav(folder_ + QStringLiteral("/broken.wav"));
        files_ << folder_ + QStringLiteral("/broken.wav");
    }

    void paused_and_closed_then_resumed_in_a_new_window() {
        int done_before = 0;
        {
            MainWindow w(model_);
            w.show();
            QVERIFY(!w.resume_offered());
            w.open_paths({folder_});
            QVERIFY(QTest::qWaitFor([&] { return w.batch()->done() >= 3; }, 60000));
            w.batch()->set_paused(true);
            QVERIFY(w.batch()->busy());
            w.close();  // quitting while paused: the files in progress stop, nothing is cancelled in the journal
            done_before = int(journal_counts(journal()).size());
        }
        QVERIFY2(done_before >= 3 && done_before < files_.size(), qPrintable(QString::number(done_before)));

        MainWindow w(model_);
        w.show();
        QVERIFY(w.resume_offered());
        const QLabel* banner = w.findChild<QLabel*>(QStringLiteral("resumeBanner"));
        QVERIFY(banner);
        QVERIFY2(banner->text().contains(QStringLiteral("%1 of %2 files").arg(done_before).arg(files_.size())),
                 qPrintable(banner->text()));
        // The finished files are in the table at once; only the rest is queued.
        QCOMPARE(w.resume_unfinished(), int(files_.size()) - done_before);
        QVERIFY(!w.resume_offered());
        QCOMPARE(w.results()->rowCount(), int(files_.size()));
        QCOMPARE(w.results()->count(RowStatus::Done) + w.results()->count(RowStatus::Failed), done_before);
        QVERIFY(test::wait_idle(w.batch(), 120000));
        QCOMPARE(w.batch()->done(), int(files_.size()));
        QCOMPARE(w.results()->count(RowStatus::Done), int(files_.size()) - 1);
        QCOMPARE(w.results()->count(RowStatus::Failed), 1);

        int bad = 0;
        const auto counts = journal_counts(journal(), &bad);
        QCOMPARE(bad, 0);
        QCOMPARE(int(counts.size()), int(files_.size()));
        for (const QString& f : files_) QVERIFY2(counts.count(f) && counts.at(f) == 1, qPrintable(f));
        // The table and the journal agree on every label.
        QFile jf(journal());
        QVERIFY(jf.open(QIODevice::ReadOnly));
        for (const QByteArray& line : jf.readAll().split('\n')) {
            if (line.isEmpty()) continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const ResultRow& row =
                w.results()->row_at(w.results()->find(o.value(QStringLiteral("file")).toString().toStdString()));
            if (row.status == RowStatus::Done)
                QCOMPARE(o.value(QStringLiteral("label_index")).toInt(), row.result.label_index);
            else
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("error"));
        }
    }

    void a_finished_batch_is_not_offered_again() {
        MainWindow w(model_);
        QVERIFY(!w.resume_offered());
        QVERIFY(!QFile::exists(journal()));  // nothing was left to do: the new session starts clean
    }

    void cancel_and_clear_leave_nothing_to_resume() {
        {
            MainWindow w(model_);
            w.open_paths({folder_});
            QVERIFY(QTest::qWaitFor([&] { return w.batch()->done() >= 1; }, 60000));
            w.batch()->cancel();
            w.close();
        }
        {
            MainWindow w(model_);
            QVERIFY(!w.resume_offered());
            w.open_paths({folder_});
            QVERIFY(QTest::qWaitFor([&] { return w.batch()->done() >= 1; }, 60000));
            w.batch()->clear();
            QVERIFY(!QFile::exists(journal()));
            w.close();
        }
        MainWindow w(model_);
        QVERIFY(!w.resume_offered());
    }

    void new_files_replace_an_unfinished_batch() {
        leave_a_paused_batch();
        if (QTest::currentTestFailed()) return;
        MainWindow w(model_);
        QVERIFY(w.resume_offered());
        w.open_paths({files_[0], files_[1]});  // the user moved on
        QVERIFY(!w.resume_offered());
        QVERIFY(test::wait_idle(w.batch(), 60000));
        QCOMPARE(w.results()->rowCount(), 2);
        const auto counts = journal_counts(journal());
        QCOMPARE(int(counts.size()), 2);
        QVERIFY(counts.count(files_[0]) && counts.count(files_[1]));
        w.batch()->clear();
    }

    void discard_from_the_banner() {
        leave_a_paused_batch();
        if (QTest::currentTestFailed()) return;
        {
            MainWindow w(model_);
            QVERIFY(w.resume_offered());
            auto* banner = w.findChild<QLabel*>(QStringLiteral("resumeBanner"));
            Q_EMIT banner->linkActivated(QStringLiteral("discard"));
            QVERIFY(!w.resume_offered());
            QCOMPARE(w.results()->rowCount(), 0);
        }
        MainWindow w(model_);
        QVERIFY(!w.resume_offered());
    }

    void a_second_window_works_in_memory() {
        MainWindow first(model_);
        QVERIFY(!first.batch()->journal_dir().isEmpty());
        MainWindow second(model_);  // e.g. the app started twice
        QVERIFY(second.batch()->journal_dir().isEmpty());
        QVERIFY2(second.statusBar()->currentMessage().contains(QStringLiteral("another window")),
                 qPrintable(second.statusBar()->currentMessage()));
        second.open_paths({files_[0]});
        QVERIFY(test::wait_idle(second.batch(), 60000));
        QCOMPARE(second.results()->count(RowStatus::Done), 1);
        QVERIFY(!QFile::exists(journal()));  // the first window's journal was not touched
    }

    void kill_9_of_the_app_then_resume() {
        // The real program, offscreen, killed without warning mid-batch; started again with --resume.
        QProcess app;
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = dir_.filePath(QStringLiteral("killed-home"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        const QString journal_file = home + QStringLiteral("/data/socialctx/socialctx-gui/batch/results.jsonl");

        app.start(QStringLiteral(SOCIALCTX_GUI), {QStringLiteral("--model"), model_, folder_});
        QVERIFY(app.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] { return lines_in(journal_file) >= 4; }, 120000), "no records");
        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished());
        const int kept = int(journal_counts(journal_file).size());
        QVERIFY2(kept >= 4 && kept < files_.size(), qPrintable(QString::number(kept)));

        app.start(QStringLiteral(SOCIALCTX_GUI), {QStringLiteral("--model"), model_, QStringLiteral("--resume")});
        QVERIFY(app.waitForStarted());
        QVERIFY2(QTest::qWaitFor([&] { return int(journal_counts(journal_file).size()) == files_.size(); }, 120000),
                 qPrintable(QString::number(journal_counts(journal_file).size())));
        QTest::qWait(500);  // anything that would come twice comes now
        app.terminate();
        QVERIFY(app.waitForFinished());

        int bad = 0;
        const auto counts = journal_counts(journal_file, &bad);
        QCOMPARE(bad, 0);  // a line torn by the kill was dropped before appending
        for (const QString& f : files_) QVERIFY2(counts.count(f) && counts.at(f) == 1, qPrintable(f));
        qInfo("kill -9 after %d of %d files; resumed: %d more, each file exactly once", kept, int(files_.size()),
              int(files_.size()) - kept);
    }
};

QTEST_MAIN(BatchResumeTest)
#include "test_batch_resume.moc"
