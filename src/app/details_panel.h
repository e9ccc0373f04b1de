#pragma once
// Everything about the selected file: what it was classified as and how sure, the probability chart, its
// log-mel spectrogram (computed on a worker thread), the per-window timeline for recordings longer than one
// window, and play/pause with a play-head over both.
#include <QFutureWatcher>
#include <QWidget>
#include <string>
#include <vector>

#include "features/log_mel.h"
#include "results_model.h"
#include "spectrogram_image.h"

class QLabel;
class QToolButton;

namespace sctx::gui {

class Playback;
class ProbabilityChart;
class SpectrogramView;
class TimelineStrip;

class DetailsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DetailsPanel(QWidget* parent = nullptr);
    ~DetailsPanel() override;

    /// The model's features (sample rate, mel bands) for the spectrogram.
    void set_mel_params(const MelParams& mel);
    void set_class_names(const std::vector<std::string>& names);
    void set_spectrogram_minutes(int minutes);

    /// Shows a row (nullptr: nothing selected). A new file starts its spectrogram; the same file only refreshes
    /// the texts (its result may have just arrived).
    void show_row(const ResultRow* row);

    const ProbabilityChart* chart() const { return chart_; }
    /// Its keyboard stops in order (chart, timeline, play), for the window's tab order.
    QList<QWidget*> focus_chain() const;
    const SpectrogramView* spectrogram() const { return spectrogram_; }
    const TimelineStrip* timeline() const { return timeline_; }
    QString shown_file() const { return path_; }

Q_SIGNALS:
    /// The spectrogram of the shown file is drawn (or its error is).
    void spectrogram_ready();

private:
    void start_spectrogram();
    void set_position(double seconds);

    QLabel* title_;
    QLabel* summary_;
    ProbabilityChart* chart_;
    SpectrogramView* spectrogram_;
    TimelineStrip* timeline_;
    QToolButton* play_;
    QLabel* time_label_;
    Playback* playback_;
    QFutureWatcher<SpectrogramImage> watcher_;
    MelParams mel_;
    std::vector<std::string> class_names_;
    int spectrogram_minutes_ = 10;
    QString path_;
    double duration_ = 0;
    quint64 request_ = 0;
};

}  // namespace sctx::gui
