// Keyboard-only use: Tab walks the window in a sensible order through the drop area, the filter, the table, the
// details (chart, timeline) and the play button; Enter on the drop area asks for files; every menu and action can
// be reached from the keyboard; every custom widget has an accessible name (what a screen reader announces).
#include <QAction>
#include <QLineEdit>
#include <QApplication>
#include <QFileOpenEvent>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "app_test_support.h"
#include "batch_controller.h"
#include "batch_summary_bar.h"
#include "details_panel.h"
#include "drop_area.h"
#include "example_clips.h"
#include "file_open_handler.h"
#include "main_window.h"
#include "playback.h"
#include "probability_chart.h"
#include "spectrogram_view.h"
#include "timeline_strip.h"

using namespace sctx::gui;

class KeyboardTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString model_;

    // Presses Tab from the drop area until focus comes back to it; the names of the widgets reached, in order.
    // `twice` counts widgets reached a second time before that (a loop that never gets back).
    static QStringList tab_walk(MainWindow& w, int* twice) {
        auto* drop = w.findChild<DropArea*>(QStringLiteral("dropArea"));
        drop->setFocus(Qt::TabFocusReason);
        QStringList reached;
        QList<QWidget*> seen;
        *twice = 0;
        for (int i = 0; i < 40; ++i) {
            QWidget* now = QApplication::focusWidget();
            if (!now) break;
            // A label steps through its links with Tab before focus leaves it: consecutive visits are one stop.
            if (seen.contains(now) && seen.back() != now) ++*twice;
            seen << now;
            reached << (now->objectName().isEmpty() ? QString::fromLatin1(now->metaObject()->className())
                                                    : now->objectName());
            QTest::keyClick(now, Qt::Key_Tab);
            if (QApplication::focusWidget() == drop) break;
        }
        return reached;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
    }

    void tabReachesDropAreaFilterTableDetailsAndPlay() {
        const QString in = dir_.filePath(QStringLiteral("clips"));
        QDir().mkpath(in);
        test::write_tone(in + QStringLiteral("/a.wav"), 7.0);
        MainWindow w(model_);
        w.set_select_first(true);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.open_paths({in});
        QVERIFY(test::wait_idle(w.batch()));
        QTRY_VERIFY(w.table()->selectionModel()->hasSelection());

        int twice = 0;
        const QStringList walk = tab_walk(w, &twice);
        const auto at = [&](const char* name) { return walk.indexOf(QString::fromLatin1(name)); };
        QVERIFY2(at("dropArea") == 0, qPrintable(walk.join(QLatin1Char(' '))));
        QVERIFY2(at("dropLinks") == 1, qPrintable(walk.join(QLatin1Char(' '))));  // its links, then on
        QVERIFY2(at("searchEdit") > 0, qPrintable(walk.join(QLatin1Char(' '))));
        QVERIFY2(at("resultsView") > at("searchEdit"), qPrintable(walk.join(QLatin1Char(' '))));
        QVERIFY2(at("probabilityChart") > at("resultsView"), qPrintable(walk.join(QLatin1Char(' '))));
        QVERIFY2(at("timelineStrip") > at("probabilityChart"), qPrintable(walk.join(QLatin1Char(' '))));
        if (Playback::available())
            QVERIFY2(at("playButton") > at("timelineStrip"), qPrintable(walk.join(QLatin1Char(' '))));
        else
            QVERIFY(!w.findChild<QWidget*>(QStringLiteral("playButton"))->isVisible());
        QVERIFY2(twice == 0, qPrintable(walk.join(QLatin1Char(' '))));  // a walk that gets back, not a loop

        // The timeline's arrow keys play from the next window, as a click would.
        auto* timeline = w.findChild<TimelineStrip*>(QStringLiteral("timelineStrip"));
        QVERIFY(timeline->segment_count() >= 2);
        QSignalSpy seek(timeline, &TimelineStrip::seek_requested);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_Right);
        QTest::keyClick(timeline, Qt::Key_Right);
        QCOMPARE(seek.count(), 2);
        QVERIFY(seek.at(1).at(0).toDouble() > 0);
        QTest::keyClick(timeline, Qt::Key_Home);
        QCOMPARE(seek.at(2).at(0).toDouble(), 0.0);
        QVERIFY(!timeline->accessibleDescription().isEmpty());
        QVERIFY(!w.findChild<ProbabilityChart*>(QStringLiteral("probabilityChart"))->accessibleDescription().isEmpty());
    }

    // Esc typed in the filter clears the filter and leaves the batch alone; Esc in the table cancels it.
    void escapeCancelsOnlyFromTheTableNeverWhileTyping() {
        const QString in = dir_.filePath(QStringLiteral("many"));
        QDir().mkpath(in);
        for (int i = 0; i < 12; ++i) test::write_tone(in + QStringLiteral("/t%1.wav").arg(i), 1.0, 200 + 20 * i);
        MainWindow w(model_);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.batch()->set_paused(true);  // the batch stays busy while the keys are pressed
        w.open_paths({in});
        QTRY_COMPARE(w.results()->rowCount(), 12);
        QVERIFY(w.batch()->busy());
        auto* search = w.findChild<QLineEdit*>(QStringLiteral("searchEdit"));
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("t1"));
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(search->text(), QString());  // the filter is cleared ...
        QTest::qWait(50);
        QCOMPARE(w.results()->count(RowStatus::Cancelled), 0);  // ... and nothing is cancelled
        QVERIFY(w.batch()->busy());
        w.table()->setFocus();
        QTest::keyClick(w.table(), Qt::Key_Escape);
        QTRY_VERIFY(!w.batch()->busy());
        QVERIFY(w.results()->count(RowStatus::Cancelled) > 0);
    }

    void f1OpensTheUserGuideThatCameWithTheApp() {
        const QString guide = user_guide_path();
        QVERIFY2(guide.endsWith(QStringLiteral("user-guide.md")), qPrintable(guide));  // the build tree's here
        MainWindow w(model_);
        bool found = false;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::Key_F1)) found = true;
        QVERIFY(found);
    }

    // Finder's "Open With" (a QFileOpenEvent per item): the files land in the batch as one drop.
    void filesOpenedByTheDesktopGoToTheBatch() {
        const QString in = dir_.filePath(QStringLiteral("finder"));
        QDir().mkpath(in);
        test::write_tone(in + QStringLiteral("/x.wav"), 1.0);
        test::write_tone(in + QStringLiteral("/y.wav"), 1.0, 300);
        MainWindow w(model_);
        FileOpenHandler handler(&w);
        QFileOpenEvent x(in + QStringLiteral("/x.wav"));
        QFileOpenEvent y(QUrl::fromLocalFile(in + QStringLiteral("/y.wav")));
        QCoreApplication::sendEvent(qApp, &x);
        QCoreApplication::sendEvent(qApp, &y);
        QTRY_COMPARE(w.results()->rowCount(), 2);
        QVERIFY(test::wait_idle(w.batch()));
        QCOMPARE(w.results()->count(RowStatus::Done), 2);
    }

    void enterOnTheDropAreaAsksForFiles() {
        DropArea drop;
        QSignalSpy asked(&drop, &DropArea::open_files_requested);
        QTest::keyClick(&drop, Qt::Key_Return);
        QTest::keyClick(&drop, Qt::Key_Space);
        QCOMPARE(asked.count(), 2);
    }

    void everyMenuAndActionIsReachableFromTheKeyboard() {
        MainWindow w(model_);
        for (QAction* menu : w.menuBar()->actions()) {
            QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));  // Alt+letter
            QVERIFY(menu->menu());
            for (QAction* a : menu->menu()->actions()) {
                if (a->isSeparator() || a->text().isEmpty()) continue;
                QVERIFY2(a->text().contains(QLatin1Char('&')) || !a->shortcut().isEmpty(), qPrintable(a->text()));
            }
        }
    }

    void everyCustomWidgetHasAnAccessibleName() {
        MainWindow w(model_);
        QList<QWidget*> custom;
        for (auto* x : w.findChildren<DropArea*>()) custom << x;
        for (auto* x : w.findChildren<ProbabilityChart*>()) custom << x;
        for (auto* x : w.findChildren<SpectrogramView*>()) custom << x;
        for (auto* x : w.findChildren<TimelineStrip*>()) custom << x;
        for (auto* x : w.findChildren<BatchSummaryBar*>()) custom << x;
        for (auto* x : w.findChildren<DetailsPanel*>()) custom << x;
        QCOMPARE(custom.size(), 6);
        for (QWidget* x : custom) QVERIFY2(!x->accessibleName().isEmpty(), x->metaObject()->className());
    }
};

QTEST_MAIN(KeyboardTest)
#include "test_keyboard.moc"
