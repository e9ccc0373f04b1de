#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "cli_fixture.h"
#include "util/csv.h"
#include "util/npy.h"

namespace {

using namespace sctx::test;

class Classify : public CliTest {};

TEST_F(Classify, JsonlOverAMixedFolderGivesOneObjectPerFileWithTheDocumentedFields) {
    const std::string src = wav("mixed/a.wav", 2.0);
    encode(src, "mixed/b.mp3", "-c:a libmp3lame");
    encode(src, "mixed/c.m4a", "-c:a aac");
    encode(src, "mixed/sub/d.flac", "-c:a flac");
    encode(src, "mixed/sub/e.OGG", "-c:a libvorbis");
    write_file(dir_.file("mixed/readme.txt"), "not audio, not picked up");
    const auto r = socialctx("classify --format jsonl " + quote(dir_.file("mixed")));
    EXPECT_EQ(r.status, 0);
    const auto records = parse_lines(r.out);
    ASSERT_EQ(records.size(), 5u) << r.out;
    for (const auto& j : records) {
        for (const char* key : {"file", "status", "duration_s", "label", "label_index", "confidence", "probabilities"})
            EXPECT_TRUE(j.contains(key)) << key << " missing in " << j.dump();
        EXPECT_EQ(j["status"], "ok") << j.dump();
        EXPECT_NEAR(j["duration_s"].get<double>(), 2.0, 0.08) << j.dump();
        EXPECT_EQ(j["probabilities"].size(), 5u);
        EXPECT_FALSE(j.contains("segments"));
    }
}

TEST_F(Classify, OneBrokenFileIsReportedAndTheRestGoOn) {
    wav("batch/good1.wav", 1.0);
    wav("batch/good2.wav", 4.0);
    write_file(dir_.file("batch/broken.wav"), "RIFF....WAVEfmt garbage");
    const auto r = run(cli() + " classify --format jsonl --model " + quote(model_) + " " + quote(dir_.file("batch")) +
                       " 2>" + quote(dir_.file("err.txt")));
    EXPECT_EQ(r.status, 1) << "exit 1: some files failed";
    const auto records = parse_lines(r.out);
    ASSERT_EQ(records.size(), 3u);
    std::map<std::string, std::string> status;
    for (const auto& j : records) status[j["file"]] = j["status"];
    EXPECT_EQ(status[dir_.file("batch/broken.wav")], "error");
    EXPECT_EQ(status[dir_.file("batch/good1.wav")], "ok");
    EXPECT_EQ(status[dir_.file("batch/good2.wav")], "ok");
    const std::string err = read_file(dir_.file("err.txt"));
    EXPECT_NE(err.find(dir_.file("batch/broken.wav") + ": "), std::string::npos) << "one line naming the file: " << err;
}

TEST_F(Classify, EveryBadInputOfTheIssueIsOneLineAndAnErrorRecord) {
    write_file(dir_.file("bad/empty.wav"), "");
    write_file(dir_.file("bad/text.mp3"), "hello, I am text\n");
    write_file(dir_.file("bad/text.m4a"), "hello, I am text\n");
    write_file(dir_.file("bad/text.wav"), "hello, I am text\n");
    std::filesystem::create_directories(dir_.path() / "noaudio");
    write_file(dir_.file("noaudio/notes.txt"), "x");
    const auto r = run(cli() + " classify --format jsonl --model " + quote(model_) + " " + quote(dir_.file("bad")) +
                       " " + quote(dir_.file("noaudio")) + " 2>" + quote(dir_.file("err.txt")));
    EXPECT_EQ(r.status, 1);
    const auto records = parse_lines(r.out);
    EXPECT_EQ(records.size(), 5u);
    for (const auto& j : records) {
        EXPECT_EQ(j["status"], "error");
        EXPECT_FALSE(j["error"].get<std::string>().empty());
    }
    const std::string err = read_file(dir_.file("err.txt"));
    size_t lines = 0;
    for (char c : err) lines += c == '\n';
    EXPECT_EQ(lines, 5u) << err;
    EXPECT_NE(err.find("noaudio: no audio files"), std::string::npos) << err;
}

TEST_F(Classify, UnreadableFileAsAnOrdinaryUser) {
    // Root reads everything, so this runs the CLI as "nobody" when the test runs as root.
    wav("perm/ok.wav", 1.0);
    const std::string locked = wav("perm/locked.wav", 1.0, 2);
    ::chmod(locked.c_str(), 0);
    std::filesystem::permissions(dir_.path(), std::filesystem::perms::all, std::filesystem::perm_options::add);
    std::filesystem::permissions(dir_.path() / "perm", std::filesystem::perms::all, std::filesystem::perm_options::add);
    std::filesystem::permissions(model_dir_->path(),
                                 std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
                                 std::filesystem::perm_options::add);
    std::filesystem::permissions(model_, std::filesystem::perms::others_read, std::filesystem::perm_options::add);
    std::string prefix;
    if (::geteuid() == 0) {
        ASSERT_TRUE(have_program("setpriv"));
        prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
        // A build inside a folder that user cannot enter (e.g. under /root) cannot run as it at all.
        if (run(prefix + cli() + " --version >/dev/null 2>&1").status != 0)
            GTEST_SKIP() << "the build tree is not accessible to user nobody (" << cli() << ")";
    }
    const auto r = run(prefix + cli() + " classify --format jsonl --model " + quote(model_) + " " +
                       quote(dir_.file("perm")) + " 2>&1");
    EXPECT_EQ(r.status, 1) << r.out;
    EXPECT_NE(r.out.find("locked.wav: cannot read: Permission denied"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\"status\":\"ok\""), std::string::npos) << r.out;
}

TEST_F(Classify, SegmentsGivePerWindowResults) {
    const auto r = socialctx("classify --format json --segments " + quote(wav("long.wav", 7.0)));
    ASSERT_EQ(r.status, 0);
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 1u);
    const auto& segs = j[0]["segments"];
    ASSERT_EQ(segs.size(), 4u);
    EXPECT_DOUBLE_EQ(segs[1]["start_s"].get<double>(), 1.5);
    EXPECT_DOUBLE_EQ(segs[3]["end_s"].get<double>(), 7.0);
    for (const char* key : {"start_s", "end_s", "label", "confidence", "probabilities"})
        EXPECT_TRUE(segs[0].contains(key));
}

