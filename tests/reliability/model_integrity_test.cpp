// A model is code: the shipped one is pinned by the SHA-256 recorded at build time, and a changed file is refused.
#include "build_info.h"
#include "cli_fixture.h"
#include "model/model.h"
#include "util/error.h"
#include "util/sha256.h"
#include "version.h"

namespace {

using namespace sctx::test;

class ModelIntegrity : public CliTest {};

TEST_F(ModelIntegrity, AHashMismatchIsAClearErrorNotASilentLoad) {
    const std::string good = sctx::sha256_file(model_);
    EXPECT_NO_THROW(sctx::Model::load(model_, good));
    const std::string other(64, '0');
    try {
        sctx::Model::load(model_, other);
        FAIL() << "a model with the wrong hash loaded";
    } catch (const sctx::Error& e) {
        EXPECT_NE(std::string(e.what()).find("does not match the SHA-256 recorded"), std::string::npos) << e.what();
    }
}

TEST_F(ModelIntegrity, TheShippedModelIsTheOneWhoseHashWasRecorded) {
    const std::string shipped = sctx::default_model_path();
    if (shipped.empty()) GTEST_SKIP() << "no shipped model in models/ yet";
    EXPECT_EQ(sctx::shipped_model_sha256(), sctx::sha256_file(shipped));
    const auto info = run(cli() + " info 2>&1");
    ASSERT_EQ(info.status, 0) << info.out;
    const auto j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["model"]["sha256"], sctx::shipped_model_sha256());
    EXPECT_EQ(j["model"]["sha256_verified"], true);
}

TEST_F(ModelIntegrity, TheAccurateModelIsFoundByNameAndPinnedToo) {
    const std::string accurate = sctx::shipped_model_path("accurate");
    ASSERT_FALSE(accurate.empty()) << "models/" SOCIALCTX_ACCURATE_MODEL_NAME " ships with the program";
    EXPECT_EQ(std::string(SOCIALCTX_ACCURATE_MODEL_SHA256), sctx::sha256_file(accurate));
    EXPECT_EQ(sctx::expected_sha256_for(accurate), SOCIALCTX_ACCURATE_MODEL_SHA256);
    const auto info = run(cli() + " info --model accurate 2>&1");
    ASSERT_EQ(info.status, 0) << info.out;
    const auto j = nlohmann::json::parse(info.out);
    EXPECT_EQ(j["model"]["sha256"], SOCIALCTX_ACCURATE_MODEL_SHA256);
    EXPECT_EQ(j["model"]["sha256_verified"], true);
    EXPECT_NE(j["model"]["sha256"], sctx::shipped_model_sha256()) << "two different models";
    const auto dflt = run(cli() + " info --model default 2>&1");
    ASSERT_EQ(dflt.status, 0) << dflt.out;
    EXPECT_EQ(nlohmann::json::parse(dflt.out)["model"]["sha256"], sctx::shipped_model_sha256());
}

TEST_F(ModelIntegrity, AnUnknownModelNameIsAMissingFileNotAGuess) {
    const auto r = run(cli() + " info --model accurat 2>&1");
    EXPECT_EQ(r.status, 2) << r.out;
    EXPECT_NE(r.out.find("accurat"), std::string::npos) << r.out;
}

TEST_F(ModelIntegrity, ATamperedCopyPosingAsTheShippedModelIsRefused) {
    const std::string shipped = sctx::default_model_path();
    if (shipped.empty()) GTEST_SKIP() << "no shipped model in models/ yet";
    // A relocated install tree: bin/socialctx + share/socialctx/models/<name>, with the model file altered.
    const auto root = dir_.path() / "prefix";
    std::filesystem::create_directories(root / "bin");
    std::filesystem::create_directories(root / SOCIALCTX_MODEL_INSTALL_DIR);
    std::filesystem::copy_file(cli(), root / "bin" / "socialctx");
    const auto model_copy = root / SOCIALCTX_MODEL_INSTALL_DIR / std::filesystem::path(shipped).filename();
    std::filesystem::copy_file(shipped, model_copy);
    const auto ok = run((root / "bin" / "socialctx").string() + " info 2>&1");
    EXPECT_EQ(ok.status, 0) << "a relocated install finds its model: " << ok.out;
    std::string bytes = read_file(model_copy.string());
    bytes += "tampered";
    write_file(model_copy.string(), bytes);
    const auto bad = run((root / "bin" / "socialctx").string() + " info 2>&1");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.out.find("does not match the SHA-256"), std::string::npos) << bad.out;
}

}  // namespace
