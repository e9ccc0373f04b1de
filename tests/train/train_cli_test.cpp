// `socialctx train` and `socialctx evaluate` end to end on a toy dataset of five easily told apart synthetic
// sounds, one per class, made in a temp dir.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>

#include "audio/wav_writer.h"
#include "model/model.h"
#include "model/model_config.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

struct CliRun {
    int code = -1;
    std::string out;
};

CliRun run(const std::string& args) {
    const sctx::test::CommandResult r = sctx::test::run(std::string(SOCIALCTX_CLI) + " " + args + " 2>&1");
    return {r.status, r.out};
}

// One 3 s clip of class c: faint brown noise (quiet), a tone (one voice), two tones taking turns (two voices),
// a chord (a group), loud white noise over a tone (noisy). Frequencies vary per clip.
std::vector<float> clip(int c, std::mt19937& rng) {
    const int rate = 16000;
    const size_t n = 3 * rate;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::normal_distribution<double> g(0.0, 1.0);
    std::vector<float> s(n, 0.f);
    const double f = 180 + 120 * u(rng), f2 = 500 + 200 * u(rng);
    double brown = 0;
    for (size_t i = 0; i < n; ++i) {
        const double t = double(i) / rate;
        double v = 0;
        switch (c) {
            case 0:
                brown = 0.995 * brown + 0.002 * g(rng);
                v = brown;
                break;
            case 1: v = 0.3 * std::sin(2 * M_PI * f * t); break;
            case 2: v = 0.3 * std::sin(2 * M_PI * (int(t * 2) % 2 ? f2 : f) * t); break;
            case 3:
                v = 0.15 *
                    (std::sin(2 * M_PI * f * t) + std::sin(2 * M_PI * f * 1.26 * t) + std::sin(2 * M_PI * f * 1.5 * t));
                break;
            default: v = 0.3 * g(rng) + 0.1 * std::sin(2 * M_PI * f * t); break;
        }
        s[i] = float(std::max(-1.0, std::min(1.0, v + 0.0005 * g(rng))));
    }
    return s;
}

class TrainCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string t = (fs::temp_directory_path() / "sctx-traincli-XXXXXX").string();
        dir_ = mkdtemp(t.data());
        fs::create_directories(dir_ + "/clips");
        std::mt19937 rng(42);
        const auto& names = sctx::default_class_names();
        std::ofstream m(dir_ + "/manifest.csv");
        std::ofstream labels(dir_ + "/test-labels.csv");
        m << "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db\n";
        labels << "file,label\n";
        for (int c = 0; c < 5; ++c) {
            for (int k = 0; k < 12; ++k) {
                const std::string name = "clips/c" + std::to_string(c) + "_" + std::to_string(k) + ".wav";
                sctx::write_wav(dir_ + "/" + name, clip(c, rng), 16000);
                const char* split = k < 6 ? "train" : k < 9 ? "val" : "test";
                m << name << ",0,3," << names[size_t(c)] << ",toy" << c << "_" << k << ",synth," << split << ",,,\n";
                if (k >= 9) labels << name << "," << names[size_t(c)] << "\n";
            }
        }
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    // Train loss of each epoch, from the progress lines.
    static std::vector<double> train_losses(const std::string& out) {
        std::vector<double> v;
        const std::regex re(R"(epoch +\d+/\d+ +train loss ([0-9.]+))");
        for (auto it = std::sregex_iterator(out.begin(), out.end(), re); it != std::sregex_iterator(); ++it)
            v.push_back(std::stod((*it)[1]));
        return v;
    }

    // --threads 1: on a busy 2-core machine a second OpenMP thread mostly waits for the first.
    void train_and_evaluate(const std::string& arch, int epochs = 5, bool evaluate = true) {
        const std::string model = dir_ + "/" + arch + ".pt";
        const CliRun t =
            run("train --manifest " + dir_ + "/manifest.csv --arch " + arch + " --out " + model + " --epochs " +
                std::to_string(epochs) + " --patience 5 --batch-size 8 --threads 1 --seed 3 --name toy --version 9");
        ASSERT_EQ(t.code, 0) << t.out;
        const std::vector<double> losses = train_losses(t.out);
        ASSERT_EQ(losses.size(), size_t(epochs)) << t.out;
        EXPECT_LT(losses.back(), losses.front()) << t.out;
        EXPECT_NE(t.out.find("Test split (15 windows)"), std::string::npos) << t.out;
        EXPECT_NE(t.out.find("Confusion matrix"), std::string::npos) << t.out;

        std::shared_ptr<sctx::Model> m;
        ASSERT_NO_THROW(m = sctx::Model::load(model));
        EXPECT_EQ(m->config().architecture, arch);
        EXPECT_EQ(m->config().name, "toy");
        EXPECT_EQ(m->config().version, "9");

        std::ifstream report(dir_ + "/" + arch + ".report.json");
        ASSERT_TRUE(report.good());
        const auto rj = nlohmann::json::parse(report);
        EXPECT_EQ(rj["test"]["total"], 15);
        EXPECT_EQ(rj["history"].size(), size_t(epochs));

        if (!evaluate) return;
        const CliRun e = run("evaluate --model " + model + " " + dir_ + "/test-labels.csv --json " + dir_ + "/" + arch +
                             ".eval.json --threads 1");
        ASSERT_EQ(e.code, 0) << e.out;
        EXPECT_NE(e.out.find("macro-F1"), std::string::npos) << e.out;
        std::ifstream ev(dir_ + "/" + arch + ".eval.json");
        const auto ej = nlohmann::json::parse(ev);
        EXPECT_EQ(ej["total"], 15);
        EXPECT_EQ(ej["errors"], 0);
        EXPECT_GT(ej["accuracy"].get<double>(), 0.4) << e.out;  // chance is 0.2
        EXPECT_EQ(ej["confusion_matrix"]["labels"][3], "Group Discussion");
    }

    static std::string dir_;
};