TEST_F(Classify, CsvTableAndAudacityFormats) {
    const std::string a = wav("f/a.wav", 1.0), b = wav("f/b.wav", 5.0, 2);
    auto csv = socialctx("classify --format csv " + quote(dir_.file("f")));
    ASSERT_EQ(csv.status, 0);
    EXPECT_EQ(csv.out.rfind("file,status,error,duration_s,label,label_index,confidence,Alone / Quiet,", 0), 0u)
        << csv.out;
    EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 3);
    auto table = socialctx("classify " + quote(a));
    EXPECT_NE(table.out.find(a), std::string::npos);
    auto aud = socialctx("classify --format audacity " + quote(b));
    ASSERT_EQ(aud.status, 0);
    EXPECT_EQ(std::count(aud.out.begin(), aud.out.end(), '\n'), 3) << aud.out;  // 3 windows of 5 s
    EXPECT_EQ(aud.out.rfind("0.000000\t3.000000\t", 0), 0u) << aud.out;
}

// Raven and Sonic Visualiser read back as the same windows that --format jsonl --segments gives.
TEST_F(Classify, RavenAndSonicVisualiserFormatsHoldEveryWindow) {
    const std::string a = wav("rs/a.wav", 5.0), b = wav("rs/b.wav", 2.0, 2);
    write_file(dir_.file("rs/broken.wav"), "RIFF....WAVEfmt garbage");
    const auto ref = socialctx("classify --format jsonl --segments " + quote(dir_.file("rs")));
    std::vector<nlohmann::json> windows;
    for (const auto& j : parse_lines(ref.out))
        if (j["status"] == "ok")
            for (const auto& s : j["segments"]) {
                nlohmann::json w = s;
                w["file"] = j["file"];
                windows.push_back(w);
            }
    ASSERT_EQ(windows.size(), 4u) << ref.out;  // 5 s: 0, 1.5, and the end-aligned 2; 2 s: one window
    // Records come in the order files finish (two threads), in every format: rows are matched to windows by file
    // and start time, not by position.
    auto window_at = [&](const std::string& file_suffix, double start_s) -> const nlohmann::json* {
        for (const auto& w : windows) {
            const std::string f = w["file"].get<std::string>();
            if (f.size() >= file_suffix.size() &&
                f.compare(f.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0 &&
                std::fabs(w["start_s"].get<double>() - start_s) < 1e-3)
                return &w;
        }
        return nullptr;
    };

    const std::string raven_path = dir_.file("out.selections.txt");
    const auto raven = socialctx("classify --format raven -o " + quote(raven_path) + " " + quote(dir_.file("rs")));
    EXPECT_EQ(raven.status, 1) << "the broken file still fails the batch";
    const std::string text = read_file(raven_path);
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> fields;
        std::istringstream l(line);
        for (std::string f; std::getline(l, f, '\t');) fields.push_back(f);
        rows.push_back(fields);
    }
    ASSERT_EQ(rows.size(), windows.size() + 1) << text;
    EXPECT_EQ(rows[0][0], "Selection");
    EXPECT_EQ(rows[0][3], "Begin Time (s)");
    EXPECT_EQ(rows[0][6], "High Freq (Hz)");
    for (size_t i = 0; i < windows.size(); ++i) {
        const auto& r = rows[i + 1];
        ASSERT_EQ(r.size(), 11u) << text;
        EXPECT_EQ(r[0], std::to_string(i + 1));
        const nlohmann::json* w = window_at(r[9], std::stod(r[3]));
        ASSERT_NE(w, nullptr) << text;
        EXPECT_NEAR(std::stod(r[3]), (*w)["start_s"].get<double>(), 1e-6);
        EXPECT_NEAR(std::stod(r[4]), (*w)["end_s"].get<double>(), 1e-6);
        EXPECT_DOUBLE_EQ(std::stod(r[6]), 8000.0) << "the shipped model hears up to 8 kHz";
        EXPECT_EQ(r[7], (*w)["label"].get<std::string>());
        EXPECT_NEAR(std::stod(r[8]), (*w)["confidence"].get<double>(), 1e-6);
        EXPECT_EQ(r[9], (*w)["file"].get<std::string>());
    }

    const auto sv = socialctx("classify --format sv " + quote(a) + " " + quote(b));
    ASSERT_EQ(sv.status, 0);
    std::istringstream svin(sv.out);
    size_t i = 0;
    for (std::string line; std::getline(svin, line); ++i) {
        ASSERT_LT(i, windows.size()) << sv.out;
        std::vector<std::string> f;
        ASSERT_TRUE(sctx::csv::split_line(line, f));
        ASSERT_EQ(f.size(), 3u) << line;
        const std::string name = f[2].substr(0, f[2].find(": "));
        const nlohmann::json* w = window_at("/" + name, std::stod(f[0]));
        ASSERT_NE(w, nullptr) << line << "\n" << sv.out;
        const double start = (*w)["start_s"].get<double>(), end = (*w)["end_s"].get<double>();
        EXPECT_NEAR(std::stod(f[0]), start, 1e-6);
        EXPECT_NEAR(std::stod(f[1]), end - start, 1e-6);
        EXPECT_EQ(f[2], name + ": " + (*w)["label"].get<std::string>());
    }
    EXPECT_EQ(i, windows.size());
}

