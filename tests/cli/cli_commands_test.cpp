#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class Commands : public CliTest {};

TEST_F(Commands, VersionAndHelpForEveryCommand) {
    auto v = run(cli() + " --version");
    EXPECT_EQ(v.status, 0);
    EXPECT_EQ(v.out.rfind("socialctx ", 0), 0u) << v.out;
    for (const char* cmd :
         {"classify", "features", "info", "merge", "import", "dataset", "train", "evaluate", "init-model"}) {
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
