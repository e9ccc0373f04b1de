#pragma once
// The model in use: loads it (sctx::Model::load), remembers the user's choice (QSettings), and keeps the previous
// model when a new one fails to load. "No model" is a normal state: the window says so and files wait.
#include <QObject>
#include <QString>
#include <memory>

#include "model/model.h"

namespace sctx::gui {

class ModelManager : public QObject {
    Q_OBJECT
public:
    explicit ModelManager(QObject* parent = nullptr);

    /// At start-up: `path` if given (e.g. --model), else the remembered model, else the shipped one. Returns
    /// the reason when nothing could be loaded (empty on success).
    QString load_initial(const QString& path = {});
    /// Loads `path`; on success it replaces the current model (and is remembered when `remember`). Returns
    /// the reason on failure, and the current model stays in use.
    QString load(const QString& path, bool remember = true);

    std::shared_ptr<const Model> model() const { return model_; }
    /// "name version" or "no model loaded".
    QString summary() const;
    /// Name, version, architecture, classes, window, SHA-256, file: rich text for a dialog or a tooltip.
    QString details_html() const;

Q_SIGNALS:
    void model_changed();

private:
    std::shared_ptr<const Model> model_;
};

}  // namespace sctx::gui
