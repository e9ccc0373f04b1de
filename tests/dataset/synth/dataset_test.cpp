// `socialctx dataset synth` end to end, small: 20 clips from a handful of espeak-ng and flite voices. Three runs
// share one utterance cache (so synthesis happens once): two with the same seed, one with another. CTest runs
// every TEST in its own process, so the properties of the generated set are checked in one TEST (one set of
// runs), each in its own function below.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "../support/test_support.h"
#include "audio/audio_decoder.h"
#include "audio/audio_stream.h"
#include "model/model_config.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Six espeak-ng variant families (so val and test each get one) and flite's kal.
const char* kVoices = "espeak+m1,espeak+m2,espeak+f1,espeak+f2,espeak+m4,espeak+f3,flite-kal-";

// The three generated sets: a (2 threads) and b (1 thread) with seed 7, c with seed 8, sharing one utterance cache.
struct Runs {
    sctx::test::TempDir dir;
    bool ok = true;
    std::string log;

    Runs() {
        // b differs from a only in its thread count, which must not matter.
        for (const auto& [name, seed, threads] :
             {std::tuple<const char*, int, int>{"a", 7, 2}, {"b", 7, 1}, {"c", 8, 2}}) {
            const std::string cmd =
                sctx::test::quote(SOCIALCTX_CLI) + " dataset synth --out " + sctx::test::quote(out(name)) +
                " --count 20 --seed " + std::to_string(seed) + " --threads " + std::to_string(threads) + " --voices " +
                kVoices + " --utterances-per-voice 3 --cache " + sctx::test::quote(dir.file("cache")) + " 2>&1";
            const auto r = sctx::test::run(cmd);
            log += r.out;
            ok = ok && r.status == 0;
        }
    }
    std::string out(const std::string& name) const { return dir.file(name); }
};

std::vector<std::vector<std::string>> manifest(const Runs& runs, const std::string& run) {
    std::ifstream in(runs.out(run) + "/manifest.csv");
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream s(line);
        std::string f;
        while (std::getline(s, f, ',')) fields.push_back(f);
        if (!line.empty() && line.back() == ',') fields.push_back("");
        rows.push_back(fields);
    }
    return rows;
}

std::vector<json> clips(const Runs& runs, const std::string& run) {
    std::ifstream in(runs.out(run) + "/clips.jsonl");
    std::vector<json> v;
    std::string line;
    while (std::getline(in, line)) v.push_back(json::parse(line));
    return v;
}

void ManifestHasTheHeaderAndRowsOfAllFiveClasses(const Runs& runs) {
    SCOPED_TRACE("ManifestHasTheHeaderAndRowsOfAllFiveClasses");
    const auto rows = manifest(runs, "a");
    ASSERT_EQ(rows.size(), 21u);
    std::string header;
    for (size_t i = 0; i < rows[0].size(); ++i) header += (i ? "," : "") + rows[0][i];
    EXPECT_EQ(header, "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db");
    std::map<std::string, int> per_label;
    for (size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 10u);
        EXPECT_EQ(rows[i][1], "0");
        EXPECT_EQ(rows[i][2], "3");
        EXPECT_EQ(rows[i][5], "synth");
        EXPECT_TRUE(rows[i][7].empty() && rows[i][8].empty() && rows[i][9].empty());
        EXPECT_FALSE(rows[i][4].empty());
        // The file lives under clips/<split>/<label slug>/.
        EXPECT_EQ(rows[i][0].rfind("clips/" + rows[i][6] + "/", 0), 0u) << rows[i][0];
        EXPECT_TRUE(fs::exists(runs.out("a") + "/" + rows[i][0])) << rows[i][0];
        ++per_label[rows[i][3]];
    }
    for (const auto& name : sctx::default_class_names()) EXPECT_EQ(per_label[name], 4) << name;
}

