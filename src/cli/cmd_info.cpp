// socialctx info: the model in use, and optionally what the decoder sees in audio files, as JSON.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

#include "audio/audio_decoder.h"
#include "classify/result_json.h"
#include "cli_common.h"
#include "commands.h"
#include "util/error.h"
#include "version.h"

namespace sctx::cli {

int cmd_info(int argc, char** argv, int first) {
    ArgParser p("info", "[--model FILE] [AUDIO...]",
                "Prints the model's metadata (its embedded config, file, SHA-256) as JSON, and for each AUDIO file\n"
                "its container, codec, sample rate, channels and duration.");
    p.positional("AUDIO...", "Audio files to describe (optional)");
    p.option("model", 'm', "FILE",
             "Model to describe (default: the shipped model; 'accurate' is the slower, more accurate shipped model)");
    int code = kOk;
    if (!parse_or_exit(p, argc, argv, first, code)) return code;

    nlohmann::ordered_json j;
    j["program"] = "socialctx";
    j["version"] = version();
    j["fft_backend"] = fft_backend();
    std::shared_ptr<Model> model = load_model(p.value("model"));
    nlohmann::ordered_json m = nlohmann::ordered_json::parse(model->config().to_json());
    m["file"] = printable_path(model->path());
    m["sha256"] = model->sha256();
    const std::string expected = expected_sha256_for(model->path());
    m["shipped"] = !expected.empty();
    m["sha256_verified"] = !expected.empty() && expected == model->sha256();
    j["model"] = m;
    if (!p.positionals().empty()) {
        nlohmann::ordered_json files = nlohmann::ordered_json::array();
        for (const auto& path : p.positionals()) {
            nlohmann::ordered_json f;
            f["file"] = printable_path(path);
            try {
                auto dec = open_audio_file(path);
                const AudioInfo& info = dec->info();
                f["status"] = "ok";
                f["format"] = info.format;
                f["decoder"] = info.decoder;
                f["sample_rate"] = info.sample_rate;
                f["channels"] = info.channels;
                f["duration_s"] = info.duration_s();
            } catch (const Error& e) {
                f["status"] = "error";
                f["error"] = e.what();
                complain(path + ": " + e.what());
                code = kSomeFailed;
            }
            files.push_back(f);
        }
        j["files"] = files;
    }
    std::cout << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return code;
}

}  // namespace sctx::cli
