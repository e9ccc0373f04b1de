#pragma once
// The short example recordings shipped with the app (File ▸ Open example): found next to the program once
// installed, or in the source tree from a build tree.
#include <QString>
#include <QStringList>

namespace sctx::gui {

/// The folder holding the examples, or empty if none is found.
QString examples_dir();
/// The example .wav files, sorted.
QStringList example_files();

}  // namespace sctx::gui
