// The platform layer (src/core/platform) on this system: real files, real folders, real programs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/byte_order.h"
#include "platform/file_info.h"
#include "platform/process.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace sctx::platform;

namespace {

class Platform : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = (fs::temp_directory_path() / ("socialctx-platform-" + std::to_string(current_process_id()))).string();
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& bytes) {
        const std::string p = dir_ + "/" + name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    std::string dir_;
};

TEST_F(Platform, FileInfoGivesTypeSizeTimeAndIdentity) {
    const std::string f = write("a.bin", std::string(1234, 'x'));
    const FileInfo info = file_info(f);
    ASSERT_TRUE(info.exists());
    EXPECT_TRUE(info.is_regular());
    EXPECT_EQ(info.size, 1234);
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    EXPECT_NEAR(info.mtime(), std::chrono::duration<double>(now).count(), 120.0);
    EXPECT_EQ(info.stamp(), "1234:" + std::to_string(info.mtime_sec) + "." + std::to_string(info.mtime_nsec));

    const FileInfo folder = file_info(dir_);
    EXPECT_TRUE(folder.is_directory());

    // Two paths to one file have one identity; another file has another.
    fs::create_hard_link(f, dir_ + "/b.bin");
    const FileInfo link = file_info(dir_ + "/b.bin");
    EXPECT_EQ(link.device, info.device);
    EXPECT_EQ(link.inode, info.inode);
    const FileInfo other = file_info(write("c.bin", "y"));
    EXPECT_NE(other.inode, info.inode);
}

TEST_F(Platform, MissingFilesSayWhy) {
    const FileInfo info = file_info(dir_ + "/nothing-here.wav");
    EXPECT_FALSE(info.exists());
    EXPECT_EQ(info.error, ENOENT);
    int error = 0;
    EXPECT_FALSE(is_readable(dir_ + "/nothing-here.wav", &error));
    EXPECT_EQ(error, ENOENT);
    std::vector<std::string> names;
    EXPECT_FALSE(list_directory(dir_ + "/no-folder", names, error));
    EXPECT_EQ(error, ENOENT);
}

TEST_F(Platform, ListsAFolderWithoutDotEntries) {
    write("one.wav", "1");
    write("two.mp3", "2");
    fs::create_directories(dir_ + "/sub");
    std::vector<std::string> names;
    int error = 0;
    ASSERT_TRUE(list_directory(dir_, names, error));
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"one.wav", "sub", "two.mp3"}));
}

TEST_F(Platform, ReplaceFileOverwritesTheTarget) {
    const std::string from = write("new.txt", "new"), to = write("old.txt", "old");
    ASSERT_TRUE(replace_file(from, to));
    std::ifstream in(to);
    std::string text;
    in >> text;
    EXPECT_EQ(text, "new");
    EXPECT_FALSE(file_info(from).exists());
    EXPECT_FALSE(replace_file(dir_ + "/gone.txt", to));
}

TEST_F(Platform, RunsProgramsCapturesOutputAndKillsAtTheDeadline) {
    const ProcessResult echo = run_process({"sh", "-c", "printf 'a b'; exit 3"}, 10, true);
    EXPECT_EQ(echo.exit_code, 3);
    EXPECT_FALSE(echo.timed_out);
    EXPECT_EQ(echo.output, "a b");

    const ProcessResult quoted = run_process({"printf", "%s|", "two words", "it's"}, 10, true);
    EXPECT_TRUE(quoted.ok());
    EXPECT_EQ(quoted.output, "two words|it's|");  // arguments reach the program as given, no shell between

    const auto t0 = std::chrono::steady_clock::now();
    const ProcessResult slow = run_process({"sleep", "30"}, 0.3);
    EXPECT_TRUE(slow.timed_out);
    EXPECT_FALSE(slow.ok());
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(10));

    EXPECT_THROW(run_process({"socialctx-no-such-program"}, 5), sctx::Error);
    EXPECT_TRUE(program_on_path("sh"));
    EXPECT_FALSE(program_on_path("socialctx-no-such-program"));
}

TEST(PlatformFacts, ExecutablePathAndByteOrder) {
    const std::string exe = executable_path();
    ASSERT_FALSE(exe.empty());
    EXPECT_TRUE(file_info(exe).is_regular()) << exe;
    EXPECT_NE(exe.find("core_tests"), std::string::npos) << exe;
    EXPECT_GT(current_process_id(), 0);
    const uint16_t one = 1;
    EXPECT_EQ(little_endian, *reinterpret_cast<const uint8_t*>(&one) == 1);
}

}  // namespace