// --summary: files and duration per class and the error count on stderr, a table or (json, jsonl) one JSON object;
// standard output stays exactly what it was.
TEST_F(Classify, SummaryGoesToStderrAsATableOrAJsonObject) {
    wav("sum/a.wav", 2.0);
    wav("sum/b.wav", 4.0, 2);
    wav("sum/sub/c.wav", 1.0, 3);
    write_file(dir_.file("sum/broken.wav"), "RIFF....WAVEfmt garbage");
    const std::string err = dir_.file("summary-err.txt");
    const auto json = run(cli() + " classify --summary --quiet --format json --model " + quote(model_) + " " +
                          quote(dir_.file("sum")) + " 2>" + quote(err));
    EXPECT_EQ(json.status, 1);
    const auto records = nlohmann::json::parse(json.out);  // stdout is still one JSON array
    ASSERT_EQ(records.size(), 4u);
    std::string last_line;  // the summary comes last, after anything a decoder library may have said
    std::istringstream lines(read_file(err));
    for (std::string l; std::getline(lines, l);)
        if (!l.empty()) last_line = l;
    const auto summary = nlohmann::json::parse(last_line);
    EXPECT_EQ(summary["files"], 4);
    EXPECT_EQ(summary["ok"], 3);
    EXPECT_EQ(summary["errors"], 1);
    std::map<std::string, std::pair<int, double>> expected;
    double total = 0;
    for (const auto& r : records)
        if (r["status"] == "ok") {
            auto& e = expected[r["label"].get<std::string>()];
            ++e.first;
            e.second += r["duration_s"].get<double>();
            total += r["duration_s"].get<double>();
        }
    EXPECT_NEAR(summary["duration_s"].get<double>(), total, 1e-9);
    ASSERT_EQ(summary["classes"].size(), 5u);
    for (const auto& [name, c] : summary["classes"].items()) {
        EXPECT_EQ(c["files"].get<int>(), expected[name].first) << name;
        EXPECT_NEAR(c["duration_s"].get<double>(), expected[name].second, 1e-9) << name;
    }

    const auto table = run(cli() + " classify --summary --quiet --model " + quote(model_) + " " +
                           quote(dir_.file("sum")) + " 2>" + quote(err));
    EXPECT_EQ(table.status, 1);
    const std::string text = read_file(err);
    EXPECT_NE(text.find("class "), std::string::npos) << text;
    EXPECT_NE(text.find("\ntotal "), std::string::npos) << text;
    EXPECT_NE(text.find("errors: 1 of 4 files could not be read"), std::string::npos) << text;
    EXPECT_EQ(table.out.find("errors:"), std::string::npos) << "nothing of it on standard output";

    const auto plain = run(cli() + " classify --quiet --format json --model " + quote(model_) + " " +
                           quote(dir_.file("sum")) + " 2>" + quote(err));
    EXPECT_EQ(read_file(err).find("\"classes\""), std::string::npos) << "no summary unless asked";
    EXPECT_EQ(nlohmann::json::parse(plain.out).size(), 4u);

    // Resumed: the kept records count, so a rerun with nothing left to do still sums up the whole batch.
    const std::string journal = dir_.file("sum.jsonl");
    const std::string resume = cli() + " classify --summary --quiet --format jsonl --resume -o " + quote(journal) +
                               " --model " + quote(model_) + " " + quote(dir_.file("sum")) + " 2>" + quote(err);
    EXPECT_EQ(run(resume).status, 1);
    EXPECT_EQ(run(resume).status, 0) << "nothing failed in this run: every file was kept";
    std::istringstream again(read_file(err));
    std::string resumed;
    for (std::string l; std::getline(again, l);)
        if (!l.empty()) resumed = l;
    const auto whole = nlohmann::json::parse(resumed);
    EXPECT_EQ(whole["files"], 4) << resumed;
    EXPECT_EQ(whole["errors"], 1) << resumed;
    EXPECT_NEAR(whole["duration_s"].get<double>(), total, 1e-9);
}

