#include "class_colors.h"

#include <array>

namespace sctx::gui {

QColor class_color(int index) {
    // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
    static const std::array<QColor, 8> palette = {
        QColor(0x99, 0x99, 0x99),  // Alone / Quiet: grey, the absence of voices
        QColor(0x00, 0x72, 0xB2),  // Speech / Monologue: blue
        QColor(0x00, 0x9E, 0x73),  // One-on-One: green
        QColor(0xE6, 0x9F, 0x00),  // Group: orange
        QColor(0xD5, 0x5E, 0x00),  // Noisy: vermilion
        QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42),
    };
    if (index < 0) return QColor(Qt::transparent);
    return palette[size_t(index) % palette.size()];
}

QString short_class_name(const QString& name) {
    // The classes are named "Broad / Specific" or "Adjective Noun": the first part is enough for a header.
    const int slash = name.indexOf(QLatin1Char('/'));
    if (slash > 0) return name.left(slash).trimmed();
    const int space = name.indexOf(QLatin1Char(' '));
    if (space > 0) return name.left(space);
    return name;
}

}  // namespace sctx::gui
