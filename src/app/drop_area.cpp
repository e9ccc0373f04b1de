#include "drop_area.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QUrl>

namespace sctx::gui {

DropArea::DropArea(QWidget* parent) : QFrame(parent), label_(new QLabel(this)) {
    setAcceptDrops(true);
    setObjectName(QStringLiteral("dropArea"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Drop area"));
    setAccessibleDescription(tr("Drop audio files or folders here, or press Enter to choose files."));
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(label_);
    label_->setObjectName(QStringLiteral("dropLinks"));
    label_->setAlignment(Qt::AlignCenter);
    label_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    label_->setWordWrap(true);
    connect(label_, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link == QLatin1String("files")) Q_EMIT open_files_requested();
        if (link == QLatin1String("folder")) Q_EMIT open_folder_requested();
        if (link == QLatin1String("example")) Q_EMIT open_example_requested();
    });
    set_compact(false);
    set_highlight(false);
}

QWidget* DropArea::links() const { return label_; }

void DropArea::set_compact(bool compact) {
    compact_ = compact;
    const QString links =
        tr("<a href=\"files\">open files</a>, <a href=\"folder\">a folder</a> or "
           "<a href=\"example\">the examples</a>");
    label_->setText(compact ? tr("Drop more audio files or folders here, or %1.").arg(links)
                            : tr("<p style=\"font-size:large\"><b>Drop audio files or folders here</b></p>"
                                 "<p>WAV, MP3, FLAC, OGG, M4A… — or %1.</p>"
                                 "<p>Everything runs on this computer.</p>")
                                  .arg(links));
    setMinimumHeight(compact ? 36 : 140);
    setMaximumHeight(compact ? 44 : QWIDGETSIZE_MAX);
}

void DropArea::set_highlight(bool on) {
    // With keyboard focus the border takes the highlight colour, as a focused control's frame does.
    setStyleSheet(on ? QStringLiteral("#dropArea { border: 2px dashed palette(highlight); border-radius: 8px;"
                                      " background: palette(alternate-base); }")
                     : QStringLiteral("#dropArea { border: 2px dashed palette(mid); border-radius: 8px; }"
                                      " #dropArea:focus { border: 2px solid palette(highlight); }"));
}

void DropArea::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT open_files_requested();
        return;
    }
    QFrame::keyPressEvent(event);
}

QStringList DropArea::paths_from(const QMimeData* data) {
    QStringList paths;
    if (!data || !data->hasUrls()) return paths;
    for (const QUrl& url : data->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    return paths;
}

void DropArea::dragEnterEvent(QDragEnterEvent* event) {
    if (paths_from(event->mimeData()).isEmpty()) return;
    event->acceptProposedAction();
    set_highlight(true);
}

void DropArea::dragLeaveEvent(QDragLeaveEvent*) { set_highlight(false); }

void DropArea::dropEvent(QDropEvent* event) {
    set_highlight(false);
    const QStringList paths = paths_from(event->mimeData());
    if (paths.isEmpty()) return;
    event->acceptProposedAction();
    Q_EMIT paths_dropped(paths);
}

}  // namespace sctx::gui
