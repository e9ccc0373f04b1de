// Crash-safe --resume and --shard K/N, through the real binary.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <set>
#include <thread>

#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class ResumeShard : public CliTest {
protected:
    void make_folder(int n) {
        for (int i = 0; i < n; ++i)
            wav("in/f" + std::to_string(100 + i) + ".wav", 0.5 + 0.05 * (i % 7), unsigned(i + 1));
    }
    std::multiset<std::string> files_in(const std::string& jsonl) {
        std::multiset<std::string> out;
        for (const auto& j : parse_lines(read_file(jsonl))) out.insert(j["file"].get<std::string>());
        return out;
    }
};

TEST_F(ResumeShard, ResumeKeepsCompleteRecordsDropsATornLineAndDoesOnlyWhatIsMissing) {
    make_folder(6);
    const std::string out = dir_.file("out.jsonl");
    const std::string cmd = "classify --format jsonl --output " + quote(out) + " --resume " + quote(dir_.file("in"));
    ASSERT_EQ(socialctx(cmd).status, 0);
    std::string text = read_file(out);
    // Simulate a crash: keep 3 full lines and half of the 4th.
    size_t cut = 0;
    for (int i = 0; i < 3; ++i) cut = text.find('\n', cut) + 1;
    write_file(out, text.substr(0, cut) + text.substr(cut, 40));
    const auto r = socialctx(cmd, true);
    ASSERT_EQ(r.status, 0) << r.out;
    EXPECT_NE(r.out.find("3 records kept"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 torn dropped, 3 files to do"), std::string::npos) << r.out;
    const auto files = files_in(out);
    EXPECT_EQ(files.size(), 6u);
    EXPECT_EQ(std::set<std::string>(files.begin(), files.end()).size(), 6u);
}

TEST_F(ResumeShard, AChangedFileIsDoneAgain) {
    make_folder(3);
    const std::string out = dir_.file("out.jsonl");
    const std::string cmd = "classify --format jsonl --output " + quote(out) + " --resume " + quote(dir_.file("in"));
    ASSERT_EQ(socialctx(cmd).status, 0);
    wav("in/f101.wav", 2.0, 99);  // rewritten: other size and time
    const auto r = socialctx(cmd, true);
    EXPECT_NE(r.out.find("2 records kept, 1 stale"), std::string::npos) << r.out;
    const auto recs = parse_lines(read_file(out));
    ASSERT_EQ(recs.size(), 3u);
    for (const auto& j : recs) {
        if (j["file"] == dir_.file("in/f101.wav")) {
            EXPECT_NEAR(j["duration_s"].get<double>(), 2.0, 1e-6);
        }
    }
}

TEST_F(ResumeShard, KillNineAtAnyMomentThenResumeGivesEveryFileExactlyOnce) {
    make_folder(40);
    const std::string out = dir_.file("out.jsonl");
    const std::string cmd = cli() + " classify --format jsonl --threads 2 --quiet --output " + quote(out) +
                            " --resume --model " + quote(model_) + " " + quote(dir_.file("in"));
    for (int delay_ms : {150, 400, 700}) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execl("/bin/sh", "sh", "-c", ("exec " + cmd + " >/dev/null 2>&1").c_str(), nullptr);
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        ::kill(pid, SIGKILL);
        int st = 0;
        ::waitpid(pid, &st, 0);
    }
    ASSERT_EQ(run(cmd + " 2>&1").status, 0);
    const auto files = files_in(out);
    EXPECT_EQ(files.size(), 40u);
    EXPECT_EQ(std::set<std::string>(files.begin(), files.end()).size(), 40u);
}

TEST_F(ResumeShard, ShardsRunSideBySideGiveTheSameRecordsAsOneRun) {
    make_folder(10);
    ASSERT_EQ(
        socialctx("classify --format jsonl -o " + quote(dir_.file("all.jsonl")) + " " + quote(dir_.file("in"))).status,
        0);
    std::vector<pid_t> pids;
    for (int k = 1; k <= 3; ++k) {
        const std::string cmd = cli() + " classify --threads 1 --quiet --format jsonl --shard " + std::to_string(k) +
                                "/3 -o " + quote(dir_.file("part" + std::to_string(k) + ".jsonl")) + " --model " +
                                quote(model_) + " " + quote(dir_.file("in"));
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
            ::_exit(127);
        }
        pids.push_back(pid);
    }
    for (pid_t pid : pids) {
        int st = 0;
        ::waitpid(pid, &st, 0);
        EXPECT_EQ(WEXITSTATUS(st), 0);
    }
    std::set<std::string> union_files;
    size_t total = 0;
    for (int k = 1; k <= 3; ++k) {
        const auto f = files_in(dir_.file("part" + std::to_string(k) + ".jsonl"));
        total += f.size();
        union_files.insert(f.begin(), f.end());
    }
    EXPECT_EQ(total, 10u) << "disjoint";
    EXPECT_EQ(union_files.size(), 10u) << "covering";
    const std::string merged = dir_.file("merged.jsonl");
    ASSERT_EQ(run(cli() + " merge " + quote(dir_.file("part1.jsonl")) + " " + quote(dir_.file("part2.jsonl")) + " " +
                  quote(dir_.file("part3.jsonl")) + " -o " + quote(merged))
                  .status,
              0);
    std::map<std::string, nlohmann::json> one, sharded;
    for (const auto& j : parse_lines(read_file(dir_.file("all.jsonl")))) one[j["file"]] = j;
    for (const auto& j : parse_lines(read_file(merged))) sharded[j["file"]] = j;
    ASSERT_EQ(one.size(), sharded.size());
    for (const auto& [file, j] : one) {
        EXPECT_EQ(j["label"], sharded[file]["label"]) << file;
        for (const auto& [cls, p] : j["probabilities"].items())
            EXPECT_NEAR(p.get<double>(), sharded[file]["probabilities"][cls].get<double>(), 1e-5) << file;
    }
    // merge into another format
    ASSERT_EQ(run(cli() + " merge " + quote(dir_.file("part1.jsonl")) + " " + quote(dir_.file("part2.jsonl")) + " -o " +
                  quote(dir_.file("m.csv")))
                  .status,
              0);
    EXPECT_EQ(read_file(dir_.file("m.csv")).rfind("file,status", 0), 0u);
}

}  // namespace
