#pragma once
// Play/pause of the selected file with its position for the play-head. Qt Multimedia is optional at build time
// (available() is false without it), and the player is made on first use, so a machine without an audio
// backend only loses playback.
#include <QObject>
#include <QString>

#ifdef SOCIALCTX_HAVE_MULTIMEDIA
class QMediaPlayer;
class QAudioOutput;
#endif

namespace sctx::gui {

class Playback : public QObject {
    Q_OBJECT
public:
    explicit Playback(QObject* parent = nullptr);
    ~Playback() override;

    /// Built with Qt Multimedia.
    static bool available();
    /// Picks Qt Multimedia's backend before its first use: GStreamer (Qt's default on Linux) only when the
    /// GStreamer plugins it needs are installed (Qt 6.4 crashes creating a player without them), else FFmpeg,
    /// which this program links anyway. QT_MEDIA_BACKEND set by the user wins.
    static void choose_backend();
    /// Whether a file can be played now; `why` says why not (no audio device, no Qt Multimedia).
    static bool can_play(QString* why);
    void set_file(const QString& path);
    void toggle();
    void stop();
    void seek(double seconds);
    bool playing() const { return playing_; }

Q_SIGNALS:
    void position_changed(double seconds);  ///< -1 when stopped
    void playing_changed(bool playing);
    void failed(const QString& reason);

private:
    void ensure_player();
    QString file_;
    bool playing_ = false;
#ifdef SOCIALCTX_HAVE_MULTIMEDIA
    QMediaPlayer* player_ = nullptr;
    QAudioOutput* output_ = nullptr;
#endif
};

}  // namespace sctx::gui