void ClipsAre3sAt16kHzAndNeverDigitallySilent(const Runs& runs) {
    SCOPED_TRACE("ClipsAre3sAt16kHzAndNeverDigitallySilent");
    const auto rows = manifest(runs, "a");
    for (size_t i = 1; i < rows.size(); ++i) {
        const std::string path = runs.out("a") + "/" + rows[i][0];
        const auto info = sctx::open_audio_file(path)->info();
        EXPECT_EQ(info.sample_rate, 16000);
        EXPECT_EQ(info.channels, 1);
        EXPECT_EQ(info.frames, 48000);
        const std::vector<float> s = sctx::load_audio(path, 16000);
        double e = 0;
        for (float v : s) e += double(v) * v;
        // -74 dBFS: even the quietest room tone is well above PCM16's last bits.
        EXPECT_GT(std::sqrt(e / double(s.size())), 2e-4) << rows[i][3] << " " << path;
    }
}

void SameSeedGivesByteIdenticalOutput(const Runs& runs) {
    SCOPED_TRACE("SameSeedGivesByteIdenticalOutput");
    EXPECT_EQ(sctx::test::read_file(runs.out("a") + "/manifest.csv"),
              sctx::test::read_file(runs.out("b") + "/manifest.csv"));
    EXPECT_EQ(sctx::test::read_file(runs.out("a") + "/clips.jsonl"),
              sctx::test::read_file(runs.out("b") + "/clips.jsonl"));
    const auto rows = manifest(runs, "a");
    for (size_t i = 1; i < rows.size(); ++i) {
        const std::string a = sctx::test::read_file(runs.out("a") + "/" + rows[i][0]);
        ASSERT_FALSE(a.empty());
        EXPECT_EQ(a, sctx::test::read_file(runs.out("b") + "/" + rows[i][0])) << rows[i][0];
    }
}

void AnotherSeedGivesOtherClips(const Runs& runs) {
    SCOPED_TRACE("AnotherSeedGivesOtherClips");
    const auto rows = manifest(runs, "a");
    int differ = 0, compared = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        // The class order is fixed; with another seed the same clip id holds another scene.
        const std::string c = sctx::test::read_file(runs.out("c") + "/" + rows[i][0]);
        if (c.empty()) continue;  // in another split in this run
        ++compared;
        differ += c != sctx::test::read_file(runs.out("a") + "/" + rows[i][0]);
    }
    EXPECT_GT(compared, 10);
    EXPECT_EQ(differ, compared);
    EXPECT_NE(sctx::test::read_file(runs.out("a") + "/clips.jsonl"),
              sctx::test::read_file(runs.out("c") + "/clips.jsonl"));
}

void VoicesOfValAndTestAreNeverHeardInTraining(const Runs& runs) {
    SCOPED_TRACE("VoicesOfValAndTestAreNeverHeardInTraining");
    for (const char* run : {"a", "c"}) {
        std::map<std::string, std::set<std::string>> voices, families;
        std::set<std::string> splits;
        for (const json& c : clips(runs, run)) {
            const std::string split = c["split"];
            splits.insert(split);
            for (const json& t : c["talkers"]) {
                voices[split].insert(t["voice"].get<std::string>());
                families[split].insert(t["family"].get<std::string>());
            }
            for (const json& v : c["babble_voices"]) voices[split].insert(v.get<std::string>());
            // The meeting (split group) id is the first talker's family, so it cannot span splits either.
            if (!c["talkers"].empty()) {
                EXPECT_EQ(c["meeting"], "synth-" + c["talkers"][0]["family"].get<std::string>());
            }
        }
        EXPECT_EQ(splits, (std::set<std::string>{"train", "val", "test"}));
        EXPECT_FALSE(voices["test"].empty());
        for (const char* held : {"val", "test"}) {
            for (const auto& v : voices[held]) EXPECT_EQ(voices["train"].count(v), 0u) << held << " voice " << v;
            for (const auto& f : families[held]) EXPECT_EQ(families["train"].count(f), 0u) << held << " family " << f;
        }
        for (const auto& f : families["val"]) EXPECT_EQ(families["test"].count(f), 0u) << f;
    }
}

