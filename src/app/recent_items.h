#pragma once
// File ▸ Open recent: the last files and folders opened (QSettings), newest first.
#include <QObject>
#include <QStringList>

class QMenu;

namespace sctx::gui {

class RecentItems : public QObject {
    Q_OBJECT
public:
    static constexpr int kMax = 10;
    explicit RecentItems(QMenu* menu, QObject* parent = nullptr);

    /// Puts paths at the top (a drop of hundreds of files keeps only the first few).
    void add(const QStringList& paths);
    QStringList items() const;
    void clear();

Q_SIGNALS:
    void open_requested(const QStringList& paths);

private:
    void rebuild();
    QMenu* menu_;
};

}  // namespace sctx::gui
