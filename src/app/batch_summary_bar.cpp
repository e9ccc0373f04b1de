#include "batch_summary_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

#include "class_colors.h"
#include "results_model.h"
#include "util/hms.h"

namespace sctx::gui {

namespace {

QString hms(double seconds) { return QString::fromStdString(sctx::hms(seconds)); }

}  // namespace

// The stacked bar: one segment per class, as wide as its share of the classified files.
class BatchSummaryBar::ShareBar : public QWidget {
public:
    explicit ShareBar(const BatchSummary* summary, QWidget* parent) : QWidget(parent), summary_(summary) {
        setMinimumSize(120, 14);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const QRectF area = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        p.setPen(palette().color(QPalette::Mid));
        p.setBrush(palette().color(QPalette::Base));
        p.drawRect(area);
        if (summary_->ok() == 0) return;
        double x = area.left();
        const auto& classes = summary_->classes();
        auto segment = [&](size_t files, const QColor& colour) {
            const double w = area.width() * double(files) / double(summary_->ok());
            if (w <= 0) return;
            p.fillRect(QRectF(x, area.top(), w, area.height()), colour);
            x += w;
        };
        for (size_t i = 0; i < classes.size(); ++i) segment(classes[i].files, class_color(int(i)));
        segment(summary_->uncertain().files, palette().color(QPalette::Mid));  // uncertain: grey, last
    }

private:
    const BatchSummary* summary_;
};

BatchSummaryBar::BatchSummaryBar(const ResultsModel* results, QWidget* parent)
    : QWidget(parent), results_(results), summary_(results->class_names()) {
    bar_ = new ShareBar(&summary_, this);
    bar_->setMaximumWidth(240);
    label_ = new QLabel(this);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(bar_);
    layout->addWidget(label_, 1);
    setAccessibleName(tr("Batch summary"));
    pending_.setSingleShot(true);
    pending_.setInterval(150);
    connect(&pending_, &QTimer::timeout, this, &BatchSummaryBar::refresh);
    auto later = [this] {
        if (!pending_.isActive()) pending_.start();
    };
    connect(results, &QAbstractItemModel::dataChanged, this, later);
    connect(results, &QAbstractItemModel::rowsInserted, this, later);
    connect(results, &QAbstractItemModel::rowsRemoved, this, later);
    connect(results, &QAbstractItemModel::modelReset, this, later);
    connect(results, &QAbstractItemModel::headerDataChanged, this, later);  // new class names with a new model
    refresh();
}

void BatchSummaryBar::refresh() {
    pending_.stop();
    summary_ = BatchSummary(results_->class_names(), results_->min_confidence());
    for (int r = 0; r < results_->rowCount(); ++r) {
        const ResultRow& row = results_->row_at(r);
        if (row.status == RowStatus::Done || row.status == RowStatus::Failed) summary_.add(row.result);
    }
    setVisible(summary_.files() > 0);
    label_->setText(text());
    QString tip;
    const auto& names = results_->class_names();
    for (size_t i = 0; i < names.size() && i < summary_.classes().size(); ++i) {
        const auto& c = summary_.classes()[i];
        tip += tr("%1: %2 files (%3 %), %4\n")
                   .arg(QString::fromStdString(names[i]))
                   .arg(c.files)
                   .arg(summary_.ok() ? 100.0 * double(c.files) / double(summary_.ok()) : 0.0, 0, 'f', 1)
                   .arg(hms(c.duration_s));
    }
    if (summary_.min_confidence() > 0)
        tip += tr("Uncertain (below %1 %): %2 files, %3\n")
                   .arg(summary_.min_confidence() * 100.0, 0, 'f', 0)
                   .arg(summary_.uncertain().files)
                   .arg(hms(summary_.uncertain().duration_s));
    bar_->setToolTip(tip.trimmed());
    bar_->setAccessibleDescription(tip.trimmed());
    bar_->update();
}

QString BatchSummaryBar::text() const {
    QStringList parts;
    const QString total = hms(summary_.duration_s());
    parts << (summary_.ok() == 1 ? tr("1 file, %1").arg(total) : tr("%1 files, %2").arg(summary_.ok()).arg(total));
    const auto& names = results_->class_names();
    for (size_t i = 0; i < names.size() && i < summary_.classes().size(); ++i) {
        const auto& c = summary_.classes()[i];
        if (c.files == 0) continue;
        parts << QStringLiteral("%1 %2 (%3)")
                     .arg(short_class_name(QString::fromStdString(names[i])))
                     .arg(c.files)
                     .arg(hms(c.duration_s));
    }
    if (summary_.uncertain().files > 0)
        parts << tr("uncertain %1 (%2)").arg(summary_.uncertain().files).arg(hms(summary_.uncertain().duration_s));
    if (summary_.errors() > 0) parts << tr("%n failed", nullptr, int(summary_.errors()));
    return parts.join(QStringLiteral(" · "));
}

}  // namespace sctx::gui
