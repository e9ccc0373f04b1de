#pragma once
// The model in use: loads it (sctx::Model::load), remembers the user's choice (QSettings), and keeps the previous
// model when a new one fails to load. "No model" is a normal state: the window says so and files wait.
// Two models ship with the program ("default": fast, "accurate": slower and better, as `socialctx classify
// --model default|accurate`); choosing one of them is remembered by name, not by file, so an update that moves or
// replaces the shipped files still finds them.
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
    /// Loads a shipped model by name ("default" or "accurate"), found where sctx::shipped_model_path looks.
    /// Returns the reason on failure (unknown name, not installed, not loadable); the current model stays.
    QString load_shipped(const QString& which, bool remember = true);
    /// Where the shipped model `which` is ("default" follows SOCIALCTX_MODEL like the CLI); empty if not there.
    static QString shipped_path(const QString& which);
    /// "Default (fast)" or "Accurate": the Model menu's names of the shipped models.
    static QString shipped_title(const QString& which);
    /// Which shipped model is loaded: "default", "accurate", or empty for any other file (or none).
    QString shipped_choice() const;

    std::shared_ptr<const Model> model() const { return model_; }
    /// "name version", with the shipped model's title when it is one ("socialctx-ensemble 2.1.0 (Accurate)"), or
    /// "no model loaded".
    QString summary() const;
    /// Name, version, architecture, classes, window, SHA-256, file: rich text for a dialog or a tooltip.
    QString details_html() const;

Q_SIGNALS:
    void model_changed();

private:
    std::shared_ptr<const Model> model_;
};

}  // namespace sctx::gui
