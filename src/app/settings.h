#pragma once
// The app's remembered choices (QSettings): one struct so the dialog, the window and the tests agree on keys.
#include <QString>

namespace sctx::gui {

struct AppSettings {
    double hop_s = 0;                               ///< seconds between windows of long recordings; 0 = the model's own
    int threads = 0;                                ///< CPU threads for classification; 0 = all cores
    int spectrogram_minutes = 10;                   ///< how much of a long recording the spectrogram shows
    double min_confidence = 0;                      ///< results below it are shown as uncertain (0-1); 0 = off
    int batch_size = 32;                            ///< windows per forward pass
    QString export_format = QStringLiteral("csv");  ///< what Export table offers first: csv, json, audacity, raven, sv
    QString model_path;                             ///< the model file chosen last; empty = the shipped one
    QString shipped_model;  ///< "default"/"accurate": a shipped model chosen last (wins over model_path)
    QString last_dir;       ///< where the file dialogs open
    QString language;       ///< "de", "es", "en"; empty = the system's (applies at the next start)

    static AppSettings load();
    void save() const;
    /// threads, with 0 resolved to the number of cores.
    int effective_threads() const;
};

}  // namespace sctx::gui
