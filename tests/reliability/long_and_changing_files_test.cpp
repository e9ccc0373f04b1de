// A 10-hour recording in bounded memory, and files that change or vanish while the batch runs.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "cli_fixture.h"

namespace {

using namespace sctx::test;

class LongAndChanging : public CliTest {};

// A 10-hour 16 kHz mono 16-bit WAV as a sparse file: 1.15 GB of zeros that take no disk space.
std::string sparse_ten_hours(const std::string& path) {
    const uint32_t rate = 16000, seconds = 36000;
    const uint32_t data = rate * 2 * seconds;
    std::string h = "RIFF";
    auto put32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) h.push_back(char((v >> (8 * i)) & 0xff));
    };
    auto put16 = [&](uint16_t v) {
        h.push_back(char(v & 0xff));
        h.push_back(char(v >> 8));
    };
    put32(36 + data);
    h += "WAVEfmt ";
    put32(16);
    put16(1);
    put16(1);
    put32(rate);
    put32(rate * 2);
    put16(2);
    put16(16);
    h += "data";
    put32(data);
    write_file(path, h);
    EXPECT_EQ(::truncate(path.c_str(), off_t(h.size()) + off_t(data)), 0);
    return path;
}

TEST_F(LongAndChanging, TenHourRecordingStreamsInBoundedMemory) {
    const std::string f = sparse_ten_hours(dir_.file("ten_hours.wav"));
    // A 60 s hop keeps the test short (600 windows); memory depends on the window, not on the length.
    const auto r = run("/usr/bin/time -f 'RSS_KB=%M' " + cli() + " classify --format jsonl --hop 60 --quiet --model " +
                       quote(model_) + " " + quote(f) + " 2>&1");
    ASSERT_EQ(r.status, 0) << r.out;
    const auto rec = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    EXPECT_NEAR(rec["duration_s"].get<double>(), 36000.0, 1e-6);
    EXPECT_EQ(rec["windows"], 601);  // every 60 s, then one aligned with the end
    const auto at = r.out.find("RSS_KB=");
    ASSERT_NE(at, std::string::npos) << r.out;
    const long rss_mb = std::stol(r.out.substr(at + 7)) / 1024;
    // The bound of the issue; an instrumented build states its own (ASan's shadow memory and allocator cost
    // ~200 MB more: scripts/run-sanitizers.sh).
    const char* limit = std::getenv("SOCIALCTX_TEST_RSS_LIMIT_MB");
    std::printf("peak RSS classifying a 10-hour file: %ld MB\n", rss_mb);
    EXPECT_LT(rss_mb, limit ? std::atol(limit) : 400L) << "peak RSS for a 10-hour file";
}

TEST_F(LongAndChanging, AFileThatChangesOrVanishesMidBatchIsAnErrorForThatFileOnly) {
    // Ten minutes of audio takes long enough to classify that we can change the file while it is read.
    const std::string changing = wav("c/a_changing.wav", 600.0);
    const std::string vanishing = wav("c/b_vanishing.wav", 600.0, 2);
    wav("c/c_fine.wav", 2.0, 3);
    const std::string out = dir_.file("out.jsonl");
    const pid_t pid = ::fork();
    if (pid == 0) {
        const std::string cmd = cli() + " classify --threads 2 --quiet --format jsonl -o " + quote(out) + " --model " +
                                quote(model_) + " " + quote(dir_.file("c")) + " 2>/dev/null";
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), nullptr);
        ::_exit(127);
    }
    // The output file appears once the inputs are listed and the model is loaded: then change things.
    for (int i = 0; i < 300 && !std::filesystem::exists(out); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    { std::ofstream(changing, std::ios::app) << "more bytes appended by another program"; }
    std::filesystem::remove(vanishing);
    int st = 0;
    ::waitpid(pid, &st, 0);
    EXPECT_EQ(WEXITSTATUS(st), 1);
    std::map<std::string, nlohmann::json> recs;
    for (const auto& j : parse_lines(read_file(out))) recs[j["file"]] = j;
    ASSERT_EQ(recs.size(), 3u);
    EXPECT_EQ(recs[changing]["status"], "error");
    EXPECT_NE(recs[changing]["error"].get<std::string>().find("changed while"), std::string::npos)
        << recs[changing].dump();
    EXPECT_EQ(recs[vanishing]["status"], "error");
    EXPECT_NE(recs[vanishing]["error"].get<std::string>().find("disappeared"), std::string::npos)
        << recs[vanishing].dump();
    EXPECT_EQ(recs[dir_.file("c/c_fine.wav")]["status"], "ok");
}

}  // namespace
