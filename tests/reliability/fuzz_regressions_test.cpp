// Inputs the fuzzers (fuzz/) found problems with, kept in tests/data/fuzz-regressions/<target>/, replayed through
// the same paths the fuzz targets drive. Every file must end in a result or an sctx::Error; under
// scripts/run-sanitizers.sh the same replay also catches undefined behaviour and memory errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "audio/audio_decoder.h"
#include "audio/audio_stream.h"
#include "features/log_mel.h"
#include "import/pth_reader.h"
#include "util/error.h"
#include "../../fuzz/features_input.h"  // the input layout fuzz_features reads

namespace {

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(SOCIALCTX_TEST_DATA) / "fuzz-regressions";

std::vector<uint8_t> read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> out;
    if (!fs::is_directory(kRegressions / target)) return out;
    for (const auto& e : fs::directory_iterator(kRegressions / target))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// What fuzz_decode does: the whole stream at 16 kHz, at most 10 s of it.
void decode_at_16k(const std::vector<uint8_t>& bytes) {
    try {
        sctx::AudioStream stream(sctx::open_audio_memory(bytes.data(), bytes.size()), 16000);
        const int64_t expected = stream.expected_samples();
        EXPECT_GE(expected, -1);
        const std::vector<float> samples = sctx::read_all(stream, 160000);
        EXPECT_EQ(stream.samples_read(), int64_t(samples.size()));
    } catch (const sctx::Error&) {
        // A clear refusal is a fine outcome for a damaged file.
    }
}

TEST(FuzzRegressions, EveryDecodeInputEndsInSamplesOrAnError) {
    const auto files = inputs("decode");
    ASSERT_FALSE(files.empty());
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        EXPECT_NO_THROW(decode_at_16k(read_bytes(f)));
    }
}

// libsndfile reports an MP3 whose length mpg123 cannot tell as SF_COUNT_MAX frames; taken at its word that was
// 2^63 frames, which overflowed int64 once resampled (UB) and sized read_all's first allocation.
TEST(FuzzRegressions, UnknownLengthIsReportedAsUnknownNotAsTwoToTheSixtyThree) {
    const auto bytes = read_bytes(kRegressions / "decode" / "mp3-huge-claimed-length.mp3");
    auto decoder = sctx::open_audio_memory(bytes.data(), bytes.size());
    const int64_t frames = decoder->info().frames;
    EXPECT_TRUE(frames == -1 || (frames >= 0 && frames < int64_t(1) << 32)) << frames;
    EXPECT_LT(decoder->info().duration_s(), 3600.0);
    sctx::AudioStream stream(std::move(decoder), 16000);
    const int64_t expected = stream.expected_samples();
    EXPECT_TRUE(expected == -1 || (expected >= 0 && expected < int64_t(1) << 32)) << expected;
    // 882 bytes of damaged MP3 hold well under a second (libsndfile decodes none of it).
    EXPECT_LT(sctx::read_all(stream).size(), 16000u);
}

// What fuzz_features does: the shipped parameters or the input's own (fuzz/features_input.h).
TEST(FuzzRegressions, EveryFeaturesInputGivesASpectrogramOrAnError) {
    const auto files = inputs("features");
    ASSERT_FALSE(files.empty());
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const auto bytes = read_bytes(f);
        const auto in = sctx::fuzz::parse_features_input(bytes.data(), bytes.size());
        ASSERT_TRUE(in.has_value());
        try {
            const sctx::LogMelSpectrogram mel(in->shipped_params ? sctx::MelParams{} : in->params);
            const std::vector<float> out = mel.compute(in->samples);
            EXPECT_EQ(out.size(), size_t(mel.params().n_mels) * mel.frames_for(in->samples.size()));
        } catch (const sctx::Error&) {
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not an sctx::Error: " << e.what();
        }
    }
}

// The parameters were checked only after the filter bank and the window had been sized from them: a negative
// n_fft asked std::vector for 2^64 elements (std::length_error) instead of being refused.
TEST(FuzzRegressions, InvalidSpectrogramParametersAreRefusedBeforeAnythingIsAllocated) {
    using Case = std::tuple<int, int, int>;  // n_fft, n_mels, hop_length
    for (auto [n_fft, n_mels, hop] :
         std::initializer_list<Case>{{-32, 128, 256}, {1024, -1, 256}, {-4, -4, -4}, {0, 0, 0}}) {
        sctx::MelParams p;
        p.n_fft = n_fft;
        p.n_mels = n_mels;
        p.hop_length = hop;
        EXPECT_THROW(sctx::LogMelSpectrogram{p}, sctx::Error) << n_fft << " " << n_mels << " " << hop;
    }
}

TEST(FuzzRegressions, EveryPthInputEndsInTensorsOrAnError) {
    for (const auto& f : inputs("pth")) {
        SCOPED_TRACE(f.filename().string());
        const auto bytes = read_bytes(f);
        try {
            const sctx::StateDict dict = sctx::read_state_dict_from_memory(bytes.data(), bytes.size());
            for (const auto& t : dict.tensors) EXPECT_EQ(t.to_floats().size(), t.numel());
        } catch (const sctx::Error&) {
        } catch (const std::exception& e) {
            ADD_FAILURE() << "not an sctx::Error: " << e.what();
        }
    }
}

}  // namespace
