#pragma once
// Files and folders the desktop hands to a running app (macOS Finder's "Open With" and drops on the Dock icon
// arrive as QFileOpenEvent, not as command-line arguments): each goes to the batch as if dropped on the window.
// Several events in a row (a multi-selection) are gathered into one drop.
#include <QObject>
#include <QStringList>
#include <QTimer>

namespace sctx::gui {

class MainWindow;

class FileOpenHandler : public QObject {
    Q_OBJECT
public:
    /// Installs itself as an event filter on the application.
    explicit FileOpenHandler(MainWindow* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MainWindow* window_;
    QStringList pending_;
    QTimer flush_;
};

}  // namespace sctx::gui
