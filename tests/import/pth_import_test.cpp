// `socialctx import` end to end against PyTorch itself: /usr/bin/python3 builds the original AudioClassifierCNN,
// saves its state_dict (and variants: checkpoint, other key layout, pickle protocol 4, float64/float16, a wrong
// shape, a hostile pickle) and its outputs on a fixed input; the C++ import must reproduce those outputs.
// Skipped, with the reason, only where /usr/bin/python3 cannot import torch.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/model_import.h"
#include "model/model.h"
#include "util/error.h"

namespace sctx {
namespace {

namespace fs = std::filesystem;

constexpr size_t kBatch = 2, kClasses = 5;
// Model::load freezes the network and folds batch norm into the convolutions, so float32 rounding differs from
// PyTorch's eval-mode forward: measured ~1e-6 on logits of magnitude ~1-10.
constexpr double kTolerance = 1e-5;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::vector<float> read_floats(const fs::path& p) {
    const std::string bytes = slurp(p);
    std::vector<float> v(bytes.size() / sizeof(float));
    std::memcpy(v.data(), bytes.data(), v.size() * sizeof(float));
    return v;
}

std::vector<float> softmax_rows(const std::vector<float>& logits) {
    std::vector<float> out(logits.size());
    for (size_t r = 0; r < logits.size() / kClasses; ++r) {
        double mx = -1e300, sum = 0;
        for (size_t c = 0; c < kClasses; ++c) mx = std::max(mx, double(logits[r * kClasses + c]));
        for (size_t c = 0; c < kClasses; ++c) sum += std::exp(double(logits[r * kClasses + c]) - mx);
        for (size_t c = 0; c < kClasses; ++c)
            out[r * kClasses + c] = float(std::exp(double(logits[r * kClasses + c]) - mx) / sum);
    }
    return out;
}

void expect_close(const std::vector<float>& got, const std::vector<float>& want, const std::string& what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    double worst = 0;
    for (size_t i = 0; i < got.size(); ++i) {
        worst = std::max(worst, std::fabs(double(got[i]) - double(want[i])));
        EXPECT_NEAR(got[i], want[i], kTolerance) << what << " [" << i << "]";
    }
    std::printf("  %s: largest difference %.3g\n", what.c_str(), worst);
}

// The PyTorch files take python ~7 s to make and every CTest case runs in its own process, so they are made once
// per version of the two scripts, into the build tree (made under a temporary name and renamed: parallel runs
// never see half a set). What a test writes goes to a per-process folder.
class PthImport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        work_ = fs::temp_directory_path() / ("socialctx-import-test-" + std::to_string(::getpid()));
        fs::create_directories(work_);
        const fs::path log = work_ / "python.log";
        const fs::path source(SOCIALCTX_SOURCE_DIR);
        const fs::path helper = source / "tests/import/make_original_pth.py";
        const std::string scripts = slurp(helper) + slurp(source / "scripts/export_torchscript.py");
        fixtures_ = fs::path(PTH_FIXTURE_DIR) / ("set-" + std::to_string(std::hash<std::string>{}(scripts)));
        if (!fs::exists("/usr/bin/python3")) {
            skip_ = "/usr/bin/python3 is not installed";
        } else if (run("/usr/bin/python3 -c 'import torch' > " + quoted(log) + " 2>&1") != 0) {
            std::string why = slurp(log);
            while (!why.empty() && why.back() == '\n') why.pop_back();
            skip_ = "/usr/bin/python3 cannot import torch (" + why.substr(why.find_last_of('\n') + 1) + ")";
        } else if (!fs::exists(fixtures_ / "done")) {
            const fs::path fresh = fixtures_.string() + ".tmp-" + std::to_string(::getpid());
            fs::create_directories(fresh);
            // No __pycache__ in the source tree (the helper imports scripts/export_torchscript.py).
            if (run("PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 " + quoted(helper) + " " + quoted(fresh) + " > " +
                    quoted(log) + " 2>&1") != 0) {
                helper_error_ = "make_original_pth.py failed:\n" + slurp(log);
            } else {
                std::ofstream(fresh / "done") << "complete\n";
                std::error_code ec;
                fs::rename(fresh, fixtures_, ec);  // fails when a parallel run got there first: use theirs
                for (const auto& old : fs::directory_iterator(PTH_FIXTURE_DIR, ec))  // sets of older scripts
                    if (old.path() != fixtures_ && old.path().filename().string().find(".tmp-") == std::string::npos)
                        fs::remove_all(old.path(), ec);
            }
            std::error_code ec;
            fs::remove_all(fresh, ec);
        }
        if (!skip_.empty()) std::printf("Skipping the PyTorch comparisons: %s\n", skip_.c_str());
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        fs::remove_all(work_, ec);
    }
    void SetUp() override {
        if (!skip_.empty()) GTEST_SKIP() << skip_;
        ASSERT_TRUE(helper_error_.empty()) << helper_error_;
    }

