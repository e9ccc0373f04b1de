// The minimum confidence (BirdNET's min_conf): a result below it is "uncertain" in every output and in the
// summary, and nothing of it is hidden: its best guess, confidence and probabilities are still written. Without a
// minimum every format is byte-for-byte what it was.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "classify/batch_summary.h"
#include "classify/class_label.h"
#include "classify/output_file.h"
#include "classify/result_writer.h"
#include "model/model_config.h"
#include "test_support.h"
#include "util/csv.h"

namespace {

using sctx::FileResult;
using sctx::OutputFormat;

FileResult result(const std::string& file, int label, float confidence, double seconds) {
    FileResult r;
    r.file = file;
    r.ok = true;
    r.duration_s = seconds;
    r.label_index = label;
    r.confidence = confidence;
    r.probabilities.assign(5, (1 - confidence) / 4);
    r.probabilities[size_t(label)] = confidence;
    sctx::Segment s;
    s.start_s = 0;
    s.end_s = seconds;
    s.label_index = label;
    s.confidence = confidence;
    s.probabilities = r.probabilities;
    r.segments.push_back(s);
    return r;
}

const std::vector<FileResult>& batch() {
    static const std::vector<FileResult> b = [] {
        std::vector<FileResult> v = {result("/d/sure.wav", 3, 0.90f, 10), result("/d/unsure.wav", 2, 0.41f, 20),
                                     result("/d/edge.wav", 1, 0.5f, 5)};
        FileResult bad;
        bad.file = "/d/bad.wav";
        bad.error = "truncated";
        v.push_back(bad);
        return v;
    }();
    return b;
}

std::string write(OutputFormat format, double min_confidence, bool segments = false) {
    sctx::test::TempDir dir;
    const std::string path = dir.file("out");
    {
        sctx::OutputFile out(path, sctx::OutputFile::Mode::Atomic);
        sctx::WriterOptions o;
        o.class_names = sctx::default_class_names();
        o.segments = segments;
        o.min_confidence = min_confidence;
        auto w = sctx::make_writer(format, out, o);
        for (const auto& r : batch()) w->write(r);
        w->finish();
    }
    return sctx::test::read_file(path);
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> f;
        EXPECT_TRUE(sctx::csv::split_line(line, f)) << line;
        rows.push_back(f);
    }
    return rows;
}

TEST(MinConfidence, TheRuleIsStrictlyBelowAndZeroTurnsItOff) {
    EXPECT_TRUE(sctx::is_uncertain(0.49f, 0.5));
    EXPECT_FALSE(sctx::is_uncertain(0.5f, 0.5));
    EXPECT_FALSE(sctx::is_uncertain(0.0f, 0.0));
    const auto names = sctx::default_class_names();
    EXPECT_EQ(sctx::shown_label(3, 0.2f, names, 0.5), "uncertain (Group Discussion)");
    EXPECT_EQ(sctx::shown_label(3, 0.2f, names, 0), "Group Discussion");
}

TEST(MinConfidence, CsvGetsAnUncertainColumnAndKeepsLabelAndProbabilities) {
    const auto rows = csv_rows(write(OutputFormat::Csv, 0.5));
    ASSERT_EQ(rows.size(), 5u);
    ASSERT_EQ(rows[0].back(), "uncertain");
    const size_t label = 4, confidence = 6, group = 7 + 3;
    EXPECT_EQ(rows[1][label], "Group Discussion");
    EXPECT_EQ(rows[1].back(), "0");
    EXPECT_EQ(rows[2][label], "One-on-One Conversation");  // the best guess, not replaced
    EXPECT_EQ(rows[2][confidence], "0.410000");
    EXPECT_EQ(rows[2].back(), "1");
    EXPECT_EQ(rows[3].back(), "0");  // exactly at the minimum
    EXPECT_EQ(rows[4][1], "error");
    EXPECT_EQ(rows[4].back(), "");  // a file that could not be read is neither
    EXPECT_EQ(rows[1][group], "0.900000");
    for (const auto& r : rows) EXPECT_EQ(r.size(), rows[0].size());

    const auto windows = csv_rows(write(OutputFormat::Csv, 0.5, true));
    ASSERT_EQ(windows[0].back(), "uncertain");
    EXPECT_EQ(windows[2].back(), "1");
    EXPECT_EQ(windows[2][3], "One-on-One Conversation");
}

