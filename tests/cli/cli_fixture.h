#pragma once
// Runs the real socialctx binary on real files made in a temporary folder.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "audio/wav_writer.h"
#include "test_support.h"

namespace sctx::test {

inline std::string cli() { return SOCIALCTX_CLI; }

class CliTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        model_dir_ = new TempDir();
        model_ = model_dir_->file("model.pt");
        auto r = run(cli() + " init-model --seed 3 -o " + quote(model_) + " 2>&1");
        ASSERT_EQ(r.status, 0) << r.out;
    }
    static void TearDownTestSuite() {
        delete model_dir_;
        model_dir_ = nullptr;
    }

    /// socialctx ARGS --model <test model>, standard error merged unless split.
    CommandResult socialctx(const std::string& args, bool with_stderr = false) {
        return run(cli() + " " + args + " --model " + quote(model_) + (with_stderr ? " 2>&1" : " 2>/dev/null"));
    }

    std::string wav(const std::string& name, double seconds, unsigned seed = 1) {
        const std::string path = dir_.file(name);
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        auto s = noise(seconds, 16000, 0.1f, seed);
        const auto t = tone(200 + 50 * seed, seconds, 16000, 0.2f);
        for (size_t i = 0; i < s.size(); ++i) s[i] += t[i];
        write_wav(path, s, 16000);
        return path;
    }

    /// Converts a wav to another container with the ffmpeg program.
    std::string encode(const std::string& wav_path, const std::string& out_name, const std::string& args) {
        const std::string out = dir_.file(out_name);
        std::filesystem::create_directories(std::filesystem::path(out).parent_path());
        auto r = run("ffmpeg -hide_banner -loglevel error -y -i " + quote(wav_path) + " " + args + " " + quote(out) +
                     " 2>&1");
        EXPECT_EQ(r.status, 0) << r.out;
        return out;
    }

    static std::vector<nlohmann::json> parse_lines(const std::string& text) {
        std::vector<nlohmann::json> out;
        std::istringstream in(text);
        std::string line;
        while (std::getline(in, line))
            if (!line.empty()) out.push_back(nlohmann::json::parse(line));
        return out;
    }

    TempDir dir_;
    static inline TempDir* model_dir_ = nullptr;
    static inline std::string model_;
};

}  // namespace sctx::test
