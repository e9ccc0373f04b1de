// A table you can read (issue 12, item 1), on the real window offscreen: after a folder is dropped, a 40-character
// file name is shown whole at the default window size (the File column is sized to its content), the full path is
// the tooltip, the Folder column shows each file's sub-folder relative to the dropped folder, and sorting and
// filtering still work with the new column. In a window too narrow for the names they are elided, not cut off.
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QStyle>
#include <QTableView>
#include <QTest>

#include "app_test_support.h"
#include "batch_controller.h"
#include "main_window.h"
#include "results_filter.h"
#include "results_model.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

const QString kLongName = QStringLiteral("kitchen-conversation-june-2024-take1.wav");

int row_of(QTableView* view, const QString& name) {
    QAbstractItemModel* m = view->model();
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, ResultsModel::FileColumn).data().toString() == name) return r;
    return -1;
}

/// What the view paints in the cell: the text elided to the cell's width less the style's text margins, exactly as
/// QCommonStyle does for item views.
QString painted_text(QTableView* view, const QModelIndex& index) {
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    const int width = view->visualRect(index).width() - 2 * margin;
    return view->fontMetrics().elidedText(index.data().toString(), view->textElideMode(), width);
}

}  // namespace

class ResultsTableTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString model_, root_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QCOMPARE(kLongName.size(), 40);
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        model_ = test::make_model(dir_.path());
        root_ = dir_.filePath(QStringLiteral("recordings"));
        QVERIFY(QDir().mkpath(root_ + QStringLiteral("/formats/deeper")));
        test::write_tone(root_ + QLatin1Char('/') + kLongName, 1.0);
        test::write_tone(root_ + QStringLiteral("/top.wav"), 1.0);
        test::write_tone(root_ + QStringLiteral("/formats/short.wav"), 1.0);
        test::write_tone(root_ + QStringLiteral("/formats/deeper/deep.wav"), 1.0);
    }

    void a_forty_character_name_is_shown_whole_at_the_default_size() {
        MainWindow w(model_);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.open_paths({root_});
        QVERIFY(test::wait_idle(w.batch()));
        QApplication::processEvents();
        QTableView* view = w.table();
        const int row = row_of(view, kLongName);
        QVERIFY(row >= 0);
        const QModelIndex cell = view->model()->index(row, ResultsModel::FileColumn);
        QCOMPARE(painted_text(view, cell), kLongName);  // not "kitchen-con…take1.wav"
        const QRect rect = view->visualRect(cell);
        QVERIFY2(rect.left() >= 0 && rect.right() <= view->viewport()->width(), "the whole cell is in view");
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), root_ + QLatin1Char('/') + kLongName);
    }

    void the_folder_column_shows_sub_folders() {
        MainWindow w(model_);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.open_paths({root_});
        QVERIFY(test::wait_idle(w.batch()));
        QTableView* view = w.table();
        QCOMPARE(view->model()->headerData(ResultsModel::FolderColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Folder"));
        const auto folder = [&](const QString& name) {
            const int row = row_of(view, name);
            return row < 0 ? QStringLiteral("<missing>")
                           : view->model()->index(row, ResultsModel::FolderColumn).data().toString();
        };
        QCOMPARE(folder(QStringLiteral("top.wav")), QString());  // the dropped folder's own files
        QCOMPARE(folder(QStringLiteral("short.wav")), QStringLiteral("formats"));
        QCOMPARE(folder(QStringLiteral("deep.wav")), QStringLiteral("formats/deeper"));
        const QModelIndex sub =
            view->model()->index(row_of(view, QStringLiteral("short.wav")), ResultsModel::FolderColumn);
        QCOMPARE(painted_text(view, sub), QStringLiteral("formats"));
        QCOMPARE(sub.data(Qt::ToolTipRole).toString(), root_ + QStringLiteral("/formats"));

        // Sorting by folder: the top folder's files first, then formats, then formats/deeper.
        view->sortByColumn(ResultsModel::FolderColumn, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(3, ResultsModel::FileColumn).data().toString(), QStringLiteral("deep.wav"));
        QCOMPARE(view->model()->index(2, ResultsModel::FileColumn).data().toString(), QStringLiteral("short.wav"));
        view->sortByColumn(ResultsModel::FolderColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, ResultsModel::FileColumn).data().toString(), QStringLiteral("deep.wav"));

        // Filtering by text matches the folder too.
        auto* search = w.findChild<QLineEdit*>(QStringLiteral("searchEdit"));
        QVERIFY(search);
        search->setText(QStringLiteral("formats/"));
        QCOMPARE(view->model()->rowCount(), 2);
        search->clear();
        QCOMPARE(view->model()->rowCount(), 4);
    }

    void a_file_named_by_itself_has_no_folder() {
        ResultsModel m;
        m.add_roots({QFile::encodeName(root_ + QStringLiteral("/formats/short.wav")).toStdString()});
        m.add_files({QFile::encodeName(root_ + QStringLiteral("/formats/short.wav")).toStdString()});
        QCOMPARE(m.index(0, ResultsModel::FolderColumn).data().toString(), QString());
    }

    void the_nearest_dropped_folder_counts_and_resume_uses_the_common_one() {
        QCOMPARE(relative_folder("/a/b/c/x.wav", {"/a/b/c", "/a"}), std::string());
        QCOMPARE(relative_folder("/a/b/c/x.wav", {"/a"}), std::string("b/c"));
        QCOMPARE(relative_folder("/ab/x.wav", {"/a"}), std::string());  // "/a" does not hold "/ab"
        QCOMPARE(common_folder({"/a/b/x.wav", "/a/b/c/y.wav", "/a/d/z.wav"}), std::string("/a"));
        QCOMPARE(common_folder({"/a/b/x.wav"}), std::string("/a/b"));
        QCOMPARE(common_folder({"/ab/x.wav", "/ac/y.wav"}), std::string("/"));
    }

    void a_window_too_narrow_elides_the_name_in_the_middle() {
        MainWindow w(model_);
        w.resize(520, 500);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.open_paths({root_});
        QVERIFY(test::wait_idle(w.batch()));
        QTableView* view = w.table();
        const QModelIndex cell = view->model()->index(row_of(view, kLongName), ResultsModel::FileColumn);
        const QString shown = painted_text(view, cell);
        QVERIFY2(shown != kLongName && shown.contains(QChar(0x2026)), qPrintable(shown));
        QVERIFY2(shown.endsWith(QStringLiteral(".wav")), qPrintable(shown));  // the extension survives
        QVERIFY(view->visualRect(cell).right() <= view->viewport()->width());
    }
};

QTEST_MAIN(ResultsTableTest)
#include "test_results_table.moc"