// --min-confidence: the records below it are marked, the others not, nothing else changes; a bad value is a
// usage error naming the option.
TEST_F(Classify, MinConfidenceMarksUncertainResultsEverywhere) {
    wav("mc/a.wav", 2.0);
    wav("mc/b.wav", 4.0, 2);
    wav("mc/c.wav", 1.0, 3);
    const std::string folder = quote(dir_.file("mc"));
    const auto plain = nlohmann::json::parse(socialctx("classify --format json " + folder).out);
    ASSERT_EQ(plain.size(), 3u);
    // A minimum between the confidences, so some results fall below it and some do not (when they differ).
    std::vector<double> conf;
    for (const auto& r : plain) conf.push_back(r["confidence"].get<double>());
    std::sort(conf.begin(), conf.end());
    char arg[64];
    std::snprintf(arg, sizeof arg, " --min-confidence %.6f ",
                  conf[0] < conf[2] ? (conf[0] + conf[2]) / 2 : std::min(1.0, conf[0] + 0.01));
    const double min_conf = std::stod(std::string(arg).substr(17));  // exactly what the program is given
    const std::string err = dir_.file("mc-err.txt");
    const auto marked = run(cli() + " classify --summary --quiet --format json" + arg + "--model " + quote(model_) +
                            " " + folder + " 2>" + quote(err));
    ASSERT_EQ(marked.status, 0) << read_file(err);
    const auto records = nlohmann::json::parse(marked.out);
    ASSERT_EQ(records.size(), 3u);
    // Records come in the order files finish (several threads): match them by file.
    std::map<std::string, nlohmann::json> before;
    for (const auto& r : plain) before[r["file"].get<std::string>()] = r;
    size_t uncertain = 0;
    for (const auto& r : records) {
        const nlohmann::json& p = before.at(r["file"].get<std::string>());
        const bool below = r["confidence"].get<double>() < min_conf;
        EXPECT_EQ(r["uncertain"].get<bool>(), below) << r.dump();
        EXPECT_EQ(r["label"], p["label"]) << "the best guess is kept";
        EXPECT_EQ(r["probabilities"], p["probabilities"]);
        uncertain += below;
    }
    EXPECT_GE(uncertain, 1u);
    std::string last_line;
    std::istringstream lines(read_file(err));
    for (std::string l; std::getline(lines, l);)
        if (!l.empty()) last_line = l;
    const auto summary = nlohmann::json::parse(last_line);
    EXPECT_EQ(summary["uncertain"]["files"].get<size_t>(), uncertain);
    size_t in_classes = 0;
    for (const auto& [name, c] : summary["classes"].items()) in_classes += c["files"].get<size_t>();
    EXPECT_EQ(in_classes + uncertain, 3u);

    const auto table = socialctx("classify" + std::string(arg) + folder);
    size_t marked_lines = 0;
    for (size_t at = table.out.find("uncertain ("); at != std::string::npos; at = table.out.find("uncertain (", at + 1))
        ++marked_lines;
    EXPECT_EQ(marked_lines, uncertain) << table.out;

    const auto csv = socialctx("classify --format csv" + std::string(arg) + folder);
    EXPECT_NE(csv.out.substr(0, csv.out.find('\n')).find(",uncertain"), std::string::npos) << csv.out;

    const auto bad = socialctx("classify --min-confidence 2 " + folder, true);
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.out.find("--min-confidence"), std::string::npos) << bad.out;
}