std::string TrainCli::dir_;

}  // namespace

TEST_F(TrainCli, OriginalCnnTrainsLoadsAndBeatsChance) { train_and_evaluate("original-cnn"); }

TEST_F(TrainCli, TcnTrainsLoadsAndBeatsChance) { train_and_evaluate("socialctx-tcn", 4); }

TEST_F(TrainCli, TdnnTrainsLoadsAndBeatsChance) { train_and_evaluate("socialctx-tdnn"); }

// The GRU is the slowest part to train on CPU: fewer epochs, no accuracy bar.
TEST_F(TrainCli, CrnnTrains) { train_and_evaluate("socialctx-crnn", 3, false); }

// The counter's heads on a convolution-only trunk (the default model's architecture); no frame targets in this toy
// manifest, so it learns from the clip labels alone.
TEST_F(TrainCli, CounterLiteTrainsLoadsAndBeatsChance) { train_and_evaluate("socialctx-counter-lite", 4); }

TEST_F(TrainCli, SameSeedGivesTheSameFirstEpoch) {
    auto val_loss = [&](int seed, const std::string& tag) {
        const CliRun r = run("train --manifest " + dir_ + "/manifest.csv --arch original-cnn --out " + dir_ + "/det" +
                             tag + ".pt --epochs 1 --batch-size 8 --threads 1 --seed " + std::to_string(seed));
        EXPECT_EQ(r.code, 0) << r.out;
        std::smatch m;
        EXPECT_TRUE(std::regex_search(r.out, m, std::regex(R"(val loss ([0-9.]+))"))) << r.out;
        return m.size() > 1 ? m[1].str() : std::string("none-" + tag);
    };
    const std::string a = val_loss(5, "a"), b = val_loss(5, "b"), c = val_loss(6, "c");
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);  // and the seed matters
}

TEST_F(TrainCli, EvaluateCountsUnreadableFilesAsErrors) {
    const std::string model = dir_ + "/det-untrained.pt";
    ASSERT_EQ(run("init-model --arch original-cnn -o " + model).code, 0);
    {
        std::ofstream bad(dir_ + "/broken.wav");
        bad << "not audio";
        std::ofstream l(dir_ + "/with-errors.csv");
        l << "file,label\nclips/c1_0.wav,Speech / Monologue\nbroken.wav,Alone / Quiet\nmissing.wav,Alone / Quiet\n";
    }
    const CliRun e = run("evaluate --model " + model + " " + dir_ + "/with-errors.csv --json " + dir_ + "/err.json");
    EXPECT_EQ(e.code, 1) << e.out;
    EXPECT_NE(e.out.find("broken.wav"), std::string::npos) << e.out;
    std::ifstream ev(dir_ + "/err.json");
    const auto ej = nlohmann::json::parse(ev);
    EXPECT_EQ(ej["total"], 1);
    EXPECT_EQ(ej["errors"], 2);
}

TEST_F(TrainCli, BadManifestRowIsAUsageErrorNamingTheLine) {
    {
        std::ofstream m(dir_ + "/bad.csv");
        m << "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db\n"
          << "clips/c0_0.wav,0,3,Alone / Quiet,a,synth,train,,,\n"
          << "clips/c0_1.wav,0,3,Party,b,synth,val,,,\n";
    }
    const CliRun r = run("train --manifest " + dir_ + "/bad.csv --out " + dir_ + "/bad.pt");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("bad.csv:3: unknown label 'Party'"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(dir_ + "/bad.pt"));
}
