#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "classify/result_json.h"
#include "util/error.h"
#include "model/model_config.h"

namespace {

sctx::FileResult sample() {
    sctx::FileResult r;
    r.file = "/data/a.wav";
    r.ok = true;
    r.duration_s = 4.5;
    r.label_index = 2;
    r.confidence = 0.7f;
    r.probabilities = {0.05f, 0.1f, 0.7f, 0.1f, 0.05f};
    r.class_share = {0, 0, 1, 0, 0};
    r.windows = 2;
    r.size = 1234;
    r.mtime = 1700000000.25;
    sctx::Segment s;
    s.start_s = 0;
    s.end_s = 3;
    s.label_index = 2;
    s.confidence = 0.7f;
    s.probabilities = r.probabilities;
    r.segments = {s, s};
    return r;
}

TEST(ResultJson, HasTheDocumentedFields) {
    const auto& names = sctx::default_class_names();
    auto j = nlohmann::json::parse(sctx::result_to_json(sample(), names, true));
    for (const char* key : {"file", "status", "duration_s", "label", "label_index", "confidence", "probabilities",
                            "size", "mtime", "segments"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_EQ(j["status"], "ok");
    EXPECT_EQ(j["label"], "One-on-One Conversation");
    EXPECT_EQ(j["probabilities"].size(), 5u);
    for (const char* key : {"start_s", "end_s", "label", "confidence", "probabilities"})
        EXPECT_TRUE(j["segments"][0].contains(key)) << key;
}

TEST(ResultJson, RoundTrips) {
    const auto& names = sctx::default_class_names();
    const sctx::FileResult back = sctx::result_from_json(sctx::result_to_json(sample(), names, true), names);
    EXPECT_EQ(back.file, "/data/a.wav");
    EXPECT_EQ(back.label_index, 2);
    EXPECT_EQ(back.size, 1234);
    EXPECT_NEAR(back.mtime, 1700000000.25, 1e-6);
    ASSERT_EQ(back.segments.size(), 2u);
    EXPECT_EQ(back.segments[1].label_index, 2);
}

TEST(ResultJson, ErrorsCarryTheReason) {
    sctx::FileResult r;
    r.file = "x.wav";
    r.error = "empty file (0 bytes)";
    auto j = nlohmann::json::parse(sctx::result_to_json(r, sctx::default_class_names(), false));
    EXPECT_EQ(j["status"], "error");
    EXPECT_EQ(j["error"], "empty file (0 bytes)");
}

TEST(ResultJson, NamesThatAreNotUtf8StayValidJsonAndKeepTheirBytes) {
    sctx::FileResult r = sample();
    r.file = std::string("/data/caf\xe9-\xff.wav");  // Latin-1 bytes, not UTF-8
    const std::string text = sctx::result_to_json(r, sctx::default_class_names(), false);
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(text));
    EXPECT_TRUE(sctx::is_valid_utf8(j["file"].get<std::string>()));
    EXPECT_EQ(sctx::result_from_json(text, sctx::default_class_names()).file, r.file);
}

// A journal edited by hand: a file_hex that is not hex is an sctx::Error (a skipped line), never an exception that
// ends merge or --resume (fuzz/fuzz_resume.cpp found `std::stoi` throwing std::invalid_argument here).
TEST(ResultJson, AFileHexThatIsNotHexIsAnErrorNotACrash) {
    const auto names = sctx::default_class_names();
    for (const char* hex : {"zz", "2f6", "2f61g0", "-1"}) {
        const std::string line = std::string(R"({"file":"x","file_hex":")") + hex + R"(","status":"ok"})";
        EXPECT_THROW(sctx::result_from_json(line, names), sctx::Error) << hex;
    }
    EXPECT_EQ(sctx::result_from_json(R"({"file":"x","file_hex":"2F61","status":"ok"})", names).file, "/a");
}

}  // namespace

namespace {

// Found by fuzz_resume: numbers outside the field's type (an integer field holding 1e40, a float field 1e300)
// were converted by a cast, which is undefined behaviour. They are malformed records now, like any other.
TEST(ResultJson, NumbersOutOfTheirFieldsRangeAreErrorsNotUndefinedBehaviour) {
    const auto names = sctx::default_class_names();
    const std::string head = R"({"file":"/a.wav","status":"ok",)";
    for (const std::string bad : {R"("windows":1.6e40})", R"("windows":-3e9})", R"("label_index":2147483648})",
                                  R"("size":1e19})", R"("size":18446744073709551615})", R"("confidence":1e300})",
                                  R"("duration_s":"long"})", R"("probabilities":{"Alone / Quiet":-1e39}})",
                                  R"("segments":[{"start_s":0,"end_s":3,"confidence":3.5e38}]})"})
        EXPECT_THROW(sctx::result_from_json(head + bad, names), sctx::Error) << bad;
    // In range, integers written as floats and the largest values still read.
    const sctx::FileResult r = sctx::result_from_json(
        head + R"("windows":7.0,"size":9007199254740992,"label_index":3,"confidence":0.5,"mtime":1733270000.5})",
        names);
    EXPECT_EQ(r.windows, 7);
    EXPECT_EQ(r.size, int64_t(9007199254740992));
    EXPECT_EQ(r.label_index, 3);
    EXPECT_FLOAT_EQ(r.confidence, 0.5f);
    EXPECT_DOUBLE_EQ(r.mtime, 1733270000.5);
}

}  // namespace
