#include "probability_chart.h"

#include <QPainter>
#include <algorithm>

#include "class_colors.h"

namespace sctx::gui {

namespace {
constexpr int kRow = 20;
}

ProbabilityChart::ProbabilityChart(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFocusPolicy(Qt::TabFocus);  // reachable with Tab, so a screen reader reads the numbers
    setAccessibleName(tr("Class probabilities"));
}

QSize ProbabilityChart::sizeHint() const { return {420, int(std::max<size_t>(class_names_.size(), 5)) * kRow + 4}; }

void ProbabilityChart::set_probabilities(const std::vector<float>& probabilities,
                                         const std::vector<std::string>& class_names, int predicted) {
    const bool resize = class_names.size() != class_names_.size();
    probabilities_ = probabilities;
    class_names_ = class_names;
    predicted_ = predicted;
    QStringList parts;  // what a screen reader says: "Group Discussion 72 %, ..."
    for (size_t i = 0; i < probabilities_.size() && i < class_names_.size(); ++i)
        parts << tr("%1 %2 %")
                     .arg(QString::fromStdString(class_names_[i]))
                     .arg(double(probabilities_[i]) * 100, 0, 'f', 0);
    setAccessibleDescription(parts.join(QStringLiteral(", ")));
    if (resize) updateGeometry();
    update();
}

void ProbabilityChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (hasFocus()) {  // keyboard focus: a frame in the highlight colour, as focused controls have
        p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    int label_w = 0;
    for (const auto& n : class_names_) label_w = std::max(label_w, fm.horizontalAdvance(QString::fromStdString(n)));
    label_w = std::min(label_w + 10, width() / 2);
    const int value_w = fm.horizontalAdvance(QStringLiteral("100%")) + 8;
    const int bar_x = label_w, bar_w = std::max(10, width() - label_w - value_w);

    for (size_t c = 0; c < class_names_.size(); ++c) {
        const int y = int(c) * kRow + 2;
        const bool chosen = int(c) == predicted_;
        p.setFont(chosen ? bold : font());
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, y, label_w - 8, kRow), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(QString::fromStdString(class_names_[c]), Qt::ElideRight, label_w - 8));
        const QRect track(bar_x, y + 4, bar_w, kRow - 8);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::AlternateBase));
        p.drawRoundedRect(track, 3, 3);
        if (c < probabilities_.size()) {
            const double v = std::clamp(double(probabilities_[c]), 0.0, 1.0);
            p.setBrush(class_color(int(c)));
            p.drawRoundedRect(QRect(track.left(), track.top(), std::max(2, int(v * track.width())), track.height()), 3,
                              3);
            p.setPen(palette().color(QPalette::WindowText));
            p.drawText(QRect(bar_x + bar_w + 4, y, value_w, kRow), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1%").arg(v * 100, 0, 'f', 0));
        }
    }
}

}  // namespace sctx::gui