    /// A file make_original_pth.py wrote (read only).
    static fs::path file(const std::string& name) { return fixtures_ / name; }
    /// Where a test writes.
    static fs::path out(const std::string& name) { return work_ / name; }

    static ModelConfig original_config() {
        ModelConfig c;
        c.name = "test-import";
        c.version = "1";
        return c;
    }

    // Softmax probabilities through the model as every caller sees it.
    static std::vector<float> probabilities(const fs::path& model) {
        const std::vector<float> input = read_floats(file("input.f32"));
        return Model::load(model.string())->predict(input.data(), kBatch);
    }

    // The raw logits: the same network re-saved with a config saying its output is already probabilities, so
    // predict() passes the network's output through untouched.
    static std::vector<float> logits(const fs::path& model) {
        ModelConfig c = Model::load(model.string())->config();
        c.output = "probabilities";
        const fs::path raw = out(model.filename().string() + ".raw.pt");
        save_with_config(model.string(), c.to_json(), raw.string());
        const std::vector<float> input = read_floats(file("input.f32"));
        return Model::load(raw.string())->predict(input.data(), kBatch);
    }

    static std::string import_error(const fs::path& pth, const fs::path& target) {
        try {
            import_state_dict(pth.string(), original_config(), target.string());
        } catch (const Error& e) {
            return e.what();
        }
        return "(no error)";
    }

    static fs::path work_, fixtures_;
    static std::string skip_, helper_error_;
};

fs::path PthImport::work_, PthImport::fixtures_;
std::string PthImport::skip_, PthImport::helper_error_;

TEST_F(PthImport, ImportedModelGivesPyTorchsOutputs) {
    const fs::path imported = out("imported.pt");
    const ImportReport report = import_state_dict(file("original.pth").string(), original_config(), imported.string());
    ASSERT_EQ(report.assignments.size(), 25u);  // 3 x (conv w, b; bn w, b, mean, var, count) + 2 x (fc w, b)
    EXPECT_EQ(report.assignments[0].parameter, "conv1_weight");
    EXPECT_EQ(report.assignments[0].source, "conv_layers.0.weight");
    EXPECT_EQ(report.assignments[4].parameter, "bn1_running_mean");
    EXPECT_EQ(report.assignments[4].source, "conv_layers.1.running_mean");
    EXPECT_EQ(report.assignments[21].parameter, "fc1_weight");
    EXPECT_EQ(report.assignments[21].source, "fc_layers.1.weight");
    EXPECT_TRUE(report.warnings.empty()) << report.warnings[0];

    const std::vector<float> want = read_floats(file("logits.f32"));
    ASSERT_EQ(want.size(), kBatch * kClasses);
    expect_close(logits(imported), want, "logits vs PyTorch");
    expect_close(probabilities(imported), softmax_rows(want), "probabilities vs torch.softmax");
    const auto model = Model::load(imported.string());
    EXPECT_EQ(model->config().architecture, "original-cnn");
    EXPECT_EQ(model->config().class_names, default_class_names());
    EXPECT_EQ(model->config().mel.ref, DbReference::Max);
}

