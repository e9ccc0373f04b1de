#include <map>
#include <sstream>

#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class Timings : public CliTest {};

// "timings: stage=decode wall_s=0.001 cpu_s=0.001" -> {"decode.wall_s": 0.001, ...}; the summary line's keys as is.
std::map<std::string, double> parse_timings(const std::string& err) {
    std::map<std::string, double> out;
    std::istringstream lines(err);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("timings: ", 0) != 0) continue;
        std::istringstream words(line.substr(9));
        std::string word, stage;
        while (words >> word) {
            const size_t eq = word.find('=');
            if (eq == std::string::npos) continue;
            const std::string key = word.substr(0, eq), value = word.substr(eq + 1);
            if (key == "stage")
                stage = value;
            else
                out[stage.empty() ? key : stage + "." + key] = std::stod(value);
        }
    }
    return out;
}

TEST_F(Timings, EveryStageIsReportedNonNegativeAndTheirSumFitsInTheRun) {
    // 44.1 kHz, so the resampler runs; 10 s, so there are several windows and forward passes.
    const std::string src = wav("t/a.wav", 10.0);
    const std::string in = encode(src, "t/a44.wav", "-ar 44100");
    const std::string args = "classify --format jsonl --threads 1 --quiet " + quote(in);
    const auto plain = socialctx(args);
    const auto timed =
        run(cli() + " " + args + " --timings --model " + quote(model_) + " 2>" + quote(dir_.file("err.txt")));
    ASSERT_EQ(plain.status, 0);
    ASSERT_EQ(timed.status, 0);
    EXPECT_EQ(timed.out, plain.out) << "--timings changes nothing on standard output";
    const std::string err = read_file(dir_.file("err.txt"));
    const auto t = parse_timings(err);
    double wall = 0;
    for (const char* stage : {"decode", "resample", "features", "model", "output"}) {
        for (const char* kind : {"wall_s", "cpu_s"}) {
            const std::string key = std::string(stage) + "." + kind;
            ASSERT_TRUE(t.count(key)) << key << " missing in: " << err;
            EXPECT_GE(t.at(key), 0.0) << key;
        }
        wall += t.at(std::string(stage) + ".wall_s");
    }
    // The stages that always do work on this file measured something.
    EXPECT_GT(t.at("features.wall_s"), 0.0) << err;
    EXPECT_GT(t.at("model.wall_s"), 0.0) << err;
    EXPECT_GT(t.at("resample.wall_s"), 0.0) << err;
    ASSERT_TRUE(t.count("stages_wall_s") && t.count("run_wall_s")) << err;
    EXPECT_NEAR(t.at("stages_wall_s"), wall, 1e-5);
    // One thread: the stages are disjoint parts of the run, so together they cannot take longer than it.
    EXPECT_LE(t.at("stages_wall_s"), t.at("run_wall_s") + 1e-3) << err;
}

TEST_F(Timings, WithoutTheFlagNothingIsPrinted) {
    const std::string in = wav("t/b.wav", 2.0);
    const auto r = socialctx("classify --quiet " + quote(in), true);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.find("timings:"), std::string::npos) << r.out;
}

}  // namespace
