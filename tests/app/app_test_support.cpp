#include "app_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>
#include <cmath>
#include <random>

#include "audio/wav_writer.h"
#include "batch_controller.h"
#include "model/model_factory.h"

namespace sctx::gui::test {

void isolate_settings(const QString& dir) {
    QCoreApplication::setOrganizationName(QStringLiteral("socialctx-test"));
    QCoreApplication::setApplicationName(QStringLiteral("socialctx-gui-test"));
    // Not QStandardPaths' test mode (it writes under ~/.qttest): the XDG folders point into `dir`.
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(var, QFile::encodeName(dir + QLatin1Char('/') + QString::fromLatin1(var).toLower()));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QSettings().clear();
}

QString make_model(const QString& dir, const QString& name, int seed) {
    const QString path = dir + QLatin1Char('/') + name;
    create_untrained_model(ModelConfig{}, uint64_t(seed), QFile::encodeName(path).toStdString());
    return path;
}

void write_tone(const QString& path, double seconds, double hz, int rate) {
    std::mt19937 rng(uint32_t(seconds * 1000 + hz));
    std::normal_distribution<float> noise(0.f, 0.02f);
    std::vector<float> s(size_t(seconds * rate));
    for (size_t i = 0; i < s.size(); ++i) s[i] = 0.3f * float(std::sin(2 * M_PI * hz * double(i) / rate)) + noise(rng);
    write_wav(QFile::encodeName(path).toStdString(), s, rate);
}

void write_broken_wav(const QString& path) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("RIFF\x10\x00\x00\x00WAVEthis is not audio at all", 36);
}

QString ffmpeg() { return QStandardPaths::findExecutable(QStringLiteral("ffmpeg")); }

bool ffmpeg_convert(const QString& from, const QString& to) {
    if (ffmpeg().isEmpty()) return false;
    QProcess p;
    p.start(ffmpeg(), {QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-i"),
                       from, to});
    return p.waitForFinished(60000) && p.exitCode() == 0 && QFile::exists(to);
}

QString make_original_pth(const QString& dir) {
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python)) return {};
    const QString out = dir + QStringLiteral("/best_model.pth");
    const QString script = QStringLiteral(
        "import sys; sys.path.insert(0, sys.argv[1]); import torch; "
        "from export_torchscript import AudioClassifierCNN; torch.manual_seed(3); "
        "torch.save(AudioClassifierCNN().state_dict(), sys.argv[2])");
    QProcess p;
    p.start(python, {QStringLiteral("-c"), script, QStringLiteral(SOCIALCTX_SOURCE_DIR "/scripts"), out});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) return {};
    return QFile::exists(out) ? out : QString();
}

bool wait_idle(BatchController* batch, int timeout_ms) {
    QElapsedTimer t;
    t.start();
    // One event round first: a drop's folder walk reports back through the event loop.
    QTest::qWait(20);
    while (batch->busy()) {
        if (t.elapsed() > timeout_ms) return false;
        QTest::qWait(20);
    }
    return true;
}

void drop_paths(QWidget* target, const QStringList& paths) {
    QMimeData data;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    data.setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY2(enter.isAccepted(), "the drop target refused the drag");
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    QVERIFY2(drop.isAccepted(), "the drop target refused the drop");
}

}  // namespace sctx::gui::test
