// The results table model and its filter: rows as files come and go, numeric sorting, class/status/name
// filters, and 10,000 rows inserted, sorted and filtered (functional checks; no timing).
#include <QSignalSpy>
#include <QTest>

#include "model/model_config.h"
#include "results_filter.h"
#include "results_model.h"

using namespace sctx;
using namespace sctx::gui;

namespace {

FileResult ok_result(const std::string& file, int label, float confidence, double duration) {
    FileResult r;
    r.file = file;
    r.ok = true;
    r.label_index = label;
    r.confidence = confidence;
    r.duration_s = duration;
    r.probabilities.assign(5, (1.f - confidence) / 4.f);
    r.probabilities[size_t(label)] = confidence;
    r.windows = 1;
    return r;
}

FileResult error_result(const std::string& file, const std::string& reason) {
    FileResult r;
    r.file = file;
    r.error = reason;
    return r;
}

QString cell(const QAbstractItemModel& m, int row, int column) { return m.index(row, column).data().toString(); }

}  // namespace

class ResultsModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columns_follow_the_model_classes() {
        ResultsModel m;
        QCOMPARE(m.columnCount(), ResultsModel::FirstProbabilityColumn + 5);
        QCOMPARE(m.headerData(ResultsModel::FirstProbabilityColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Alone"));
        QCOMPARE(m.headerData(ResultsModel::FirstProbabilityColumn + 2, Qt::Horizontal).toString(),
                 QStringLiteral("One-on-One"));
        m.set_class_names({"speech", "music", "silence"});
        QCOMPARE(m.columnCount(), ResultsModel::FirstProbabilityColumn + 3);
    }

    void queued_files_are_filled_in_by_updates() {
        ResultsModel m;
        const std::vector<int> rows = m.add_files({"/a/one.wav", "/a/two.wav", "/a/one.wav"});
        QCOMPARE(rows.size(), size_t(2));  // a path twice in one drop is one row
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(cell(m, 0, ResultsModel::StatusColumn), QStringLiteral("Queued"));
        QCOMPARE(cell(m, 0, ResultsModel::FileColumn), QStringLiteral("one.wav"));

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        std::vector<RowUpdate> updates;
        updates.push_back({0, RowStatus::Done, ok_result("/a/one.wav", 3, 0.8f, 12.5)});
        updates.push_back({1, RowStatus::Failed, error_result("/a/two.wav", "truncated WAV header")});
        m.apply(std::move(updates));
        QCOMPARE(changed.count(), 1);  // one signal for the whole batch
        QCOMPARE(cell(m, 0, ResultsModel::StatusColumn), QStringLiteral("OK"));
        QCOMPARE(cell(m, 0, ResultsModel::ClassColumn), QStringLiteral("Group Discussion"));
        QCOMPARE(cell(m, 0, ResultsModel::ConfidenceColumn), QStringLiteral("80%"));
        QCOMPARE(cell(m, 0, ResultsModel::DurationColumn), QStringLiteral("0:12.5"));
        QCOMPARE(m.index(0, ResultsModel::FirstProbabilityColumn + 3).data(ResultsModel::ProbabilityRole).toDouble(),
                 double(0.8f));
        QCOMPARE(cell(m, 1, ResultsModel::StatusColumn), QStringLiteral("Error: truncated WAV header"));
        QCOMPARE(cell(m, 1, ResultsModel::ClassColumn), QString());
        QCOMPARE(m.index(1, ResultsModel::FirstProbabilityColumn).data(ResultsModel::ProbabilityRole).toDouble(), -1.0);
    }

    void a_second_drop_requeues_finished_files_but_not_waiting_ones() {
        ResultsModel m;
        m.add_files({"/x/a.wav", "/x/b.wav"});
        std::vector<RowUpdate> u;
        u.push_back({0, RowStatus::Done, ok_result("/x/a.wav", 1, 0.9f, 3)});
        m.apply(std::move(u));
        const std::vector<int> again = m.add_files({"/x/a.wav", "/x/b.wav", "/x/c.wav"});
        QCOMPARE(again, (std::vector<int>{0, 2}));
        QCOMPARE(RowStatus(m.index(0, 0).data(ResultsModel::StatusRole).toInt()), RowStatus::Queued);
    }

    void cancel_marks_only_unfinished_rows() {
        ResultsModel m;
        m.add_files({"/c/1.wav", "/c/2.wav", "/c/3.wav"});
        std::vector<RowUpdate> u;
        u.push_back({0, RowStatus::Done, ok_result("/c/1.wav", 0, 0.5f, 1)});
        u.push_back({1, RowStatus::Running, {}});
        m.apply(std::move(u));
        m.cancel_pending();
        QCOMPARE(m.count(RowStatus::Done), 1);
        QCOMPARE(m.count(RowStatus::Cancelled), 2);
        // A late "started" report must not bring a cancelled row back.
        std::vector<RowUpdate> late;
        late.push_back({2, RowStatus::Running, {}});
        m.apply(std::move(late));
        QCOMPARE(m.count(RowStatus::Cancelled), 2);
    }

    void sorting_is_by_number_not_text() {
        ResultsModel m;
        m.add_results({ok_result("/s/a.wav", 0, 0.9f, 100.0), ok_result("/s/b.wav", 1, 0.5f, 9.0),
                       ok_result("/s/c.wav", 2, 0.7f, 20.0)});
        ResultsFilter f;
        f.setSourceModel(&m);
        f.sort(ResultsModel::DurationColumn, Qt::AscendingOrder);
        QCOMPARE(cell(f, 0, ResultsModel::FileColumn), QStringLiteral("b.wav"));  // 9 s before 20 s before 100 s
        QCOMPARE(cell(f, 2, ResultsModel::FileColumn), QStringLiteral("a.wav"));
        f.sort(ResultsModel::ConfidenceColumn, Qt::DescendingOrder);
        QCOMPARE(cell(f, 0, ResultsModel::FileColumn), QStringLiteral("a.wav"));
    }

    void ten_thousand_rows_insert_sort_and_filter() {
        ResultsModel m;
        ResultsFilter f;
        f.setSourceModel(&m);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        std::vector<FileResult> results;
        for (int i = 0; i < 10000; ++i) {
            const std::string name = "/big/file" + std::to_string(i) + ".wav";
            if (i % 100 == 99)
                results.push_back(error_result(name, "no audio stream"));
            else
                results.push_back(ok_result(name, i % 5, 0.2f + float(i % 80) / 100.f, double(i % 600)));
        }
        m.add_results(std::move(results));
        QCOMPARE(inserted.count(), 1);  // one insertion for the whole batch
        QCOMPARE(m.rowCount(), 10000);
        QCOMPARE(f.rowCount(), 10000);

        f.sort(ResultsModel::ConfidenceColumn, Qt::DescendingOrder);
        double previous = 2.0;
        for (int r = 0; r < f.rowCount(); ++r) {
            const double c = f.index(r, ResultsModel::ConfidenceColumn).data(ResultsModel::SortRole).toDouble();
            QVERIFY(c <= previous);
            previous = c;
        }

        f.set_status_filter(ResultsFilter::StatusFilter::Errors);
        QCOMPARE(f.rowCount(), 100);
        f.set_status_filter(ResultsFilter::StatusFilter::Ok);
        QCOMPARE(f.rowCount(), 9900);
        f.set_class_filter(2);
        int expected = 0;
        for (int i = 0; i < 10000; ++i) expected += (i % 100 != 99 && i % 5 == 2);
        QCOMPARE(f.rowCount(), expected);
        for (int r = 0; r < f.rowCount(); r += 97)
            QCOMPARE(f.index(r, 0).data(ResultsModel::ClassIndexRole).toInt(), 2);
        f.set_name_filter(QStringLiteral("file12"));
        QVERIFY(f.rowCount() > 0);
        for (int r = 0; r < f.rowCount(); ++r)
            QVERIFY(cell(f, r, ResultsModel::FileColumn).startsWith(QStringLiteral("file12")));
        f.set_class_filter(-1);
        f.set_status_filter(ResultsFilter::StatusFilter::All);
        f.set_name_filter({});
        QCOMPARE(f.rowCount(), 10000);

        // Results for known files update in place: still 10,000 rows.
        m.add_results({ok_result("/big/file99.wav", 4, 0.99f, 1.0)});
        QCOMPARE(m.rowCount(), 10000);
        QCOMPARE(m.count(RowStatus::Failed), 99);
    }
};

QTEST_MAIN(ResultsModelTest)
#include "test_results_model.moc"
