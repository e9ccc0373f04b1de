#include "dataset/manifest.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "model/model_config.h"
#include "train/label_list.h"
#include "util/error.h"

using namespace sctx::dataset;
using namespace sctx::train;

namespace {

const std::string kHeader = "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db\n";

std::vector<ManifestRow> parse(const std::string& text) {
    std::istringstream in(text);
    return parse_manifest(in, "m.csv", "/data", sctx::default_class_names());
}

// The message of the error parsing `text` throws (empty if none).
std::string error_of(const std::string& text) {
    try {
        parse(text);
    } catch (const sctx::Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST(Manifest, ReadsRowsResolvingRelativePathsAndOptionalNoise) {
    const auto rows = parse(kHeader +
                            "clips/a.wav,1.5,3,Group Discussion,ES2002a,ihm,train,,,\n"
                            "/abs/b.wav,0,3.0,Noisy Environment,ES2002b,sdm,test,noise/n1.wav,12.25,10\n"
                            "\"clips/with,comma.wav\",0,3,Alone / Quiet,m3,synth,val,,,\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].source, "/data/clips/a.wav");
    EXPECT_DOUBLE_EQ(rows[0].offset, 1.5);
    EXPECT_EQ(rows[0].label_index, 3);
    EXPECT_EQ(rows[0].label, "Group Discussion");
    EXPECT_EQ(rows[0].split, Split::Train);
    EXPECT_TRUE(rows[0].noise.empty());
    EXPECT_EQ(rows[1].source, "/abs/b.wav");
    EXPECT_EQ(rows[1].noise, "/data/noise/n1.wav");
    EXPECT_DOUBLE_EQ(rows[1].noise_offset, 12.25);
    EXPECT_DOUBLE_EQ(rows[1].snr_db, 10);
    EXPECT_EQ(rows[1].split, Split::Test);
    EXPECT_EQ(rows[1].line, 3u);
    EXPECT_EQ(rows[2].source, "/data/clips/with,comma.wav");
    EXPECT_EQ(rows[2].label_index, 0);
}

TEST(Manifest, MalformedRowsAreErrorsNamingTheLine) {
    EXPECT_EQ(error_of("source,offset\n"),
              "m.csv:1: header must be exactly '" + kHeader.substr(0, kHeader.size() - 1) + "'");
    EXPECT_EQ(error_of(kHeader + "a.wav,0,3,Group Discussion,m,ihm,train,,,\na.wav,0,3,Party,m,ihm,train,,,\n"),
              "m.csv:3: unknown label 'Party'");
    EXPECT_EQ(error_of(kHeader + "a.wav,x,3,Group Discussion,m,ihm,train,,,\n"),
              "m.csv:2: offset 'x' is not a number of seconds >= 0");
    EXPECT_EQ(error_of(kHeader + "a.wav,0,0,Group Discussion,m,ihm,train,,,\n"),
              "m.csv:2: duration '0' is not a number of seconds > 0");
    EXPECT_EQ(error_of(kHeader + "a.wav,0,3,Group Discussion,m,ihm\n"), "m.csv:2: expected 10 fields, found 6");
    EXPECT_EQ(error_of(kHeader + "a.wav,0,3,Group Discussion,m,ihm,dev,,,\n"),
              "m.csv:2: split 'dev' is not train, val or test");
    EXPECT_EQ(error_of(kHeader + "a.wav,0,3,Group Discussion,m,ihm,train,n.wav,0,\n"),
              "m.csv:2: noise and snr_db must be given together");
    EXPECT_EQ(error_of(kHeader + "\n\"a.wav,0,3,Group Discussion,m,ihm,train,,,\n"),
              "m.csv:3: unterminated quoted field");
    EXPECT_EQ(error_of(""), "m.csv: empty manifest (no header)");
}

TEST(Manifest, MissingFileIsAnError) {
    EXPECT_THROW(read_manifest("/nonexistent/manifest.csv", sctx::default_class_names()), sctx::Error);
}

TEST(Manifest, SplitsAreCarvedByMeetingWhenThereAreNoValOrTestRows) {
    std::string text = kHeader;
    for (int m = 0; m < 30; ++m)
        for (int w = 0; w < 4; ++w)
            text += "a.wav," + std::to_string(w * 3) + ",3,Group Discussion,meeting" + std::to_string(m) + ",ihm,,,,\n";
    auto rows = parse(text);
    ASSERT_TRUE(carve_missing_splits(rows));
    std::map<std::string, std::set<Split>> per_meeting;
    std::map<Split, size_t> count;
    for (const auto& r : rows) {
        per_meeting[r.meeting].insert(r.split);
        ++count[r.split];
    }
    for (const auto& [m, s] : per_meeting) EXPECT_EQ(s.size(), 1u) << m << " spans two splits";
    EXPECT_EQ(count[Split::Val], 12u);  // 3 of 30 meetings x 4 windows
    EXPECT_EQ(count[Split::Test], 12u);
    EXPECT_EQ(count[Split::Train], 96u);
    // Deterministic: the same meetings land in the same splits again.
    auto again = parse(text);
    carve_missing_splits(again);
    for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].split, again[i].split);
}

TEST(Manifest, ExistingSplitsAreKept) {
    auto rows = parse(kHeader + "a.wav,0,3,Group Discussion,m1,ihm,val,,,\na.wav,3,3,Group Discussion,m2,ihm,,,,\n");
    EXPECT_FALSE(carve_missing_splits(rows));
    EXPECT_EQ(rows[0].split, Split::Val);
    EXPECT_EQ(rows[1].split, Split::Train);
}

TEST(LabelList, ReadsFilesAndLabelsAndNamesBadLines) {
    std::istringstream good("file,label\nx/a.wav,Speech / Monologue\n/abs/b.mp3,Noisy Environment\n");
    const auto list = parse_label_list(good, "l.csv", "/eval", sctx::default_class_names());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].file, "/eval/x/a.wav");
    EXPECT_EQ(list[0].label, 1);
    EXPECT_EQ(list[1].file, "/abs/b.mp3");
    EXPECT_EQ(list[1].label, 4);
    std::istringstream bad("file,label\na.wav,Speech / Monologue\nb.wav,Crowd\n");
    try {
        parse_label_list(bad, "l.csv", "/eval", sctx::default_class_names());
        FAIL() << "no error for an unknown label";
    } catch (const sctx::Error& e) {
        EXPECT_EQ(std::string(e.what()), "l.csv:3: unknown label 'Crowd' (not one of the model's classes)");
    }
}

