// Real talkers in the synthesizer: the corpus reader (layout, provenance checks, refusal of what is reserved for
// evaluation) and `socialctx dataset synth --real-talkers --frame-targets` end to end on a small corpus the test
// makes with espeak-ng (the reader cannot tell; the mixer treats them as real people).
#include "dataset/synth/real_talkers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "../support/test_support.h"
#include "audio/audio_stream.h"
#include "audio/wav_writer.h"
#include "dataset/manifest.h"
#include "model/model_config.h"
#include "util/error.h"

namespace fs = std::filesystem;
using nlohmann::json;
using sctx::test::quote;

namespace {

const char* kTalkersHeader =
    "speaker,package,package_version,language,sex,identity,licence,split,utterances,speech_seconds\n";
const char* kUtterancesHeader = "speaker,file,seconds,speech_seconds,active_rms_dbfs,segments\n";

void write(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// A corpus of `speakers` people with three utterances each: espeak-ng voices of different pitch, or tones when
// espeak-ng is missing. Speaker k is in val when k % 4 == 3.
struct Corpus {
    sctx::test::TempDir dir;
    explicit Corpus(int speakers, const std::string& package = "fillets-ng-data-cs") {
        std::string talkers = kTalkersHeader, utts = kUtterancesHeader, sources = "file\tpackage\tsource\tstart\tend\n";
        const bool espeak = sctx::test::have_program("espeak-ng");
        static const char* texts[] = {"Good morning, how are you today?", "I think we should go there tomorrow.",
                                      "That is exactly what I was going to say."};
        for (int k = 0; k < speakers; ++k) {
            const std::string id = "person" + std::to_string(k);
            fs::create_directories(dir.file("wav/" + id));
            for (int u = 0; u < 3; ++u) {
                const std::string rel = "wav/" + id + "/000" + std::to_string(u) + ".wav";
                const std::string path = dir.file(rel);
                if (espeak) {
                    sctx::test::run("espeak-ng -p " + std::to_string(20 + 12 * k) + " -w " + quote(path + ".raw.wav") +
                                    " " + quote(texts[u]) + " && sox " + quote(path + ".raw.wav") +
                                    " -r 16000 -c 1 -b 16 " + quote(path) + " 2>/dev/null");
                } else {
                    sctx::write_wav(path, sctx::test::tone(150 + 40 * k, 1.5), 16000);
                }
                const double seconds = double(sctx::load_audio(path, 16000).size()) / 16000;
                char row[512];
                std::snprintf(row, sizeof row, "%s,%s,%.3f,%.3f,-20.0,0.050-%.3f\n", id.c_str(), rel.c_str(), seconds,
                              seconds - 0.1, seconds - 0.05);
                utts += row;
                sources += rel + "\t" + package + "\t/usr/share/games/fillets-ng/sound/x/" + id + ".ogg\t0\t1\n";
            }
            talkers += id + "," + package + ",1.0,en,F,person,GPL-2," + (k % 4 == 3 ? "val" : "train") + ",3,3.0\n";
        }
        write(dir.file("talkers.csv"), talkers);
        write(dir.file("utterances.csv"), utts);
        write(dir.file("sources.tsv"), sources);
    }
    std::string path() const { return dir.path().string(); }
};

std::string error_of(const std::string& dir) {
    try {
        sctx::synth::load_real_talkers(dir);
    } catch (const sctx::Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST(RealTalkers, LoadsSpeakersWithTheirSplitsUtterancesAndSpeechSegments) {
    Corpus c(4);
    const auto corpus = sctx::synth::load_real_talkers(c.path());
    ASSERT_EQ(corpus.pools.size(), 4u);
    EXPECT_EQ(corpus.utterances, 12u);
    EXPECT_EQ(corpus.packages, std::vector<std::string>{"fillets-ng-data-cs"});
    for (const auto& p : corpus.pools) {
        EXPECT_EQ(p.voice.engine, sctx::synth::Engine::Real);
        EXPECT_EQ(p.voice.family, "real:" + p.voice.id.substr(5));
        EXPECT_EQ(p.utterances.size(), 3u);
        ASSERT_EQ(p.utterances[0].speech.size(), 1u);
        EXPECT_FLOAT_EQ(p.utterances[0].speech[0].first, 0.05f);
        EXPECT_TRUE(fs::exists(p.utterances[0].path));
    }
    EXPECT_EQ(corpus.pools[3].voice.split, "val");
    EXPECT_EQ(corpus.pools[0].voice.split, "train");
}

TEST(RealTalkers, RefusesEverythingReservedForEvaluation) {
    Corpus reserved_package(2, "codec2-examples");
    EXPECT_NE(error_of(reserved_package.path()).find("codec2-examples is reserved for evaluation"), std::string::npos)
        << error_of(reserved_package.path());
    Corpus c(2);
    std::ofstream(c.dir.file("sources.tsv"), std::ios::app)
        << "wav/person0/0000.wav\tfillets-ng-data-cs\t/usr/share/pocketsphinx/test/data/goforward.raw\t0\t1\n";
    EXPECT_NE(error_of(c.path()).find("/usr/share/pocketsphinx/test/data/goforward.raw is in a folder reserved"),
              std::string::npos)
        << error_of(c.path());
}

TEST(RealTalkers, MalformedTablesAreErrorsNamingTheLine) {
    Corpus c(2);
    std::ofstream(c.dir.file("utterances.csv"), std::ios::app) << "person0,wav/person0/0000.wav,1.0,0.5,-20,0.5-0.2\n";
    EXPECT_NE(error_of(c.path()).find("utterances.csv:8: speech segments must be increasing"), std::string::npos)
        << error_of(c.path());
    Corpus d(2);
    std::ofstream(d.dir.file("utterances.csv"), std::ios::app) << "nobody,wav/x.wav,1.0,0.5,-20,0.1-0.2\n";
    EXPECT_NE(error_of(d.path()).find("speaker 'nobody' is not in talkers.csv"), std::string::npos);
    EXPECT_NE(error_of(d.dir.file("missing")).find("cannot open"), std::string::npos);
}

TEST(RealTalkers, ScenesMixRealAndSynthesizedTalkersWithFrameTargets) {
    ASSERT_TRUE(sctx::test::have_program("espeak-ng")) << "espeak-ng is a test dependency (scripts/install-deps.sh)";
    Corpus c(8);
    sctx::test::TempDir out;
    const auto r =
        sctx::test::run(quote(SOCIALCTX_CLI) + " dataset synth --out " + quote(out.file("set")) +
                        " --count 40 --seed 3 --threads 2 --frame-targets --real-talkers " + quote(c.path()) +
                        " --voices espeak+m1,espeak+m2,espeak+f1,espeak+f2,espeak+m4,espeak+f3"
                        " --utterances-per-voice 2 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("real talkers: 8 speakers, 24 utterances"), std::string::npos) << r.out;
    const auto rows = sctx::dataset::read_manifest(out.file("set/manifest.csv"), sctx::default_class_names());
    ASSERT_EQ(rows.size(), 40u);
    std::map<std::string, std::set<std::string>> speakers_by_split;
    size_t real_talkers = 0, talkers = 0;
    for (const auto& row : rows) {
        SCOPED_TRACE(row.source + " " + row.label);
        ASSERT_TRUE(row.has_frames());
        ASSERT_EQ(row.frame_voices.size(), 188u);
        std::set<char> owners(row.frame_owner.begin(), row.frame_owner.end());
        owners.erase('-');
        const char most = *std::max_element(row.frame_voices.begin(), row.frame_voices.end());
        for (const auto& t : row.talkers) {
            speakers_by_split[sctx::dataset::to_string(row.split)].insert(t);
            ++talkers;
            real_talkers += t.rfind("real:", 0) == 0;
        }
        if (row.label_index == 0) {  // quiet: nobody, ever
            EXPECT_EQ(most, '0');
            EXPECT_TRUE(row.talkers.empty());
        } else if (row.label_index == 1 || row.label_index == 4) {  // one talker
            EXPECT_EQ(row.talkers.size(), 1u);
            EXPECT_EQ(most, '1');
            EXPECT_EQ(owners, std::set<char>{'0'});
        } else if (row.label_index == 2) {  // two talkers, each heard alone somewhere
            EXPECT_EQ(row.talkers.size(), 2u);
            EXPECT_EQ(owners, (std::set<char>{'0', '1'}));
        } else {  // a group: three or four talkers, at least three heard alone
            EXPECT_GE(row.talkers.size(), 3u);
            EXPECT_GE(owners.size(), 3u);
        }
    }
    // Real people among the talkers (the default share is 0.65), and no speaker in two splits.
    EXPECT_GT(real_talkers, talkers / 4);
    EXPECT_LT(real_talkers, talkers);
    for (const auto& s : speakers_by_split["train"]) {
        EXPECT_EQ(speakers_by_split["val"].count(s), 0u) << s;
        EXPECT_EQ(speakers_by_split["test"].count(s), 0u) << s;
    }
    // Every talker's frames add up: a clip's voices per frame never exceed its talkers.
    for (const auto& row : rows)
        for (char v : row.frame_voices) EXPECT_LE(size_t(v - '0'), row.talkers.size());
}
