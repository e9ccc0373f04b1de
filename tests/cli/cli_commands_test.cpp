#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class Commands : public CliTest {};

TEST_F(Commands, VersionAndHelpForEveryCommand) {
    auto v = run(cli() + " --version");
    EXPECT_EQ(v.status, 0);
    EXPECT_EQ(v.out.rfind("socialctx ", 0), 0u) << v.out;
    for (const char* cmd : {"classify", "features", "info", "merge", "import", "dataset", "train", "evaluate",
                            "init-model", "ensemble"}) {
        auto h = run(cli() + " " + cmd + " --help");
        EXPECT_EQ(h.status, 0) << cmd;
        EXPECT_NE(h.out.find("Usage: socialctx"), std::string::npos) << cmd << ": " << h.out;
    }
}

TEST_F(Commands, UsageErrorsExitWith2) {
    EXPECT_EQ(run(cli() + " 2>/dev/null").status, 2);
    EXPECT_EQ(run(cli() + " frobnicate 2>/dev/null").status, 2);
    EXPECT_EQ(run(cli() + " classify 2>/dev/null").status, 2);
    EXPECT_EQ(run(cli() + " classify --format xml x.wav 2>/dev/null").status, 2);
    EXPECT_EQ(run(cli() + " classify --threads 0 x.wav 2>/dev/null").status, 2);
    EXPECT_EQ(socialctx("classify --resume --format csv -o x.csv x.wav").status, 2);
}

TEST_F(Commands, AModelThatIsNotAModelIsExit2WithTheReason) {
    write_file(dir_.file("fake.pt"), "not a zip, not a model");
    const auto r =
        run(cli() + " classify --model " + quote(dir_.file("fake.pt")) + " " + quote(wav("a.wav", 1.0)) + " 2>&1");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("is not a TorchScript model"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("fake.pt"), std::string::npos) << r.out;
}

}  // namespace

namespace {

using namespace sctx::test;

// socialctx ensemble: the ensemble's probabilities are the mean of its members' (per window, so per file too);
// members that hear other input are refused with the reason; fewer than two is a usage error.
TEST_F(Commands, AnEnsembleAveragesItsMembersProbabilities) {
    const std::string a = dir_.file("a.pt"), b = dir_.file("b.pt"), ab = dir_.file("ab.pt");
    ASSERT_EQ(run(cli() + " init-model --seed 1 -o " + quote(a)).status, 0);
    ASSERT_EQ(run(cli() + " init-model --seed 2 -o " + quote(b)).status, 0);
    const auto made = run(cli() + " ensemble " + quote(a) + " " + quote(b) + " -o " + quote(ab) + " --name pair 2>&1");
    ASSERT_EQ(made.status, 0) << made.out;
    const std::string clip = wav("clip.wav", 7.0);
    auto probs = [&](const std::string& model) {
        const auto r =
            run(cli() + " classify --format json --model " + quote(model) + " " + quote(clip) + " 2>/dev/null");
        EXPECT_EQ(r.status, 0);
        std::vector<double> p;
        const auto records = nlohmann::json::parse(r.out);  // kept: a range-for over a temporary's member dangles
        for (const auto& [k, v] : records[0]["probabilities"].items()) p.push_back(v.get<double>());
        return p;
    };
    const auto pa = probs(a), pb = probs(b), pab = probs(ab);
    ASSERT_EQ(pab.size(), 5u);
    double differ = 0;
    for (size_t i = 0; i < 5; ++i) {
        EXPECT_NEAR(pab[i], (pa[i] + pb[i]) / 2, 1e-5) << i;
        differ += std::abs(pa[i] - pb[i]);
    }
    EXPECT_GT(differ, 1e-3) << "two seeds should disagree, or the test proves nothing";
    const auto info = nlohmann::json::parse(run(cli() + " info --model " + quote(ab) + " 2>/dev/null").out);
    EXPECT_EQ(info["model"]["name"], "pair") << info.dump();
    EXPECT_EQ(info["model"]["architecture"], "ensemble(original-cnn+original-cnn)") << info.dump();

    const std::string other = dir_.file("other.pt");
    ASSERT_EQ(run(cli() + " init-model --db-ref 1.0 -o " + quote(other)).status, 0);
    const auto refused =
        run(cli() + " ensemble " + quote(a) + " " + quote(other) + " -o " + quote(dir_.file("x.pt")) + " 2>&1");
    EXPECT_EQ(refused.status, 2);
    EXPECT_NE(refused.out.find("hears other input"), std::string::npos) << refused.out;
    EXPECT_EQ(run(cli() + " ensemble " + quote(a) + " -o " + quote(dir_.file("y.pt")) + " 2>/dev/null").status, 2);
}

}  // namespace
