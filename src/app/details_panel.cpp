#include "details_panel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "model/model_config.h"
#include "playback.h"
#include "probability_chart.h"
#include "spectrogram_view.h"
#include "timeline_strip.h"

namespace sctx::gui {

namespace {
QString qpath(const std::string& p) { return QFile::decodeName(QByteArray::fromStdString(p)); }

QLabel* heading(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}
}  // namespace

DetailsPanel::DetailsPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      summary_(new QLabel(this)),
      chart_(new ProbabilityChart(this)),
      spectrogram_(new SpectrogramView(this)),
      timeline_(new TimelineStrip(this)),
      play_(new QToolButton(this)),
      time_label_(new QLabel(this)),
      playback_(new Playback(this)),
      class_names_(default_class_names()) {
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    play_->setObjectName(QStringLiteral("playButton"));
    play_->setAccessibleName(tr("Play or pause"));
    play_->setFocusPolicy(Qt::StrongFocus);
    chart_->setObjectName(QStringLiteral("probabilityChart"));
    spectrogram_->setObjectName(QStringLiteral("spectrogramView"));
    timeline_->setObjectName(QStringLiteral("timelineStrip"));
    setAccessibleName(tr("Details of the selected file"));
    play_->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    play_->setToolTip(tr("Play / pause (Space)"));
    play_->setShortcut(QKeySequence(Qt::Key_Space));
    play_->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(summary_);
    layout->addSpacing(6);
    layout->addWidget(heading(tr("Class probabilities"), this));
    layout->addWidget(chart_);
    layout->addSpacing(6);
    layout->addWidget(heading(tr("Log-mel spectrogram"), this));
    layout->addWidget(spectrogram_, 1);
    layout->addWidget(timeline_);
    auto* controls = new QHBoxLayout;
    controls->addWidget(play_);
    controls->addWidget(time_label_, 1);
    layout->addLayout(controls);
    if (!Playback::available()) {
        play_->hide();
        time_label_->hide();
    }

    connect(play_, &QToolButton::clicked, playback_, &Playback::toggle);
    connect(playback_, &Playback::playing_changed, this, [this](bool playing) {
        play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    });
    connect(playback_, &Playback::position_changed, this, &DetailsPanel::set_position);
    connect(playback_, &Playback::failed, this,
            [this](const QString& reason) { time_label_->setText(tr("Cannot play: %1").arg(reason)); });
    connect(spectrogram_, &SpectrogramView::seek_requested, playback_, &Playback::seek);
    connect(timeline_, &TimelineStrip::seek_requested, playback_, &Playback::seek);
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        const quint64 request = watcher_.property("request").toULongLong();
        if (request != request_) return;  // the selection moved on while this one was computed
        spectrogram_->set_image(watcher_.result());
        Q_EMIT spectrogram_ready();
    });
    show_row(nullptr);
}

DetailsPanel::~DetailsPanel() { watcher_.waitForFinished(); }

QList<QWidget*> DetailsPanel::focus_chain() const { return {chart_, timeline_, play_}; }

void DetailsPanel::set_mel_params(const MelParams& mel) { mel_ = mel; }
void DetailsPanel::set_class_names(const std::vector<std::string>& names) { class_names_ = names; }
void DetailsPanel::set_spectrogram_minutes(int minutes) { spectrogram_minutes_ = std::max(1, minutes); }

void DetailsPanel::show_row(const ResultRow* row) {
    if (!row) {
        path_.clear();
        ++request_;
        playback_->set_file({});
        title_->setText(tr("No file selected"));
        summary_->setText(tr("Select a row to see its probabilities, spectrogram and timeline."));
        chart_->set_probabilities({}, class_names_, -1);
        spectrogram_->set_message({});
        timeline_->hide();
        play_->setEnabled(false);
        time_label_->clear();
        return;
    }
    const FileResult& r = row->result;
    const QString path = qpath(r.file);
    title_->setText(QFileInfo(path).fileName());
    title_->setToolTip(path);

    QString summary;
    if (row->status == RowStatus::Done) {
        const QString label = r.label_index >= 0 && size_t(r.label_index) < class_names_.size()
                                  ? QString::fromStdString(class_names_[size_t(r.label_index)])
                                  : QString();
        QString source;
        if (r.source_rate > 0) {
            const QString channels = r.source_channels == 1   ? tr("mono")
                                     : r.source_channels == 2 ? tr("stereo")
                                                              : tr("%1 channels").arg(r.source_channels);
            source = tr("%1 kHz %2, %3")
                         .arg(r.source_rate / 1000.0, 0, 'g', 3)
                         .arg(channels, QString::fromStdString(r.source_format));
        }
        const QString windows = r.windows == 1 ? tr("1 window") : tr("%1 windows").arg(r.windows);
        summary = tr("<b>%2</b> · %1% sure · %3 · %4")
                      .arg(double(r.confidence) * 100, 0, 'f', 0)
                      .arg(label.toHtmlEscaped(), format_duration(r.duration_s), windows);
        if (!source.isEmpty())
            summary += QStringLiteral("<br><span style=\"color:gray\">%1</span>").arg(source.toHtmlEscaped());
    } else if (row->status == RowStatus::Failed) {
        summary = tr("<span style=\"color:#b02020\"><b>Error:</b> %1</span>")
                      .arg(QString::fromStdString(r.error).toHtmlEscaped());
    } else {
        summary = ResultsModel::status_text(row->status);
    }
    summary_->setText(summary);
    chart_->set_probabilities(row->status == RowStatus::Done ? r.probabilities : std::vector<float>{}, class_names_,
                              row->status == RowStatus::Done ? r.label_index : -1);

    const bool timeline = row->status == RowStatus::Done && r.segments.size() > 1;
    timeline_->setVisible(timeline);
    if (timeline) timeline_->set_segments(r.segments, r.duration_s, class_names_);
    if (row->status == RowStatus::Done) {
        duration_ = r.duration_s;
        spectrogram_->set_duration(r.duration_s);
        if (!playback_->playing()) set_position(-1);
    }

    if (path != path_) {
        path_ = path;
        if (row->status != RowStatus::Done) duration_ = 0;
        playback_->set_file(path);
        play_->setEnabled(true);
        set_position(-1);
        start_spectrogram();
    }
}

void DetailsPanel::start_spectrogram() {
    ++request_;
    spectrogram_->set_message(tr("Computing the spectrogram…"));
    spectrogram_->set_duration(duration_);
    const QString path = path_;
    const MelParams mel = mel_;
    const double max_s = spectrogram_minutes_ * 60.0;
    // A previous computation still running finishes in the background; its result is ignored by request id.
    watcher_.setProperty("request", request_);
    watcher_.setFuture(QtConcurrent::run([path, mel, max_s] { return make_spectrogram_image(path, mel, max_s); }));
}

void DetailsPanel::set_position(double seconds) {
    spectrogram_->set_position(seconds);
    timeline_->set_position(seconds);
    time_label_->setText(path_.isEmpty()
                             ? QString()
                             : tr("%1 / %2").arg(format_duration(std::max(0.0, seconds)), format_duration(duration_)));
}

}  // namespace sctx::gui
