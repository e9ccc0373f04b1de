// How the desktop app copes with a big drop: N short recordings (10,000 by default) in one folder are dropped on
// the real window (offscreen), and while the batch runs a 5 ms timer measures how long the event loop is ever
// blocked (the longest gap between its ticks, the 99th percentile, gaps over 100 ms) and samples the resident
// memory. Printed, never asserted (bench/run_app_benchmark.sh runs it beside the CLI on the same files).
//   socialctx_app_bench [--files N] [--model FILE|default] [--seconds S] [--dir DIR]
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "audio/wav_writer.h"
#include "batch_controller.h"
#include "main_window.h"
#include "results_model.h"

namespace {

// Resident and peak memory in MiB, from /proc/self/status (Linux).
std::pair<double, double> memory_mib() {
    QFile f(QStringLiteral("/proc/self/status"));
    double rss = -1, hwm = -1;
    if (!f.open(QIODevice::ReadOnly)) return {rss, hwm};
    for (const QByteArray& line : f.readAll().split('\n')) {
        auto kib = [&](const char* key) {
            return line.mid(int(qstrlen(key))).trimmed().split(' ').value(0).toDouble() / 1024;
        };
        if (line.startsWith("VmRSS:")) rss = kib("VmRSS:");
        if (line.startsWith("VmHWM:")) hwm = kib("VmHWM:");
    }
    return {rss, hwm};
}

void make_files(const QString& dir, int n, double seconds) {
    std::mt19937 rng(7);
    std::normal_distribution<float> noise(0.f, 0.05f);
    const int rate = 16000;
    const size_t len = size_t(seconds * rate);
    std::vector<float> s(len);
    for (int i = 0; i < n; ++i) {
        const double hz = 120 + (i % 50) * 7;
        for (size_t k = 0; k < len; ++k) s[k] = 0.2f * float(std::sin(2 * M_PI * hz * double(k) / rate)) + noise(rng);
        const QString sub = dir + QStringLiteral("/part%1").arg(i / 1000, 2, 10, QLatin1Char('0'));
        QDir().mkpath(sub);
        sctx::write_wav(
            QFile::encodeName(sub + QStringLiteral("/clip%1.wav").arg(i, 5, 10, QLatin1Char('0'))).toStdString(), s,
            rate);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // A profile of its own (settings, the batch journal) that goes away with the run.
    QTemporaryDir profile;
    for (const char* var : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
        qputenv(var, QFile::encodeName(profile.path() + QLatin1Char('/') + QString::fromLatin1(var).toLower()));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("socialctx-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("socialctx-app-bench"));
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption(
        {QStringLiteral("files"), QStringLiteral("How many files."), QStringLiteral("N"), QStringLiteral("10000")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Length of each file."), QStringLiteral("S"),
                 QStringLiteral("0.5")});
    p.addOption(
        {QStringLiteral("model"), QStringLiteral("Model file (default: the shipped one)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("dir"), QStringLiteral("Use (or make) the files here."), QStringLiteral("DIR")});
    p.process(app);
    const int n = std::max(1, p.value(QStringLiteral("files")).toInt());

    QTemporaryDir tmp;
    const QString dir =
        p.isSet(QStringLiteral("dir")) ? p.value(QStringLiteral("dir")) : tmp.path() + QStringLiteral("/clips");
    QElapsedTimer clock;
    clock.start();
    if (!QDir(dir).exists() || QDir(dir).isEmpty()) make_files(dir, n, p.value(QStringLiteral("seconds")).toDouble());
    std::printf("files: %d of %.2f s in %s (made in %.1f s)\n", n, p.value(QStringLiteral("seconds")).toDouble(),
                qPrintable(dir), clock.elapsed() / 1000.0);

    sctx::gui::MainWindow w(p.value(QStringLiteral("model")));
    w.resize(1280, 800);
    w.show();
    QApplication::processEvents();
    const auto [rss0, hwm0] = memory_mib();

    std::vector<double> gaps;
    std::vector<std::pair<int, double>> rss_by_rows;  // rows done, RSS
    QElapsedTimer tick;
    QTimer timer;
    timer.setInterval(5);
    int next_sample = 1000;
    double longest_at = 0, longest_seen = 0;  // when the longest gap ended, seconds after the drop
    QObject::connect(&timer, &QTimer::timeout, [&] {
        gaps.push_back(double(tick.nsecsElapsed()) / 1e6);
        if (gaps.back() > longest_seen) {
            longest_seen = gaps.back();
            longest_at = clock.elapsed() / 1000.0;
        }
        tick.restart();
        const int done =
            w.results()->count(sctx::gui::RowStatus::Done) + w.results()->count(sctx::gui::RowStatus::Failed);
        if (done >= next_sample) {
            rss_by_rows.push_back({done, memory_mib().first});
            next_sample += 1000;
        }
    });
    double first_row_s = -1, all_listed_s = -1;
    QObject::connect(w.results(), &QAbstractItemModel::rowsInserted, [&] {
        const double t = clock.elapsed() / 1000.0;
        if (first_row_s < 0) first_row_s = t;
        if (w.results()->rowCount() >= n) all_listed_s = t;
    });

    clock.restart();
    tick.start();
    timer.start();
    w.open_paths({dir});
    QElapsedTimer guard;
    guard.start();
    while ((w.batch()->busy() || w.results()->rowCount() < n) && guard.elapsed() < 3600 * 1000) {
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    const double wall = clock.elapsed() / 1000.0;
    timer.stop();
    const auto [rss1, hwm1] = memory_mib();

    std::sort(gaps.begin(), gaps.end());
    const double longest = gaps.empty() ? 0 : gaps.back();
    const double p99 = gaps.empty() ? 0 : gaps[size_t(0.99 * double(gaps.size() - 1))];
    const long over100 = std::count_if(gaps.begin(), gaps.end(), [](double g) { return g > 100; });
    const int done = w.results()->count(sctx::gui::RowStatus::Done);
    const int failed = w.results()->count(sctx::gui::RowStatus::Failed);
    std::printf(
        "classified: %d ok, %d failed in %.2f s (%.0f files/s); first row at %.3f s, all %d rows listed at %.3f s\n",
        done, failed, wall, double(done + failed) / wall, first_row_s, n, all_listed_s);
    std::printf(
        "event loop: %zu ticks of 5 ms; longest gap %.1f ms (ending %.2f s after the drop), 99th percentile %.1f ms, "
        "%ld gaps over 100 ms\n",
        gaps.size(), longest, longest_at, p99, over100);
    std::printf("memory: RSS %.0f MiB before the drop, %.0f MiB after (peak %.0f MiB)\n", rss0, rss1, hwm1);
    for (const auto& [rows, rss] : rss_by_rows) std::printf("memory: %6d rows done  RSS %.0f MiB\n", rows, rss);
    (void)hwm0;
    return done + failed == n ? 0 : 1;
}
