// The batch summary: files and duration per class by each file's label, errors counted apart, the same numbers
// in the JSON object and the table.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "classify/batch_summary.h"
#include "model/model_config.h"

namespace {

sctx::FileResult ok(int label, double seconds) {
    sctx::FileResult r;
    r.file = "/x.wav";
    r.ok = true;
    r.label_index = label;
    r.duration_s = seconds;
    return r;
}

TEST(BatchSummary, CountsFilesAndDurationPerClassAndErrorsApart) {
    sctx::BatchSummary s(sctx::default_class_names());
    s.add(ok(2, 10.0));
    s.add(ok(2, 5.5));
    s.add(ok(4, 3600.0));
    sctx::FileResult bad;
    bad.file = "/bad.wav";
    bad.error = "truncated";
    s.add(bad);
    EXPECT_EQ(s.files(), 4u);
    EXPECT_EQ(s.ok(), 3u);
    EXPECT_EQ(s.errors(), 1u);
    EXPECT_DOUBLE_EQ(s.duration_s(), 3615.5);
    EXPECT_EQ(s.classes()[2].files, 2u);
    EXPECT_DOUBLE_EQ(s.classes()[2].duration_s, 15.5);
    EXPECT_EQ(s.classes()[0].files, 0u);

    const auto j = nlohmann::json::parse(s.to_json());
    EXPECT_EQ(j["files"], 4);
    EXPECT_EQ(j["errors"], 1);
    EXPECT_DOUBLE_EQ(j["duration_s"].get<double>(), 3615.5);
    ASSERT_EQ(j["classes"].size(), 5u);
    EXPECT_EQ(j["classes"]["One-on-One Conversation"]["files"], 2);
    EXPECT_DOUBLE_EQ(j["classes"]["Noisy Environment"]["duration_s"].get<double>(), 3600.0);
    EXPECT_EQ(j["classes"]["Alone / Quiet"]["files"], 0);

    const std::string t = s.to_table();
    EXPECT_NE(t.find("\nOne-on-One Conversation       2     0:00:16        15.5   66.7%\n"), std::string::npos) << t;
    EXPECT_NE(t.find("\nNoisy Environment             1     1:00:00      3600.0   33.3%\n"), std::string::npos) << t;
    EXPECT_NE(t.find("\ntotal                         3     1:00:16      3615.5\n"), std::string::npos) << t;
    EXPECT_NE(t.find("errors: 1 of 4 files"), std::string::npos) << t;
}

TEST(BatchSummary, AnEmptyBatchIsAllZeros) {
    sctx::BatchSummary s(sctx::default_class_names());
    const auto j = nlohmann::json::parse(s.to_json());
    EXPECT_EQ(j["files"], 0);
    EXPECT_EQ(j["classes"]["Group Discussion"]["files"], 0);
    EXPECT_NE(s.to_table().find("errors: 0 of 0 files"), std::string::npos);
}

}  // namespace

namespace {

TEST(BatchSummary, CsvHasOneRowPerClassThenTotalAndErrors) {
    sctx::BatchSummary s({"Alone / Quiet", "Speech, Monologue", "C"});
    s.add(ok(1, 10.0));
    s.add(ok(1, 2.5));
    s.add(ok(2, 7.5));
    sctx::FileResult bad;
    bad.file = "/bad.wav";
    s.add(bad);
    EXPECT_EQ(s.to_csv(),
              "class,files,duration_s,share_of_files\n"
              "Alone / Quiet,0,0.000,0.0000\n"
              "\"Speech, Monologue\",2,12.500,0.6667\n"
              "C,1,7.500,0.3333\n"
              "total,3,20.000,1.0000\n"
              "errors,1,0.000,0.0000\n");
}

}  // namespace
