#include "model/model_config.h"

#include <nlohmann/json.hpp>

#include "util/error.h"

namespace sctx {

const std::vector<std::string>& default_class_names() {
    static const std::vector<std::string> names = {"Alone / Quiet", "Speech / Monologue", "One-on-One Conversation",
                                                   "Group Discussion", "Noisy Environment"};
    return names;
}

std::string ModelConfig::to_json() const {
    nlohmann::ordered_json j;
    j["format"] = "socialctx-model/1";
    j["name"] = name;
    j["version"] = version;
    j["architecture"] = architecture;
    j["description"] = description;
    j["class_names"] = class_names;
    j["sample_rate"] = mel.sample_rate;
    j["n_fft"] = mel.n_fft;
    j["hop_length"] = mel.hop_length;
    j["n_mels"] = mel.n_mels;
    j["fmin"] = mel.fmin;
    j["fmax"] = mel.fmax > 0 ? mel.fmax : mel.sample_rate / 2.0;
    j["db_ref"] = to_string(mel.ref);
    j["top_db"] = mel.top_db;
    j["amin"] = mel.amin;
    j["window_s"] = window_s;
    j["hop_s"] = hop_s;
    j["input_frames"] = input_frames();
    j["output"] = output;
    return j.dump(2);
}

ModelConfig ModelConfig::from_json(const std::string& text) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw Error(std::string("embedded config is not valid JSON: ") + e.what());
    }
    if (!j.is_object()) throw Error("embedded config is not a JSON object");
    ModelConfig c;
    auto need = [&](const char* key) -> const nlohmann::json& {
        if (!j.contains(key)) throw Error(std::string("embedded config lacks \"") + key + "\"");
        return j.at(key);
    };
    try {
        c.class_names = need("class_names").get<std::vector<std::string>>();
        c.mel.sample_rate = need("sample_rate").get<int>();
        c.mel.n_fft = need("n_fft").get<int>();
        c.mel.hop_length = need("hop_length").get<int>();
        c.mel.n_mels = need("n_mels").get<int>();
        c.window_s = need("window_s").get<double>();
        c.hop_s = need("hop_s").get<double>();
        c.name = j.value("name", c.name);
        c.version = j.value("version", c.version);
        c.architecture = j.value("architecture", c.architecture);
        c.description = j.value("description", c.description);
        c.mel.fmin = j.value("fmin", 0.0);
        c.mel.fmax = j.value("fmax", -1.0);
        c.mel.ref = parse_db_reference(j.value("db_ref", std::string("max")));
        c.mel.top_db = j.value("top_db", 80.0);
        c.mel.amin = j.value("amin", 1e-10);
        c.output = j.value("output", c.output);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("embedded config has a field of the wrong type: ") + e.what());
    }
    if (c.class_names.size() < 2) throw Error("embedded config lists fewer than two classes");
    if (c.mel.sample_rate < 1000 || c.mel.n_fft < 16 || c.mel.hop_length < 1 || c.mel.n_mels < 1 || c.window_s <= 0 ||
        c.hop_s <= 0)
        throw Error("embedded config has out-of-range spectrogram or window settings");
    if (c.output != "logits" && c.output != "probabilities")
        throw Error("embedded config: \"output\" must be \"logits\" or \"probabilities\"");
    return c;
}

}  // namespace sctx
