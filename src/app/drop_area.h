#pragma once
// Where files and folders are dropped (and the links to the file dialogs and the examples). The window accepts
// drops everywhere too; paths_from() is the one place that turns drag data into local paths.
#include <QFrame>
#include <QStringList>

class QLabel;
class QMimeData;

namespace sctx::gui {

class DropArea : public QFrame {
    Q_OBJECT
public:
    explicit DropArea(QWidget* parent = nullptr);

    /// Local files and folders in drag data (other URLs are ignored).
    static QStringList paths_from(const QMimeData* data);
    /// Smaller once the table has rows: the hint stays, the space goes to the results.
    void set_compact(bool compact);
    /// The label whose links open the file dialogs and the examples (Tab steps through them).
    QWidget* links() const;

Q_SIGNALS:
    void paths_dropped(const QStringList& paths);
    void open_files_requested();
    void open_folder_requested();
    void open_example_requested();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    /// Enter or Space: the keyboard's way to add files (the file dialog).
    void keyPressEvent(QKeyEvent* event) override;

private:
    void set_highlight(bool on);
    QLabel* label_;
    bool compact_ = false;
};

}  // namespace sctx::gui
