#pragma once
// What the table shows: rows filtered by predicted class, by status and by a piece of the file name, sorted by
// numbers (not their text) through ResultsModel::SortRole.
#include <QSortFilterProxyModel>

#include "results_model.h"

namespace sctx::gui {

class ResultsFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class StatusFilter { All, Ok, Errors, Pending, Cancelled };

    explicit ResultsFilter(QObject* parent = nullptr);

    /// -1 shows every class.
    void set_class_filter(int class_index);
    void set_status_filter(StatusFilter filter);
    /// Case-insensitive part of the file's path.
    void set_name_filter(const QString& text);

    int class_filter() const { return class_; }
    StatusFilter status_filter() const { return status_; }

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;

private:
    void refilter();
    int class_ = -1;
    StatusFilter status_ = StatusFilter::All;
    QString name_;
};

}  // namespace sctx::gui