void EachClassHasTheTalkersItsLabelPromises(const Runs& runs) {
    SCOPED_TRACE("EachClassHasTheTalkersItsLabelPromises");
    const auto& names = sctx::default_class_names();
    for (const json& c : clips(runs, "a")) {
        const std::string label = c["label"];
        const json& talkers = c["talkers"];
        std::set<std::string> families;
        int heard = 0;
        for (const json& t : talkers) {
            families.insert(t["family"].get<std::string>());
            const double visible = t["visible_s"], active = t["active_s"];
            if (visible >= 0.6 && active >= 0.5) ++heard;
            EXPECT_FALSE(t["turns"].empty());
            for (const json& turn : t["turns"]) {
                EXPECT_GE(turn[0].get<double>(), 0.0);
                EXPECT_LE(turn[1].get<double>(), 3.0);
                EXPECT_LT(turn[0].get<double>(), turn[1].get<double>());
            }
        }
        EXPECT_EQ(families.size(), talkers.size()) << "talkers of one clip are different people: " << c.dump();
        if (label == names[0]) {
            EXPECT_TRUE(talkers.empty()) << c.dump();
        } else if (label == names[1] || label == names[4]) {
            EXPECT_EQ(talkers.size(), 1u) << c.dump();
            EXPECT_EQ(heard, 1) << c.dump();
        } else if (label == names[2]) {
            EXPECT_EQ(talkers.size(), 2u) << c.dump();
            EXPECT_EQ(heard, 2) << "both talkers speak at least 0.6 s: " << c.dump();
        } else {
            EXPECT_GE(talkers.size(), 3u) << c.dump();
            EXPECT_GE(heard, 3) << "three talkers speak at least 0.6 s: " << c.dump();
        }
        if (label == names[4]) {
            EXPECT_FALSE(c["backgrounds"].empty());
            EXPECT_LE(c["snr_db"].get<double>(), 12.0);
        } else if (label != names[0]) {
            EXPECT_GE(c["snr_db"].get<double>(), 15.0);
        }
    }
}

void UtteranceCacheIsReused(const Runs& runs) {
    SCOPED_TRACE("UtteranceCacheIsReused");
    // The second and third runs found every utterance in the shared cache.
    EXPECT_NE(runs.log.find(" 0 synthesized"), std::string::npos) << runs.log;
}

TEST(SynthDataset, GeneratesADeterministicHonestlyLabelledSet) {
    const Runs runs;
    ASSERT_TRUE(runs.ok) << runs.log;
    ManifestHasTheHeaderAndRowsOfAllFiveClasses(runs);
    ClipsAre3sAt16kHzAndNeverDigitallySilent(runs);
    SameSeedGivesByteIdenticalOutput(runs);
    AnotherSeedGivesOtherClips(runs);
    VoicesOfValAndTestAreNeverHeardInTraining(runs);
    EachClassHasTheTalkersItsLabelPromises(runs);
    UtteranceCacheIsReused(runs);
}

TEST(SynthDatasetCli, RejectsAVoiceThatDoesNotExist) {
    sctx::test::TempDir dir;
    const auto r = sctx::test::run(sctx::test::quote(SOCIALCTX_CLI) + " dataset synth --out " +
                                   sctx::test::quote(dir.file("o")) + " --count 5 --voices no-such-voice 2>&1");
    EXPECT_NE(r.status, 0);
    EXPECT_NE(r.out.find("no-such-voice"), std::string::npos) << r.out;
}

TEST(SynthDatasetCli, NeedsAnOutputFolder) {
    const auto r = sctx::test::run(sctx::test::quote(SOCIALCTX_CLI) + " dataset synth --count 5 2>&1");
    EXPECT_EQ(r.status, 2);
}

}  // namespace
