#pragma once
// What the app tests share: an isolated settings folder, a model made on the spot, audio files written with the
// core's WAV writer, and a way to wait for a batch.
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sctx::gui {
class BatchController;
class MainWindow;
}  // namespace sctx::gui

namespace sctx::gui::test {

/// Settings and app data of this test process live under `dir` (never the user's own).
void isolate_settings(const QString& dir);
/// An untrained TorchScript model of the original architecture (deterministic weights from `seed`).
QString make_model(const QString& dir, const QString& name = QStringLiteral("model.pt"), int seed = 1);
/// A mono 16 kHz WAV: a tone with a little noise, `seconds` long.
void write_tone(const QString& path, double seconds, double hz = 440.0, int rate = 16000);
/// A file named .wav that is not audio.
void write_broken_wav(const QString& path);
/// ffmpeg's path, or empty when it is not installed (the mp3/flac cases are then skipped, not failed).
QString ffmpeg();
/// Converts with ffmpeg; returns false if it failed.
bool ffmpeg_convert(const QString& from, const QString& to);
/// A best_model.pth of the original network (random weights) made by /usr/bin/python3 with torch, or empty
/// when that python cannot import torch (the test is then skipped, not failed).
QString make_original_pth(const QString& dir);
/// Waits (processing events) until the batch is idle. False on timeout.
bool wait_idle(BatchController* batch, int timeout_ms = 60000);
/// Sends the drag-enter + drop of `paths` to `target`, as a file manager would.
void drop_paths(class QWidget* target, const QStringList& paths);

}  // namespace sctx::gui::test
