#include "file_open_handler.h"

#include <QCoreApplication>
#include <QFileOpenEvent>

#include "main_window.h"

namespace sctx::gui {

FileOpenHandler::FileOpenHandler(MainWindow* window) : QObject(window), window_(window) {
    flush_.setSingleShot(true);
    flush_.setInterval(50);  // Finder sends one event per selected item, back to back
    connect(&flush_, &QTimer::timeout, this, [this] {
        const QStringList paths = pending_;
        pending_.clear();
        window_->open_paths(paths);
    });
    QCoreApplication::instance()->installEventFilter(this);
}

bool FileOpenHandler::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::FileOpen) {
        const auto* open = static_cast<QFileOpenEvent*>(event);
        const QString path = open->file().isEmpty() ? open->url().toLocalFile() : open->file();
        if (!path.isEmpty()) {
            pending_ << path;
            flush_.start();
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace sctx::gui
