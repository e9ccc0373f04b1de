#include "results_filter.h"

namespace sctx::gui {

ResultsFilter::ResultsFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ResultsModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ResultsFilter::refilter() {
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter re-evaluates every row once.
    invalidateFilter();
}

void ResultsFilter::set_class_filter(int class_index) {
    if (class_ == class_index) return;
    class_ = class_index;
    refilter();
}

void ResultsFilter::set_status_filter(StatusFilter filter) {
    if (status_ == filter) return;
    status_ = filter;
    refilter();
}

void ResultsFilter::set_name_filter(const QString& text) {
    if (name_ == text) return;
    name_ = text;
    refilter();
}

bool ResultsFilter::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    const QModelIndex index = sourceModel()->index(source_row, ResultsModel::FileColumn, source_parent);
    const auto status = RowStatus(index.data(ResultsModel::StatusRole).toInt());
    switch (status_) {
        case StatusFilter::All: break;
        case StatusFilter::Ok:
            if (status != RowStatus::Done) return false;
            break;
        case StatusFilter::Errors:
            if (status != RowStatus::Failed) return false;
            break;
        case StatusFilter::Pending:
            if (status != RowStatus::Queued && status != RowStatus::Running) return false;
            break;
        case StatusFilter::Cancelled:
            if (status != RowStatus::Cancelled) return false;
            break;
    }
    if (class_ >= 0 && index.data(ResultsModel::ClassIndexRole).toInt() != class_) return false;
    if (!name_.isEmpty() && !index.data(ResultsModel::PathRole).toString().contains(name_, Qt::CaseInsensitive))
        return false;
    return true;
}

}  // namespace sctx::gui