TEST(Manifest, FrameTargetColumnsRoundTrip) {
    ManifestRow row;
    row.source = "clips/a.wav";
    row.duration = 3;
    row.label = "One-on-One Conversation";
    row.meeting = "synth-x";
    row.stream = "synth";
    row.split = Split::Train;
    row.talkers = {"real:fotaq-joe", "synth:espeak+m3"};
    row.frame_voices = "0112110";
    row.frame_owner = "-00-11-";
    const std::string csv = manifest_csv({row});
    EXPECT_EQ(csv.substr(0, csv.find('\n')), manifest_header_with_frames());
    const auto rows = parse(csv);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].talkers, row.talkers);
    EXPECT_EQ(rows[0].frame_voices, row.frame_voices);
    EXPECT_EQ(rows[0].frame_owner, row.frame_owner);
    EXPECT_TRUE(rows[0].has_frames());
    // Without frame targets the manifest is the ten-column format, as before.
    row.talkers.clear(), row.frame_voices.clear(), row.frame_owner.clear();
    const std::string plain = manifest_csv({row});
    EXPECT_EQ(plain.substr(0, plain.find('\n')), manifest_header());
    EXPECT_FALSE(parse(plain)[0].has_frames());
}

TEST(Manifest, InconsistentFrameTargetsAreErrorsNamingTheLine) {
    const std::string h = manifest_header_with_frames() + "\n";
    const std::string row = "a.wav,0,3,Group Discussion,m,synth,train,,,";
    EXPECT_EQ(error_of(h + row + ",s1|s2,0120,-0-\n"),
              "m.csv:2: frame_voices and frame_owner must have one character per frame each");
    EXPECT_EQ(error_of(h + row + ",s1|s2,01x0,-0--\n"), "m.csv:2: frame_voices must be digits");
    EXPECT_EQ(error_of(h + row + ",s1|s2,0110,-02-\n"), "m.csv:2: frame_owner '2' is not a talker index (talkers: 2)");
    EXPECT_EQ(error_of(h + row + ",s1|s2,0120,-00-\n"), "m.csv:2: a frame with an owner must have exactly one voice");
    EXPECT_EQ(error_of(h + row + ",,,\n").size(), 0u);  // a row without targets in a manifest that has them
}
