// The details of one file: its spectrogram (right size, limited for long files, errors shown), the timeline of
// windows for long recordings, and the probability chart.
#include <QSignalSpy>
#include <QTest>

#include "app_test_support.h"
#include "classify/classifier.h"
#include "details_panel.h"
#include "model/model.h"
#include "probability_chart.h"
#include "spectrogram_image.h"
#include "spectrogram_view.h"
#include "timeline_strip.h"

using namespace sctx;
using namespace sctx::gui;

class DetailsPanelTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<Classifier> classifier_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        test::isolate_settings(dir_.filePath(QStringLiteral("settings")));
        classifier_ = std::make_shared<Classifier>(Model::load(test::make_model(dir_.path()).toStdString()));
    }

    void spectrogram_image_has_one_row_per_mel_band() {
        const QString wav = dir_.filePath(QStringLiteral("three.wav"));
        test::write_tone(wav, 3.0, 1000);
        const SpectrogramImage s = make_spectrogram_image(wav, MelParams{}, 600);
        QVERIFY(s.error.isEmpty());
        QCOMPARE(s.image.height(), 128);
        QCOMPARE(s.image.width(), 188);  // librosa's frame count for 48000 samples
        QCOMPARE(s.shown_s, 3.0);
        // A 1 kHz tone: its band is the brightest row (rows run from high to low frequency).
        int brightest = -1, best = -1;
        for (int y = 0; y < s.image.height(); ++y) {
            const int v = qGray(s.image.pixel(94, y));
            if (v > best) best = v, brightest = y;
        }
        const int band_of_1k = 127 - brightest;
        QVERIFY2(band_of_1k > 30 && band_of_1k < 50, qPrintable(QString::number(band_of_1k)));
    }

    void long_recordings_are_cut_and_narrowed() {
        const QString wav = dir_.filePath(QStringLiteral("long.wav"));
        test::write_tone(wav, 30.0, 500);
        const SpectrogramImage s = make_spectrogram_image(wav, MelParams{}, 10.0, 200);
        QVERIFY(s.error.isEmpty());
        QCOMPARE(s.shown_s, 10.0);
        QCOMPARE(s.duration_s, 30.0);
        QCOMPARE(s.image.width(), 200);
    }

    void unreadable_file_gives_a_reason() {
        const QString bad = dir_.filePath(QStringLiteral("bad.wav"));
        test::write_broken_wav(bad);
        const SpectrogramImage s = make_spectrogram_image(bad, MelParams{}, 60);
        QVERIFY(!s.error.isEmpty());
        QVERIFY(s.image.isNull());
    }

    void panel_shows_chart_spectrogram_and_timeline() {
        const QString wav = dir_.filePath(QStringLiteral("ten.wav"));
        test::write_tone(wav, 10.0, 700);
        ResultRow row;
        row.result = classifier_->classify_file(wav.toStdString());
        QVERIFY(row.result.ok);
        row.status = RowStatus::Done;

        DetailsPanel panel;
        panel.resize(600, 600);
        panel.show();
        QSignalSpy ready(&panel, &DetailsPanel::spectrogram_ready);
        panel.show_row(&row);
        QVERIFY(ready.wait(10000));
        QCOMPARE(panel.spectrogram()->image().image.height(), 128);
        QVERIFY(panel.spectrogram()->image().error.isEmpty());
        QCOMPARE(panel.chart()->probabilities(), row.result.probabilities);
        QVERIFY(panel.timeline()->isVisible());
        QCOMPARE(size_t(panel.timeline()->segment_count()), row.result.segments.size());
        QCOMPARE(panel.timeline()->segment_at(0.0), 0);
        QCOMPARE(panel.timeline()->segment_at(9.99), panel.timeline()->segment_count() - 1);
        QVERIFY(!panel.grab().isNull());

        // A one-window clip has no timeline; nothing selected clears the panel.
        const QString short_wav = dir_.filePath(QStringLiteral("two.wav"));
        test::write_tone(short_wav, 2.0);
        ResultRow short_row;
        short_row.result = classifier_->classify_file(short_wav.toStdString());
        short_row.status = RowStatus::Done;
        panel.show_row(&short_row);
        QVERIFY(!panel.timeline()->isVisible());
        panel.show_row(nullptr);
        QVERIFY(panel.chart()->probabilities().empty());
        QVERIFY(panel.shown_file().isEmpty());
    }
};

QTEST_MAIN(DetailsPanelTest)
#include "test_details_panel.moc"
