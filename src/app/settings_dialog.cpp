#include "settings_dialog.h"

#include <QThread>

#include "model/model_config.h"
#include "ui_settings_dialog.h"

namespace sctx::gui {

SettingsDialog::SettingsDialog(const AppSettings& settings, const ModelConfig* model, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::SettingsDialog>()), settings_(settings) {
    ui_->setupUi(this);
    if (model) {
        ui_->windowValue->setText(tr("%1 s (fixed by the model)").arg(model->window_s));
        ui_->hopSpin->setSpecialValueText(tr("The model's own (%1 s)").arg(model->hop_s));
    } else {
        ui_->windowValue->setText(tr("the model's (no model loaded)"));
    }
    ui_->threadsSpin->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    ui_->hopSpin->setValue(settings.hop_s);
    ui_->threadsSpin->setValue(settings.threads);
    ui_->spectrogramSpin->setValue(settings.spectrogram_minutes);
    ui_->minConfidenceSpin->setValue(int(settings.min_confidence * 100 + 0.5));
}

SettingsDialog::~SettingsDialog() = default;

AppSettings SettingsDialog::settings() const {
    AppSettings s = settings_;
    s.hop_s = ui_->hopSpin->value();
    s.threads = ui_->threadsSpin->value();
    s.spectrogram_minutes = ui_->spectrogramSpin->value();
    s.min_confidence = ui_->minConfidenceSpin->value() / 100.0;
    return s;
}

}  // namespace sctx::gui
