#include "about_dialog.h"

#include <QIcon>

#include "app_resources.h"
#include "ui_about_dialog.h"
#include "version.h"

namespace sctx::gui {

QString AboutDialog::privacy_statement() {
    return tr("Everything runs on this computer. The app makes no network connections and sends nothing anywhere.");
}

AboutDialog::AboutDialog(QWidget* parent, const QString& model_in_use)
    : QDialog(parent), ui_(std::make_unique<Ui::AboutDialog>()) {
    socialctx_init_app_resources();
    ui_->setupUi(this);
    ui_->iconLabel->setPixmap(QIcon(QStringLiteral(":/socialctx.svg")).pixmap(64, 64));
    const QString fft = QString::fromStdString(fft_backend());
    ui_->versionLabel->setText(tr("Version %1 · Qt %2 · FFT: %3")
                                   .arg(QString::fromStdString(version()), QString::fromLatin1(qVersion()), fft));

    // The licence of the whole program follows from what this build links: FFTW is GPL; KissFFT is BSD.
    const bool gpl = fft.compare(QLatin1String("kissfft"), Qt::CaseInsensitive) != 0;
    const QString licence =
        gpl ? tr("<p>This build is distributed under the <b>GNU General Public License, version 3 or later</b> "
                 "(GPL-3.0-or-later), because it links FFTW (GPL-2.0-or-later) and FFmpeg built with GPL "
                 "components.</p>"
                 "<p>Builds made with the KissFFT backend (BSD-3-Clause) instead of FFTW, against an LGPL FFmpeg, "
                 "can be distributed under the project's own licence.</p>")
            : tr("<p>This build uses the KissFFT backend (BSD-3-Clause) instead of FFTW. The program's licence is "
                 "the project's own; FFmpeg is used under the LGPL-2.1-or-later, and other components under their "
                 "own licences below.</p>");
    ui_->textBrowser->setHtml(
        tr("<p>Classifies recordings into five social contexts — Alone / Quiet, Speech / Monologue, One-on-One "
           "Conversation, Group Discussion, Noisy Environment — in 3-second windows.</p>"
           "<h3>Privacy</h3><p><b>%1</b></p>"
           "<h3>Licences</h3>%2"
           "<p>Components: Qt 6 (LGPL-3.0), LibTorch (BSD-3-Clause), FFmpeg (LGPL-2.1-or-later / GPL), "
           "libsndfile (LGPL-2.1-or-later), libsoxr (LGPL-2.1-or-later), FFTW (GPL-2.0-or-later) or KissFFT "
           "(BSD-3-Clause), nlohmann/json (MIT), pugixml (MIT).</p>"
           "<h3>The model</h3>%3<p>The predictions come from a small neural network trained on synthetic and "
           "real speech. They are estimates: check what matters.</p>")
            .arg(privacy_statement().toHtmlEscaped(), licence,
                 model_in_use.isEmpty() ? QString()
                                        : tr("<p>In use: <b>%1</b> (Model ▸ Model in use… tells more).</p>")
                                              .arg(model_in_use.toHtmlEscaped())));
}

AboutDialog::~AboutDialog() = default;

}  // namespace sctx::gui
