#pragma once
// Under the table, what the batch came to so far: one bar split by class (each class's share of the classified
// files, in the class colours) and a line with files and recorded time per class, and the files that failed.
// Recomputed from the results model a moment after it changes, so 10,000 rows arriving cost one pass, not 10,000.
#include <QTimer>
#include <QWidget>

#include "classify/batch_summary.h"

class QLabel;

namespace sctx::gui {

class ResultsModel;

class BatchSummaryBar : public QWidget {
    Q_OBJECT
public:
    explicit BatchSummaryBar(const ResultsModel* results, QWidget* parent = nullptr);
    /// The finished rows (classified or failed) as of the last refresh.
    const BatchSummary& summary() const { return summary_; }
    /// The line under the bar ("12 files, 0:01:30 · Alone 2 (0:00:06) · …").
    QString text() const;
    /// Recomputes now (the model's signals schedule it on their own).
    void refresh();

private:
    class ShareBar;
    const ResultsModel* results_;
    BatchSummary summary_;
    QTimer pending_;
    ShareBar* bar_;
    QLabel* label_;
};

}  // namespace sctx::gui
