#pragma once
// Which language the app speaks: the system locale's, or the one chosen in Settings. Our strings come from the
// embedded :/i18n/socialctx_<lang>.qm (translations/*.ts), Qt's own (standard buttons, file dialogs) from Qt's
// translations folder when the system has them (Debian: qt6-translations-l10n).
#include <QString>
#include <QStringList>

namespace sctx::gui {

/// The languages the app is translated into besides English (the source language): "de", "es".
QStringList translated_languages();

/// Installs the translators for `language` ("" = the system locale's; "en" = none) on the running application,
/// replacing any installed before. Returns the language in use: "de", "es" or "en".
QString install_translations(const QString& language);

}  // namespace sctx::gui