TEST_F(PthImport, CommandLineImportWritesTheSameModel) {
    const fs::path written = out("cli.pt"), stdout_log = out("cli.out"), stderr_log = out("cli.err");
    const int rc =
        run(std::string(SOCIALCTX_CLI) + " import " + quoted(file("original.pth")) + " -o " + quoted(written) +
            " --name from-cli --version 7 --db-ref 1.0 > " + quoted(stdout_log) + " 2> " + quoted(stderr_log));
    ASSERT_EQ(rc, 0) << slurp(stderr_log);
    const std::string printed = slurp(stdout_log);
    EXPECT_NE(printed.find("conv1_weight"), std::string::npos) << printed;
    EXPECT_NE(printed.find("conv_layers.0.weight"), std::string::npos) << printed;
    EXPECT_NE(printed.find("Wrote"), std::string::npos) << printed;
    const auto model = Model::load(written.string());
    EXPECT_EQ(model->config().name, "from-cli");
    EXPECT_EQ(model->config().version, "7");
    EXPECT_EQ(model->config().mel.ref, DbReference::One);
    expect_close(logits(written), read_floats(file("logits.f32")), "CLI import logits vs PyTorch");

    EXPECT_EQ(run(std::string(SOCIALCTX_CLI) + " import --help > /dev/null"), 0);
    EXPECT_EQ(run(std::string(SOCIALCTX_CLI) + " import " + quoted(file("original.pth")) + " 2> /dev/null"), 2)
        << "-o is required";
}

TEST_F(PthImport, OtherShapesOfTheSameWeightsGiveTheSameOutputs) {
    const std::vector<float> want = read_floats(file("logits.f32"));
    for (const char* name : {"checkpoint.pth", "convs_first.pth", "protocol4.pth", "float64.pth"}) {
        const fs::path imported = out(std::string(name) + ".pt");
        ImportReport report;
        ASSERT_NO_THROW(report = import_state_dict(file(name).string(), original_config(), imported.string())) << name;
        expect_close(logits(imported), want, std::string(name) + " logits vs PyTorch");
        if (std::string(name) == "checkpoint.pth") {
            ASSERT_FALSE(report.notes.empty());
            EXPECT_NE(report.notes[0].find("model_state_dict"), std::string::npos);
        }
        if (std::string(name) == "convs_first.pth") {
            EXPECT_EQ(report.assignments[2].parameter, "bn1_weight");
            EXPECT_EQ(report.assignments[2].source, "bn1.weight");
        }
    }
    const fs::path half = out("float16.pt");
    import_state_dict(file("float16.pth").string(), original_config(), half.string());
    expect_close(logits(half), read_floats(file("logits_f16.f32")), "float16 logits vs PyTorch");
}

TEST_F(PthImport, RefusesAPickleThatCallsOsSystemWithoutRunningIt) {
    // evil.pth runs `touch "$SOCIALCTX_EVIL_MARKER"` when unpickled by Python.
    const fs::path target = out("evil.pt"), marker = out("pwned");
    ::setenv("SOCIALCTX_EVIL_MARKER", marker.c_str(), 1);
    const std::string msg = import_error(file("evil.pth"), target);
    EXPECT_NE(msg.find("refusing to load"), std::string::npos) << msg;
    EXPECT_NE(msg.find("os.system"), std::string::npos) << msg;
    EXPECT_FALSE(fs::exists(marker)) << "the pickle's command ran";
    EXPECT_FALSE(fs::exists(target));

    const fs::path err = out("evil.err");
    EXPECT_EQ(run(std::string(SOCIALCTX_CLI) + " import " + quoted(file("evil.pth")) + " -o " + quoted(target) +
                  " 2> " + quoted(err)),
              2);
    EXPECT_NE(slurp(err).find("os.system"), std::string::npos) << slurp(err);
    EXPECT_FALSE(fs::exists(marker)) << "the pickle's command ran";

    // The fixture is live: an unrestricted torch.load runs the command. (This is what the importer prevents.)
    run("/usr/bin/python3 -c \"import torch; torch.load('" + file("evil.pth").string() +
        "', weights_only=False)\" > /dev/null 2>&1");
    EXPECT_TRUE(fs::exists(marker)) << "evil.pth did not do what the test says it does";
}

