#include "settings_dialog.h"

#include <QInputDialog>
#include <QLocale>
#include <QPushButton>
#include <QThread>
#include <algorithm>

#include "model/model_config.h"
#include "translations.h"
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
    ui_->threadsSpin->setValue(settings.threads);
    ui_->spectrogramSpin->setValue(settings.spectrogram_minutes);
    // Each language by its own name, so a user who cannot read the current one still finds theirs.
    ui_->languageCombo->addItem(tr("System default"), QString());
    ui_->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    for (const QString& code : translated_languages()) {
        QString name = QLocale(code).nativeLanguageName();  // "Deutsch", "español"
        if (!name.isEmpty()) name[0] = name[0].toUpper();
        ui_->languageCombo->addItem(name, code);
    }
    ui_->languageCombo->setCurrentIndex(std::max(0, ui_->languageCombo->findData(settings.language)));

    ui_->exportFormatCombo->addItem(tr("CSV table"), QStringLiteral("csv"));
    ui_->exportFormatCombo->addItem(tr("JSON"), QStringLiteral("json"));
    ui_->exportFormatCombo->addItem(tr("Audacity labels"), QStringLiteral("audacity"));
    ui_->exportFormatCombo->addItem(tr("Raven selection table"), QStringLiteral("raven"));
    ui_->exportFormatCombo->addItem(tr("Sonic Visualiser layer"), QStringLiteral("sv"));
    show_analysis(AnalysisPreset::from(settings));

    ui_->presetCombo->setPlaceholderText(tr("No preset"));
    fill_presets(QString());
    connect(ui_->presetCombo, &QComboBox::textActivated, this, &SettingsDialog::choose_preset);
    connect(ui_->savePresetButton, &QPushButton::clicked, this, &SettingsDialog::ask_preset_name);
    connect(ui_->deletePresetButton, &QPushButton::clicked, this, &SettingsDialog::delete_chosen_preset);
    connect(ui_->resetButton, &QPushButton::clicked, this, &SettingsDialog::reset_to_defaults);
}

void SettingsDialog::show_analysis(const AnalysisPreset& p) {
    ui_->hopSpin->setValue(p.hop_s);
    ui_->batchSpin->setValue(p.batch_size);
    ui_->minConfidenceSpin->setValue(int(p.min_confidence * 100 + 0.5));
    ui_->exportFormatCombo->setCurrentIndex(std::max(0, ui_->exportFormatCombo->findData(p.export_format)));
}

void SettingsDialog::fill_presets(const QString& current) {
    ui_->presetCombo->clear();
    ui_->presetCombo->addItems(preset_names());
    ui_->presetCombo->setCurrentIndex(ui_->presetCombo->findText(current));  // -1: the placeholder
    ui_->deletePresetButton->setEnabled(ui_->presetCombo->currentIndex() >= 0);
}

void SettingsDialog::choose_preset(const QString& name) {
    if (const auto p = load_preset(name)) show_analysis(*p);
    fill_presets(name);
}

bool SettingsDialog::save_as_preset(const QString& name) {
    if (!save_preset(name, AnalysisPreset::from(settings()))) return false;
    fill_presets(name.trimmed());
    return true;
}

void SettingsDialog::delete_chosen_preset() {
    if (ui_->presetCombo->currentIndex() < 0) return;
    delete_preset(ui_->presetCombo->currentText());
    fill_presets(QString());
}

void SettingsDialog::reset_to_defaults() {
    show_analysis(AnalysisPreset{});
    fill_presets(QString());
}

void SettingsDialog::ask_preset_name() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Name of the preset:"), QLineEdit::Normal,
                                               ui_->presetCombo->currentText(), &ok);
    if (ok) save_as_preset(name);
}

SettingsDialog::~SettingsDialog() = default;

AppSettings SettingsDialog::settings() const {
    AppSettings s = settings_;
    s.hop_s = ui_->hopSpin->value();
    s.threads = ui_->threadsSpin->value();
    s.spectrogram_minutes = ui_->spectrogramSpin->value();
    s.min_confidence = ui_->minConfidenceSpin->value() / 100.0;
    s.batch_size = ui_->batchSpin->value();
    s.export_format = ui_->exportFormatCombo->currentData().toString();
    s.language = ui_->languageCombo->currentData().toString();
    return s;
}

}  // namespace sctx::gui
