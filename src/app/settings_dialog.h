#pragma once
// Edit ▸ Settings: hop between windows, threads, how much of a recording the spectrogram shows, the minimum
// confidence, batch size, default export format, language; named presets of the analysis settings. The window
// length is the model's and is only displayed.
#include <QDialog>
#include <memory>

#include "presets.h"
#include "settings.h"

namespace Ui {
class SettingsDialog;
}

namespace sctx {
struct ModelConfig;
}

namespace sctx::gui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    /// `model` may be null (no model loaded).
    SettingsDialog(const AppSettings& settings, const ModelConfig* model, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    /// The settings as edited (the fields the dialog does not show are passed through).
    AppSettings settings() const;

    /// What the preset buttons do (the Save as… button asks for the name first).
    void choose_preset(const QString& name);
    bool save_as_preset(const QString& name);
    void delete_chosen_preset();
    void reset_to_defaults();

private:
    void show_analysis(const AnalysisPreset& p);
    void fill_presets(const QString& current);
    void ask_preset_name();

    std::unique_ptr<Ui::SettingsDialog> ui_;
    AppSettings settings_;
};

}  // namespace sctx::gui
