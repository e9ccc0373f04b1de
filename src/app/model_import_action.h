#pragma once
// Model ▸ Import best_model.pth: the original project's PyTorch state_dict becomes a TorchScript model (through
// the core's importer, sctx::import_state_dict) kept in the app's data folder, ready to load.
#include <QString>

namespace sctx::gui {

/// Where an import of `pth_path` is written: <app data>/models/<name>.pt (an existing one is replaced).
QString imported_model_path(const QString& pth_path);
/// Imports and returns the new model's path. Throws sctx::Error with the reason.
QString import_pth_model(const QString& pth_path);

}  // namespace sctx::gui