TEST_F(PthImport, TruncatedFileIsAClearErrorAndLeavesNoOutput) {
    const std::string bytes = slurp(file("original.pth"));
    for (size_t n : {size_t(0), size_t(30), size_t(100), bytes.size() / 2, bytes.size() - 22, bytes.size() - 1}) {
        const fs::path cut = out("cut.pth"), target = out("cut.pt");
        {
            std::ofstream f(cut, std::ios::binary);
            f.write(bytes.data(), std::streamsize(n));
        }
        const std::string msg = import_error(cut, target);
        EXPECT_NE(msg, "(no error)") << n;
        EXPECT_EQ(msg.rfind(cut.string() + ": ", 0), 0u) << "the message names the file: " << msg;
        EXPECT_FALSE(fs::exists(target)) << n;
        for (const auto& e : fs::directory_iterator(work_))
            EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
    }
}

TEST_F(PthImport, WrongShapeNamesTheTensorAndBothShapes) {
    const std::string msg = import_error(file("wrong_shape.pth"), out("wrong.pt"));
    EXPECT_NE(msg.find("fc_layers.1.weight"), std::string::npos) << msg;
    EXPECT_NE(msg.find("expected [128, 23552], found [128, 20000]"), std::string::npos) << msg;
    EXPECT_NE(msg.find("fc1"), std::string::npos) << msg;
    EXPECT_FALSE(fs::exists(out("wrong.pt")));
}

TEST_F(PthImport, LegacyFormatIsExplained) {
    const std::string msg = import_error(file("legacy.pth"), out("legacy.pt"));
    EXPECT_NE(msg.find("legacy"), std::string::npos) << msg;
}

// Task B: scripts/export_torchscript.py makes a TorchScript file our loader accepts, with the same outputs as
// the C++ import of the same state_dict.
TEST_F(PthImport, ExportScriptMatchesTheCppImport) {
    for (const char* name : {"original.pth", "convs_first.pth"}) {
        const fs::path exported = out(std::string(name) + ".exported.pt"),
                       imported = out(std::string(name) + ".cpp.pt");
        const fs::path log = out("export.log");
        ASSERT_EQ(run("/usr/bin/python3 " + quoted(fs::path(SOCIALCTX_SOURCE_DIR) / "scripts/export_torchscript.py") +
                      " " + quoted(file(name)) + " -o " + quoted(exported) + " > " + quoted(log) + " 2>&1"),
                  0)
            << slurp(log);
        import_state_dict(file(name).string(), original_config(), imported.string());

        const auto a = Model::load(exported.string()), b = Model::load(imported.string());
        EXPECT_EQ(a->config().class_names, b->config().class_names);
        EXPECT_EQ(a->config().architecture, "original-cnn");
        EXPECT_EQ(a->config().mel.ref, b->config().mel.ref);
        EXPECT_EQ(a->config().mel.n_mels, b->config().mel.n_mels);
        EXPECT_EQ(a->config().input_frames(), b->config().input_frames());
        EXPECT_EQ(a->config().window_s, b->config().window_s);
        EXPECT_EQ(a->config().hop_s, b->config().hop_s);
        expect_close(probabilities(exported), probabilities(imported), std::string(name) + " exported vs imported");
        expect_close(logits(exported), logits(imported), std::string(name) + " exported vs imported logits");
    }
}

}  // namespace
}  // namespace sctx
