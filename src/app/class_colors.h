#pragma once
// One colour and one short name per class, shared by the table bars, the chart, the timeline and its legend,
// so a class looks the same everywhere in the window.
#include <QColor>
#include <QString>

namespace sctx::gui {

/// Colour of class `index` (model order). Indices past the palette cycle through it.
QColor class_color(int index);
/// A column-header sized name: "Alone / Quiet" -> "Alone", "One-on-One Conversation" -> "One-on-One".
QString short_class_name(const QString& name);

}  // namespace sctx::gui
