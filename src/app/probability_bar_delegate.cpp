#include "probability_bar_delegate.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

#include "class_colors.h"
#include "results_model.h"

namespace sctx::gui {

ProbabilityBarDelegate::ProbabilityBarDelegate(int class_index, QObject* parent)
    : QStyledItemDelegate(parent), class_index_(class_index) {}

void ProbabilityBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    const double p = index.data(ResultsModel::ProbabilityRole).toDouble();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    // Background and selection as the style draws them; the bar and number on top.
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (p < 0) return;
    painter->save();
    const QRect track = option.rect.adjusted(3, 4, -3, -4);
    QColor c = class_color(class_index_);
    c.setAlpha(170);
    painter->fillRect(
        QRect(track.left(), track.top(), std::max(1, int(std::clamp(p, 0.0, 1.0) * track.width())), track.height()), c);
    painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                          : option.palette.color(QPalette::Text));
    painter->drawText(track.adjusted(2, 0, -2, 0), Qt::AlignRight | Qt::AlignVCenter, QString::number(p, 'f', 2));
    painter->restore();
}

QSize ProbabilityBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(s.width(), 64), s.height()};
}

}  // namespace sctx::gui
