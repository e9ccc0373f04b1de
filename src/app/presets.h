#pragma once
// Named presets of the analysis settings (hop, batch size, minimum confidence, export format), so a lab can keep
// "field recordings" and "meeting rooms" apart and switch in one click. Stored with QSettings in the user's config
// location (never next to the program), as an array so any name works, including ones with '/'.
#include <QString>
#include <QStringList>
#include <optional>

#include "settings.h"

namespace sctx::gui {

struct AnalysisPreset {
    double hop_s = 0;     ///< 0 = the model's own
    int batch_size = 32;  ///< windows per forward pass
    double min_confidence = 0;
    QString export_format = QStringLiteral("csv");  ///< csv, json, audacity, raven, sv

    /// The analysis part of the app's settings, and back (the rest of the settings is left as it is).
    static AnalysisPreset from(const AppSettings& s);
    void apply_to(AppSettings& s) const;
    bool operator==(const AnalysisPreset& o) const;
};

/// The presets saved so far, by name (sorted, case-insensitive).
QStringList preset_names();
std::optional<AnalysisPreset> load_preset(const QString& name);
/// Saves (or replaces) a preset. An empty name is refused (returns false).
bool save_preset(const QString& name, const AnalysisPreset& preset);
void delete_preset(const QString& name);

}  // namespace sctx::gui