TEST_F(Classify, OutputFilesAppearWholeOrNotAtAll) {
    wav("o/a.wav", 1.0);
    const std::string out = dir_.file("out.json");
    ASSERT_EQ(socialctx("classify --format json -o " + quote(out) + " " + quote(dir_.file("o"))).status, 0);
    EXPECT_EQ(nlohmann::json::parse(read_file(out)).size(), 1u);
    for (const auto& e : std::filesystem::directory_iterator(dir_.path()))
        EXPECT_EQ(e.path().string().find(".part-"), std::string::npos) << e.path();
}

TEST_F(Classify, UnwritableOutputIsExit2AndNamesTheFile) {
    wav("w/a.wav", 1.0);
    const auto r = socialctx("classify --format csv -o /nonexistent-dir/out.csv " + quote(dir_.file("w")), true);
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("/nonexistent-dir/out.csv"), std::string::npos) << r.out;
}

TEST_F(Classify, DiskFullIsExit2) {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    wav("full/a.wav", 1.0);
    const auto r = socialctx("classify --format jsonl -o /dev/full " + quote(dir_.file("full")), true);
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("No space left"), std::string::npos) << r.out;
}

TEST_F(Classify, NamesThatAreNotUtf8AndAFolderNamedLikeAudio) {
    wav(std::string("odd/caf\xe9.wav"), 1.0);
    wav("odd/x.wav/inner.wav", 1.0, 2);
    const auto r = socialctx("classify --format jsonl " + quote(dir_.file("odd")));
    EXPECT_EQ(r.status, 0);
    std::vector<nlohmann::json> records;
    ASSERT_NO_THROW(records = parse_lines(r.out)) << r.out;
    ASSERT_EQ(records.size(), 2u);
    bool saw_hex = false;
    for (const auto& j : records) saw_hex |= j.contains("file_hex");
    EXPECT_TRUE(saw_hex);
}

TEST_F(Classify, FeaturesMatchLibrosaAndInfoDescribesTheModel) {
    const std::string out = dir_.file("f.npy");
    ASSERT_EQ(
        socialctx("features " + quote(std::string(SOCIALCTX_PARITY_DATA) + "/speech.wav") + " -o " + quote(out)).status,
        0);
    const auto got = sctx::read_npy(out);
    const auto want = sctx::read_npy(std::string(SOCIALCTX_PARITY_DATA) + "/speech.logmel.npy");
    ASSERT_EQ(got.shape, (std::vector<size_t>{128, 188}));
    for (size_t i = 0; i < got.data.size(); ++i) ASSERT_NEAR(got.data[i], want.data[i], 0.01);
    const auto info = socialctx("info");
    ASSERT_EQ(info.status, 0);
    const auto j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["model"]["class_names"].size(), 5u);
    EXPECT_EQ(j["model"]["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(j["model"]["db_ref"], "max");
}

}  // namespace
