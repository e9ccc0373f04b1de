#include "playback.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#ifdef SOCIALCTX_HAVE_MULTIMEDIA
#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>
#include <QMediaPlayer>
#endif

namespace sctx::gui {

Playback::Playback(QObject* parent) : QObject(parent) {}
Playback::~Playback() = default;

bool Playback::available() {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    return true;
#else
    return false;
#endif
}

void Playback::choose_backend() {
    if (!qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND")) return;
    // Where GStreamer looks for plugins (its own variables first, then the usual system folders).
    QStringList dirs;
    for (const char* var :
         {"GST_PLUGIN_SYSTEM_PATH_1_0", "GST_PLUGIN_SYSTEM_PATH", "GST_PLUGIN_PATH_1_0", "GST_PLUGIN_PATH"})
        dirs += qEnvironmentVariable(var).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    dirs += QDir(QStringLiteral("/usr/lib")).entryList({QStringLiteral("*-linux-gnu*")}, QDir::Dirs);
    for (QString& d : dirs)
        if (!d.startsWith(QLatin1Char('/'))) d = QStringLiteral("/usr/lib/") + d + QStringLiteral("/gstreamer-1.0");
    dirs << QStringLiteral("/usr/lib64/gstreamer-1.0") << QStringLiteral("/usr/lib/gstreamer-1.0")
         << QStringLiteral("/usr/local/lib/gstreamer-1.0");
    // playbin (gst-plugins-base) and an audio sink (autoaudiosink, gst-plugins-good) are what a player needs.
    bool playbin = false, sink = false;
    for (const QString& d : dirs) {
        playbin = playbin || QFileInfo::exists(d + QStringLiteral("/libgstplayback.so"));
        sink = sink || QFileInfo::exists(d + QStringLiteral("/libgstautodetect.so"));
    }
    if (!playbin || !sink) qputenv("QT_MEDIA_BACKEND", "ffmpeg");
}

bool Playback::can_play(QString* why) {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    // Qt 6.4's players crash on a machine with no audio output (a server, a container): check first.
    if (QMediaDevices::audioOutputs().isEmpty()) {
        if (why) *why = tr("no audio output device");
        return false;
    }
    return true;
#else
    if (why) *why = tr("this build has no audio playback");
    return false;
#endif
}

void Playback::set_file(const QString& path) {
    if (path == file_) return;
    stop();
    file_ = path;
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    if (player_) player_->setSource(QUrl::fromLocalFile(file_));
#endif
}

void Playback::ensure_player() {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    if (player_) return;
    player_ = new QMediaPlayer(this);
    output_ = new QAudioOutput(this);
    player_->setAudioOutput(output_);
    connect(player_, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (playing_) Q_EMIT position_changed(double(ms) / 1000.0);
    });
    connect(player_, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState s) {
        const bool now = s == QMediaPlayer::PlayingState;
        if (now == playing_) return;
        playing_ = now;
        Q_EMIT playing_changed(now);
        if (s == QMediaPlayer::StoppedState) Q_EMIT position_changed(-1);
    });
    connect(player_, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& text) {
        Q_EMIT failed(text.isEmpty() ? tr("this file cannot be played here") : text);
    });
    if (!file_.isEmpty()) player_->setSource(QUrl::fromLocalFile(file_));
#endif
}

void Playback::toggle() {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    if (file_.isEmpty()) return;
    QString why;
    if (!player_ && !can_play(&why)) {
        Q_EMIT failed(why);
        return;
    }
    ensure_player();
    if (player_->playbackState() == QMediaPlayer::PlayingState)
        player_->pause();
    else
        player_->play();
#endif
}

void Playback::stop() {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    if (player_) player_->stop();
#endif
    if (playing_) {
        playing_ = false;
        Q_EMIT playing_changed(false);
    }
    Q_EMIT position_changed(-1);
}

void Playback::seek(double seconds) {
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    QString why;
    if (file_.isEmpty() || (!player_ && !can_play(&why))) {
        if (!why.isEmpty()) Q_EMIT failed(why);
        return;
    }
    ensure_player();
    player_->setPosition(qint64(seconds * 1000));
    if (player_->playbackState() != QMediaPlayer::PlayingState) player_->play();
#else
    (void)seconds;
#endif
}

}  // namespace sctx::gui
