// socialctx features FILE -o OUT.npy: the exact model input of the first window, for checks against Python.
#include <cstdio>

#include "audio/audio_stream.h"
#include "cli_common.h"
#include "commands.h"
#include "features/log_mel.h"
#include "util/error.h"
#include "util/npy.h"
#include "version.h"

namespace sctx::cli {

int cmd_features(int argc, char** argv, int first) {
    ArgParser p("features", "FILE -o OUT.npy",
                "Writes the log-mel spectrogram (float32, n_mels x frames, 128 x 188 for the shipped model) of the\n"
                "first window of FILE as a NumPy .npy file: decoded, averaged to mono, resampled to 16 kHz,\n"
                "zero-padded to the window, as librosa computes it. Settings come from the model's config.");
    p.positional("FILE", "An audio file");
    p.option("output", 'o', "OUT.npy", "Where to write the array");
    p.option("model", 'm', "FILE", "Take the spectrogram settings from this model (default: the shipped model)");
    p.option("offset", 0, "S", "Start the window this many seconds into the file", "0");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;
    if (p.positionals().size() != 1) throw UsageError("features needs exactly one FILE (see --help)");
    if (!p.has("output")) throw UsageError("features needs -o OUT.npy");

    ModelConfig config;  // the original's settings, if no model is at hand
    if (p.has("model") || !default_model_path().empty()) config = load_model(p.value("model"))->config();
    const std::string file = p.positionals()[0];
    double offset = 0;
    if (p.has("offset")) {
        offset = std::stod(p.value("offset"));
        if (offset < 0) throw UsageError("--offset must not be negative");
    }
    const size_t skip = size_t(offset * config.mel.sample_rate);
    std::vector<float> samples;
    try {
        samples = load_audio(file, config.mel.sample_rate, skip + config.window_samples());
    } catch (const Error& e) {
        complain(file + ": " + e.what());
        return kSomeFailed;
    }
    if (samples.empty()) {
        complain(file + ": no audio samples (zero-length audio)");
        return kSomeFailed;
    }
    std::vector<float> window(config.window_samples(), 0.f);
    if (skip < samples.size())
        std::copy(samples.begin() + long(skip), samples.begin() + long(std::min(samples.size(), skip + window.size())),
                  window.begin());
    LogMelSpectrogram mel(config.mel);
    std::vector<float> out = mel.compute(window);
    write_npy(p.value("output"), out.data(), {size_t(config.mel.n_mels), mel.frames_for(window.size())});
    return kOk;
}

}  // namespace sctx::cli
