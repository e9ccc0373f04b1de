#pragma once
// What ships beside the app: the short example recordings (File ▸ Open example) and the user guide (Help ▸ User
// guide), found next to the program once installed, or in the source tree from a build tree.
#include <QString>
#include <QStringList>

namespace sctx::gui {

/// The folder holding the examples, or empty if none is found.
QString examples_dir();
/// The example .wav files, sorted.
QStringList example_files();
/// The installed user guide (user-guide.md), or empty if none is found.
QString user_guide_path();

}  // namespace sctx::gui
