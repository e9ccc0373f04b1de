#pragma once
// Saving results from the table: CSV, JSON, Audacity labels, Raven selection tables and Sonic Visualiser layers are
// written by the core's writers
// (classify/result_writer.h) into an atomically replaced file, so an export equals `socialctx classify` output
// for the same files. The clipboard gets tab-separated text, which spreadsheets paste into columns.
#include <QString>
#include <string>
#include <vector>

#include "results_model.h"

namespace sctx::gui {

enum class ExportFormat { Csv, Json, Audacity, Raven, SonicVisualiser };

/// File-dialog filters in the order of ExportFormat, and the format a chosen filter or file name means.
QStringList export_filters();
ExportFormat export_format_for(const QString& filter, const QString& path);
/// What a file of `format` ends in when the user typed no extension (".selections.txt" for Raven, as Raven names
/// its own tables).
QString export_suffix(ExportFormat format);
/// "csv", "json", "audacity", "raven", "sv" (the CLI's --format names; anything else is CSV).
ExportFormat export_format_named(const QString& name);

/// Writes the finished rows (ok or error; queued and cancelled files are left out) in the order given.
/// Returns the number of files written. Throws sctx::Error with the reason.
/// `high_freq_hz`: the top of the band in Raven selections (the model's).
/// `min_confidence`: results below it are marked uncertain as `socialctx classify --min-confidence` marks them.
int export_rows(const QString& path, ExportFormat format, const std::vector<const ResultRow*>& rows,
                const std::vector<std::string>& class_names, double high_freq_hz = 8000, double min_confidence = 0);

/// Header line and one line per row: path, status, error, duration_s, label, confidence, one column per class.
QString rows_as_tsv(const std::vector<const ResultRow*>& rows, const std::vector<std::string>& class_names);

}  // namespace sctx::gui