TEST(MinConfidence, JsonRecordsAndSegmentsSayUncertain) {
    const auto a = nlohmann::json::parse(write(OutputFormat::Json, 0.5, true));
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[0]["uncertain"], false);
    EXPECT_EQ(a[1]["uncertain"], true);
    EXPECT_EQ(a[1]["label"], "One-on-One Conversation");
    EXPECT_NEAR(a[1]["probabilities"]["One-on-One Conversation"].get<double>(), 0.41, 1e-6);
    EXPECT_EQ(a[1]["segments"][0]["uncertain"], true);
    EXPECT_FALSE(a[3].contains("uncertain"));  // the error record
}

TEST(MinConfidence, LabelsPeopleReadSayUncertainWithTheBestGuess) {
    for (auto format :
         {OutputFormat::Table, OutputFormat::Audacity, OutputFormat::Raven, OutputFormat::SonicVisualiser}) {
        const std::string text = write(format, 0.5);
        EXPECT_NE(text.find("uncertain (One-on-One Conversation)"), std::string::npos) << to_string(format) << text;
        EXPECT_EQ(text.find("uncertain (Group Discussion)"), std::string::npos) << to_string(format) << text;
        EXPECT_EQ(text.find("uncertain (Speech / Monologue)"), std::string::npos) << to_string(format) << text;
    }
    EXPECT_NE(write(OutputFormat::Raven, 0.5).find("\t0.410000\t"), std::string::npos) << "confidence kept";
}

TEST(MinConfidence, WithoutAMinimumEveryFormatIsAsBefore) {
    for (auto format : {OutputFormat::Table, OutputFormat::Csv, OutputFormat::Json, OutputFormat::Jsonl,
                        OutputFormat::Audacity, OutputFormat::Raven, OutputFormat::SonicVisualiser}) {
        const std::string text = write(format, 0);
        EXPECT_EQ(text.find("uncertain"), std::string::npos) << to_string(format) << text;
    }
}

TEST(MinConfidence, TheSummaryCountsUncertainFilesInNoClass) {
    sctx::BatchSummary s(sctx::default_class_names(), 0.5);
    for (const auto& r : batch()) s.add(r);
    EXPECT_EQ(s.ok(), 3u);
    EXPECT_EQ(s.errors(), 1u);
    EXPECT_EQ(s.uncertain().files, 1u);
    EXPECT_DOUBLE_EQ(s.uncertain().duration_s, 20.0);
    EXPECT_EQ(s.classes()[2].files, 0u);
    EXPECT_EQ(s.classes()[3].files, 1u);
    EXPECT_EQ(s.classes()[1].files, 1u);
    EXPECT_DOUBLE_EQ(s.duration_s(), 35.0);

    const auto j = nlohmann::json::parse(s.to_json());
    EXPECT_DOUBLE_EQ(j["min_confidence"].get<double>(), 0.5);
    EXPECT_EQ(j["uncertain"]["files"], 1);
    EXPECT_EQ(j["classes"]["One-on-One Conversation"]["files"], 0);

    const std::string t = s.to_table();
    EXPECT_NE(t.find("\nuncertain                     1     0:00:20        20.0   33.3%\n"), std::string::npos) << t;
    EXPECT_NE(t.find("confidence below 0.50"), std::string::npos) << t;

    const auto rows = csv_rows(s.to_csv());
    ASSERT_EQ(rows.size(), 1u + 5 + 3);
    EXPECT_EQ(rows[6], (std::vector<std::string>{"uncertain", "1", "20.000", "0.3333"}));
    EXPECT_EQ(rows[7][0], "total");

    sctx::BatchSummary off(sctx::default_class_names());
    for (const auto& r : batch()) off.add(r);
    EXPECT_EQ(off.classes()[2].files, 1u);
    EXPECT_EQ(off.to_json().find("uncertain"), std::string::npos);
    EXPECT_EQ(off.to_csv().find("uncertain"), std::string::npos);
}

}  // namespace
