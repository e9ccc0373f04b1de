#pragma once
// Edit ▸ Settings: hop between windows, threads, how much of a recording the spectrogram shows. The window
// length is the model's and is only displayed.
#include <QDialog>
#include <memory>

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

private:
    std::unique_ptr<Ui::SettingsDialog> ui_;
    AppSettings settings_;
};

}  // namespace sctx::gui
