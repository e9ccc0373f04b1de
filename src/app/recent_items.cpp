#include "recent_items.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace sctx::gui {

namespace {
const QString kKey = QStringLiteral("files/recent");
}

RecentItems::RecentItems(QMenu* menu, QObject* parent) : QObject(parent), menu_(menu) { rebuild(); }

QStringList RecentItems::items() const { return QSettings().value(kKey).toStringList(); }

void RecentItems::add(const QStringList& paths) {
    QStringList list = items();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        const QString p = QFileInfo(*it).absoluteFilePath();
        list.removeAll(p);
        list.prepend(p);
    }
    while (list.size() > kMax) list.removeLast();
    QSettings().setValue(kKey, list);
    rebuild();
}

void RecentItems::clear() {
    QSettings().remove(kKey);
    rebuild();
}

void RecentItems::rebuild() {
    menu_->clear();
    const QStringList list = items();
    for (const QString& p : list) {
        const QFileInfo info(p);
        QAction* a = menu_->addAction(QStringLiteral("%1  —  %2")
                                          .arg(info.isDir() ? info.fileName() + QLatin1Char('/') : info.fileName(),
                                               QDir::toNativeSeparators(info.absolutePath())));
        a->setEnabled(info.exists());
        connect(a, &QAction::triggered, this, [this, p] { Q_EMIT open_requested({p}); });
    }
    if (!list.isEmpty()) menu_->addSeparator();
    QAction* clear_action = menu_->addAction(tr("Clear recent items"));
    clear_action->setEnabled(!list.isEmpty());
    connect(clear_action, &QAction::triggered, this, &RecentItems::clear);
}

}  // namespace sctx::gui
