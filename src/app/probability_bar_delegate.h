#pragma once
// Draws a probability cell of the results table as a small bar in the class's colour with the value on it:
// painting, not widgets, so 10,000 rows cost nothing until they scroll into view.
#include <QStyledItemDelegate>

namespace sctx::gui {

class ProbabilityBarDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// `class_index` gives the colour (the column's class).
    explicit ProbabilityBarDelegate(int class_index, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int class_index_;
};

}  // namespace sctx::gui
