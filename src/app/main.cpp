// socialctx-gui: the desktop app. Paths on the command line are opened as if dropped.
#include <QApplication>
#include <QByteArray>
#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTimer>

#include <cstdio>

#include "app_resources.h"
#include "file_open_handler.h"
#include "main_window.h"
#include "playback.h"
#include "settings.h"
#include "translations.h"
#include "version.h"

namespace {

// The options, in one place for the two parsers below.
struct GuiOptions {
    QCommandLineOption model{{QStringLiteral("m"), QStringLiteral("model")},
                             QStringLiteral("Use this TorchScript model for this session."),
                             QStringLiteral("MODEL.pt")};
    QCommandLineOption select_first{QStringLiteral("select-first"),
                                    QStringLiteral("Select the first row when the files are classified.")};
    QCommandLineOption resume{QStringLiteral("resume"),
                              QStringLiteral("Resume the last session's unfinished batch without asking.")};
};

void set_identity() {
    QCoreApplication::setOrganizationName(QStringLiteral("socialctx"));
    QCoreApplication::setApplicationName(QStringLiteral("socialctx-gui"));
    QCoreApplication::setApplicationVersion(QString::fromStdString(sctx::version()));
}

void describe(QCommandLineParser& parser, const GuiOptions& o) {
    parser.setApplicationDescription(
        QStringLiteral("Classifies recordings into five social contexts, on this computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(o.model);
    parser.addOption(o.select_first);
    parser.addOption(o.resume);
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("Audio files or folders to classify."),
                                 QStringLiteral("[paths...]"));
}

// --help and --version only print: answer them without a display (a QApplication aborts when there is none, as in
// an ssh session or a packaging check).
bool only_prints(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--") return false;
        if (a == "-h" || a == "-?" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    QElapsedTimer since_main;
    since_main.start();
    GuiOptions options;
    if (only_prints(argc, argv)) {
        QCoreApplication core(argc, argv);
        set_identity();
        QCommandLineParser parser;
        describe(parser, options);
        parser.process(core);  // prints and exits; returns only for an argument it does not print for
        return 0;
    }
    sctx::gui::Playback::choose_backend();
    QApplication app(argc, argv);
    socialctx_init_app_resources();
    set_identity();
    sctx::gui::install_translations(sctx::gui::AppSettings::load().language);
    QApplication::setApplicationDisplayName(QStringLiteral("Social Context Classifier"));
    QApplication::setDesktopFileName(QStringLiteral("socialctx-gui"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/socialctx.svg")));

    QCommandLineParser parser;
    describe(parser, options);
    parser.process(app);

    sctx::gui::MainWindow window(parser.value(options.model));
    window.set_select_first(parser.isSet(options.select_first));
    sctx::gui::FileOpenHandler finder(&window);  // macOS: files opened from Finder while the app runs
    window.show();
    if (parser.isSet(options.resume)) window.resume_unfinished();
    window.open_paths(parser.positionalArguments());
    // For bench/run_benchmarks.sh: SOCIALCTX_EXIT_WHEN_READY=1 prints how long main() took until the window was
    // shown with its model loaded (ready to classify), on the first turn of the event loop, and quits. The
    // script measures the whole process from outside (the dynamic loading before main() included).
    if (qEnvironmentVariableIntValue("SOCIALCTX_EXIT_WHEN_READY") == 1)
        QTimer::singleShot(0, &app, [&] {
            std::fprintf(stderr, "ready: %lld ms after main(), model %s\n",
                         static_cast<long long>(since_main.elapsed()), qPrintable(window.model_status()));
            QCoreApplication::quit();
        });
    return app.exec();
}
