// socialctx-gui: the desktop app. Paths on the command line are opened as if dropped.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include "app_resources.h"
#include "main_window.h"
#include "playback.h"
#include "version.h"

int main(int argc, char** argv) {
    sctx::gui::Playback::choose_backend();
    QApplication app(argc, argv);
    socialctx_init_app_resources();
    QApplication::setOrganizationName(QStringLiteral("socialctx"));
    QApplication::setApplicationName(QStringLiteral("socialctx-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("Social Context Classifier"));
    QApplication::setApplicationVersion(QString::fromStdString(sctx::version()));
    QApplication::setDesktopFileName(QStringLiteral("socialctx-gui"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/socialctx.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Classifies recordings into five social contexts, on this computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption model({QStringLiteral("m"), QStringLiteral("model")},
                                   QStringLiteral("Use this TorchScript model for this session."),
                                   QStringLiteral("MODEL.pt"));
    const QCommandLineOption select_first(QStringLiteral("select-first"),
                                          QStringLiteral("Select the first row when the files are classified."));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    QStringLiteral("Resume the last session's unfinished batch without asking."));
    parser.addOption(model);
    parser.addOption(select_first);
    parser.addOption(resume);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Audio files or folders to classify."),
                                 QStringLiteral("[paths...]"));
    parser.process(app);

    sctx::gui::MainWindow window(parser.value(model));
    window.set_select_first(parser.isSet(select_first));
    window.show();
    if (parser.isSet(resume)) window.resume_unfinished();
    window.open_paths(parser.positionalArguments());
    return app.exec();
}
