// Raven selection tables and Sonic Visualiser layers, read back: what is written parses into the windows that
// went in (times, labels, confidences, files), failed files write nothing, and awkward names stay in one field.
#include <gtest/gtest.h>

#include <sstream>

#include "classify/output_file.h"
#include "classify/result_writer.h"
#include "model/model_config.h"
#include "test_support.h"
#include "util/csv.h"
#include "util/error.h"

namespace {

using sctx::FileResult;
using sctx::OutputFormat;
using sctx::Segment;

FileResult result(const std::string& file, std::vector<std::pair<double, int>> starts, double duration) {
    FileResult r;
    r.file = file;
    r.ok = true;
    r.duration_s = duration;
    r.label_index = starts.empty() ? 1 : starts.front().second;
    r.confidence = 0.5f;
    for (const auto& [start, label] : starts) {
        Segment s;
        s.start_s = start;
        s.end_s = std::min(start + 3.0, duration);
        s.label_index = label;
        s.confidence = 0.25f + 0.125f * float(label);
        s.probabilities.assign(5, 0.1f);
        r.segments.push_back(s);
    }
    return r;
}

std::string write(OutputFormat format, const std::vector<FileResult>& results, const std::string& path) {
    sctx::OutputFile out(path, sctx::OutputFile::Mode::Atomic);
    sctx::WriterOptions o;
    o.class_names = sctx::default_class_names();
    o.multiple_files = results.size() > 1;
    o.high_freq_hz = 8000;
    auto w = sctx::make_writer(format, out, o);
    for (const auto& r : results) w->write(r);
    w->finish();
    return sctx::test::read_file(path);
}

std::vector<std::vector<std::string>> split(const std::string& text, char sep) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        if (sep == ',') {
            EXPECT_TRUE(sctx::csv::split_line(line, fields)) << line;
        } else {
            std::string f;
            std::istringstream l(line);
            while (std::getline(l, f, sep)) fields.push_back(f);
            if (!line.empty() && line.back() == sep) fields.emplace_back();
        }
        rows.push_back(fields);
    }
    return rows;
}

std::vector<FileResult> sample() {
    FileResult failed;
    failed.file = "/data/broken.wav";
    failed.error = "truncated WAV header";
    return {result("/data/a.wav", {{0.0, 2}, {1.5, 3}, {3.0, 2}}, 6.0), failed,
            result("/data/odd, \"name\"\tx.wav", {{0.0, 0}}, 2.0)};
}

TEST(RavenSelectionTable, ReadsBackAsOneSelectionPerWindow) {
    sctx::test::TempDir dir;
    const auto rows = split(write(OutputFormat::Raven, sample(), dir.file("t.selections.txt")), '\t');
    ASSERT_EQ(rows.size(), 5u);  // header + 3 windows + 1 window; the failed file has none
    const std::vector<std::string> header = {"Selection",    "View",          "Channel",        "Begin Time (s)",
                                             "End Time (s)", "Low Freq (Hz)", "High Freq (Hz)", "Label",
                                             "Confidence",   "Begin Path",    "File Offset (s)"};
    EXPECT_EQ(rows[0], header);
    const auto in = sample();
    const std::vector<std::pair<const FileResult*, size_t>> expected = {
        {&in[0], 0}, {&in[0], 1}, {&in[0], 2}, {&in[2], 0}};
    for (size_t i = 0; i < expected.size(); ++i) {
        const auto& row = rows[i + 1];
        ASSERT_EQ(row.size(), header.size()) << i;
        const Segment& s = expected[i].first->segments[expected[i].second];
        EXPECT_EQ(std::stoi(row[0]), int(i + 1)) << "selections are numbered from 1 across files";
        EXPECT_EQ(row[1], "Spectrogram 1");
        EXPECT_EQ(row[2], "1");
        EXPECT_DOUBLE_EQ(std::stod(row[3]), s.start_s);
        EXPECT_DOUBLE_EQ(std::stod(row[4]), s.end_s);
        EXPECT_DOUBLE_EQ(std::stod(row[5]), 0.0);
        EXPECT_DOUBLE_EQ(std::stod(row[6]), 8000.0);
        EXPECT_EQ(row[7], sctx::default_class_names()[size_t(s.label_index)]);
        EXPECT_NEAR(std::stod(row[8]), s.confidence, 1e-6);
        EXPECT_DOUBLE_EQ(std::stod(row[10]), s.start_s);
    }
    EXPECT_EQ(rows[1][9], "/data/a.wav");
    EXPECT_EQ(rows[4][9], "/data/odd, \"name\" x.wav") << "a tab in a name becomes a space, not a new column";
}

TEST(SonicVisualiserLayer, ReadsBackAsTimeDurationLabel) {
    sctx::test::TempDir dir;
    const auto rows = split(write(OutputFormat::SonicVisualiser, sample(), dir.file("layer.csv")), ',');
    ASSERT_EQ(rows.size(), 4u) << "no header: Sonic Visualiser's own CSV layers have none";
    const auto in = sample();
    for (size_t i = 0; i < 3; ++i) {
        ASSERT_EQ(rows[i].size(), 3u);
        const Segment& s = in[0].segments[i];
        EXPECT_DOUBLE_EQ(std::stod(rows[i][0]), s.start_s);
        EXPECT_DOUBLE_EQ(std::stod(rows[i][1]), s.end_s - s.start_s);
        EXPECT_EQ(rows[i][2], "a.wav: " + sctx::default_class_names()[size_t(s.label_index)]);
    }
    ASSERT_EQ(rows[3].size(), 3u) << "the comma and quotes of the name stay inside the quoted label";
    EXPECT_EQ(rows[3][2], "odd, \"name\"\tx.wav: Alone / Quiet");
    EXPECT_DOUBLE_EQ(std::stod(rows[3][1]), 2.0);
}

TEST(SonicVisualiserLayer, OneFileHasPlainLabelsAndNoWindowsMeansTheWholeFile) {
    sctx::test::TempDir dir;
    FileResult r = result("/data/clip.wav", {}, 2.5);
    const auto rows = split(write(OutputFormat::SonicVisualiser, {r}, dir.file("one.csv")), ',');
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0], (std::vector<std::string>{"0.000000", "2.500000", "Speech / Monologue"}));
}

TEST(OutputFormats, RavenAndSvAreNamedLikeTheOthers) {
    EXPECT_EQ(sctx::parse_output_format("raven"), OutputFormat::Raven);
    EXPECT_EQ(sctx::parse_output_format("sv"), OutputFormat::SonicVisualiser);
    EXPECT_STREQ(sctx::to_string(OutputFormat::SonicVisualiser), "sv");
    EXPECT_THROW(sctx::parse_output_format("raven-pro"), sctx::Error);
}

}  // namespace
