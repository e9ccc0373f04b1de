// What Model::load refuses, each with a message a user can act on: files that are not TorchScript, TorchScript
// without our embedded config, a config that disagrees with the network, and damaged archives.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "audio/wav_writer.h"
#include "import/model_import.h"
#include "model/model.h"
#include "model/model_factory.h"
#include "util/error.h"

namespace sctx {
namespace {

namespace fs = std::filesystem;

class ModelRefusal : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("socialctx-refusal-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }

    static std::string load_error(const std::string& p) {
        try {
            Model::load(p);
        } catch (const Error& e) {
            return e.what();
        }
        return "(loaded)";
    }

    // A valid 5-class model of the original architecture.
    std::string valid_model() const {
        const std::string p = path("valid.pt");
        create_untrained_model(ModelConfig{}, 3, p);
        return p;
    }

    fs::path dir_;
};

TEST_F(ModelRefusal, AValidModelLoads) {
    // The control: the files below differ from this one only in what each test breaks.
    EXPECT_EQ(load_error(valid_model()), "(loaded)");
}

TEST_F(ModelRefusal, RefusesFilesThatAreNotTorchScript) {
    const std::string text = path("notes.txt"), wav = path("clip.wav"), empty = path("empty.pt");
    std::ofstream(text) << "these are not the weights you are looking for\n";
    write_wav(wav, std::vector<float>(16000, 0.1f), 16000);
    std::ofstream(empty).flush();
    for (const std::string& p : {text, wav, empty}) {
        const std::string msg = load_error(p);
        EXPECT_NE(msg.find(p), std::string::npos) << msg;
        EXPECT_NE(msg.find("is not a TorchScript model"), std::string::npos) << msg;
    }
    EXPECT_NE(load_error(path("missing.pt")).find("cannot open"), std::string::npos);
}

TEST_F(ModelRefusal, RefusesTorchScriptWithoutOurConfig) {
    const std::string bare = path("bare.pt");
    save_with_config(valid_model(), "", bare);
    const std::string msg = load_error(bare);
    EXPECT_NE(msg.find("has no embedded socialctx config"), std::string::npos) << msg;
}

TEST_F(ModelRefusal, RefusesAConfigThatDisagreesWithTheNetwork) {
    const std::string model = valid_model();
    ModelConfig four;
    four.class_names = {"Alone / Quiet", "Speech / Monologue", "One-on-One Conversation", "Group Discussion"};
    const std::string mismatched = path("four.pt");
    save_with_config(model, four.to_json(), mismatched);
    std::string msg = load_error(mismatched);
    EXPECT_NE(msg.find("5 outputs but its config lists 4 classes"), std::string::npos) << msg;

    save_with_config(model, "{ not json", path("garbled.pt"));
    msg = load_error(path("garbled.pt"));
    EXPECT_NE(msg.find("not valid JSON"), std::string::npos) << msg;

    save_with_config(model, R"({"class_names": ["a", "b"]})", path("sparse.pt"));
    msg = load_error(path("sparse.pt"));
    EXPECT_NE(msg.find("lacks \"sample_rate\""), std::string::npos) << msg;
}

TEST_F(ModelRefusal, RefusesAConfigWhoseInputTheNetworkCannotTake) {
    ModelConfig fewer_mels;  // the network's fc1 needs the 128 x 188 input it was built for
    fewer_mels.mel.n_mels = 64;
    save_with_config(valid_model(), fewer_mels.to_json(), path("mels.pt"));
    const std::string msg = load_error(path("mels.pt"));
    EXPECT_NE(msg.find("does not accept a 64 x 188 log-mel input"), std::string::npos) << msg;
}

TEST_F(ModelRefusal, RefusesTruncatedArchives) {
    std::ifstream in(valid_model(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string bytes = s.str();
    ASSERT_GT(bytes.size(), 1000u);
    for (size_t n :
         {size_t(4), size_t(100), bytes.size() / 3, bytes.size() / 2, bytes.size() - 100, bytes.size() - 1}) {
        const std::string cut = path("cut.pt");
        std::ofstream(cut, std::ios::binary).write(bytes.data(), std::streamsize(n));
        const std::string msg = load_error(cut);
        EXPECT_NE(msg.find("is not a TorchScript model"), std::string::npos) << n << ": " << msg;
    }
}

}  // namespace
}  // namespace sctx
