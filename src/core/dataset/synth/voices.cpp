#include "dataset/synth/voices.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "platform/process.h"
#include "util/random.h"
#include "dataset/synth/text.h"
#include "util/error.h"

namespace sctx::synth {

using platform::ProcessResult;
using platform::program_on_path;
using platform::run_process;

namespace {

// Voices made from one espeak-ng variant (each with its own language, pitch and speed).
constexpr int kEspeakVoicesPerVariant = 4;
// Voices made from one flite or festival voice (pitch and tempo variants).
constexpr int kRecordedVoicesPerVoice = 3;

// espeak-ng languages we give text to: (espeak language, text language, how often it is chosen). About half
// English in several accents, since English is what most users will play to the model.
struct EspeakLanguage {
    const char* espeak;
    const char* text;
    double weight;
};
const EspeakLanguage kEspeakLanguages[] = {
    {"en-us", "en", 3.0},
    {"en-gb", "en", 2.0},
    {"en-gb-scotland", "en", 1.0},
    {"en-gb-x-rp", "en", 1.0},
    {"en-029", "en", 1.0},
    {"en-gb-x-gbclan", "en", 0.7},
    {"en-gb-x-gbcwmd", "en", 0.7},
    {"en-us-nyc", "en", 1.0},
    {"de", "de", 1.0},
    {"fr-fr", "fr", 1.0},
    {"fr-be", "fr", 0.3},
    {"es", "es", 1.0},
    {"es-419", "es", 0.7},
    {"it", "it", 1.0},
    {"pt", "pt", 0.5},
    {"pt-br", "pt", 0.7},
    {"nl", "nl", 0.7},
    {"sv", "sv", 0.5},
    {"pl", "pl", 0.6},
    {"cs", "cs", 0.5},
    {"fi", "fi", 0.4},
    {"ca", "ca", 0.4},
    {"ru", "ru", 0.7},
    {"hi", "hi", 0.6},
    {"mr", "hi", 0.3},
    {"te", "te", 0.4},
    {"af", "nl", 0.3},
    {"da", "sv", 0.3},
    {"nb", "sv", 0.3},
    {"sk", "cs", 0.3},
};

// Variants that do not sound like a person (robots, echo effects); they would teach the model the wrong thing.
bool unnatural_variant(const std::string& v) {
    std::string lower;
    for (char c : v) lower += char(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("robo") != std::string::npos || lower.find("demonic") != std::string::npos ||
           v.find(' ') != std::string::npos;
}

struct RecordedVoiceInfo {
    const char* text;
    TextCharset charset;
    double f0;  // typical mean F0 in Hz, for flite's int_f0_target_mean
};

// Festival and flite voices: text language, charset, and the person behind the voice (one family per person).
RecordedVoiceInfo recorded_info(const std::string& name) {
    auto has = [&](const char* s) { return name.find(s) != std::string::npos; };
    if (has("czech")) return {"cs", TextCharset::Latin2, 110};
    if (has("_fi_")) return {"fi", TextCharset::Latin1, 110};
    if (name == "lp_diphone" || name == "pc_diphone") return {"it", TextCharset::Latin1, 120};
    if (has("_ca_")) return {"ca", TextCharset::Latin1, 180};
    if (has("hindi") || has("marathi")) return {"hi", TextCharset::Utf8, 120};
    if (has("telugu")) return {"te", TextCharset::Utf8, 120};
    if (name == "el_diphone") return {"es", TextCharset::Latin1, 110};
    if (name == "slt" || has("slt")) return {"en", TextCharset::Utf8, 170};
    if (name == "awb" || has("awb")) return {"en", TextCharset::Utf8, 120};
    return {"en", TextCharset::Utf8, 100};
}

std::string speaker_family(const std::string& name) {
    for (const char* person : {"slt", "awb", "rms", "bdl", "clb", "jmk", "ksp", "rxr"})
        if (name == person || name.find(std::string("_") + person + "_") != std::string::npos ||
            name.find(std::string("us_") + person) != std::string::npos)
            return std::string("speaker-") + person;
    if (name == "kal" || name == "kal16" || name == "kal_diphone") return "speaker-kal";
    if (name.size() > 8 && name.compare(name.size() - 8, 8, "_diphone") == 0)
        return "speaker-" + name.substr(0, name.size() - 8);
    return "speaker-" + name;
}

std::string format_double(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

void add_espeak_voices(const InstalledVoices& installed, std::vector<Voice>& out) {
    std::vector<const EspeakLanguage*> langs;
    std::vector<double> weights;
    for (const auto& l : kEspeakLanguages)
        if (std::find(installed.espeak_languages.begin(), installed.espeak_languages.end(), l.espeak) !=
            installed.espeak_languages.end()) {
            langs.push_back(&l);
            weights.push_back(l.weight);
        }
    if (langs.empty()) return;
    std::vector<std::string> variants{""};  // "": each language's own default voice
    for (const auto& v : installed.espeak_variants)
        if (!unnatural_variant(v)) variants.push_back(v);
    for (const auto& variant : variants) {
        Rng rng(hash_string("espeak-variant:" + variant));
        std::set<size_t> used;
        for (int k = 0; k < kEspeakVoicesPerVariant && used.size() < langs.size(); ++k) {
            size_t li = rng.weighted(weights);
            while (used.count(li)) li = rng.weighted(weights);
            used.insert(li);
            Voice v;
            v.engine = Engine::Espeak;
            v.engine_voice = std::string(langs[li]->espeak) + (variant.empty() ? "" : "+" + variant);
            v.language = langs[li]->text;
            v.pitch = rng.integer(20, 80);
            v.speed = rng.integer(135, 190);
            v.family = "espeak+" + (variant.empty() ? std::string("default") : variant);
            v.id = "espeak-" + v.engine_voice + "-p" + std::to_string(v.pitch) + "-s" + std::to_string(v.speed);
            out.push_back(v);
        }
    }
}

void add_recorded_voices(Engine engine, const std::vector<std::string>& names, std::vector<Voice>& out) {
    for (const auto& name : names) {
        const RecordedVoiceInfo info = recorded_info(name);
        Rng rng(hash_string(std::string(engine_name(engine)) + "-voice:" + name));
        for (int k = 0; k < kRecordedVoicesPerVoice; ++k) {
            Voice v;
            v.engine = engine;
            v.engine_voice = name;
            v.language = info.text;
            v.charset = info.charset;
            v.family = speaker_family(name);
            // Variant 0 is the voice as it comes; 1 lower and slower, 2 higher and quicker. Festival has no
            // common pitch control across its voice types, so its pitch variety comes from resampling at mix time.
            const double f0_scale = k == 0 ? 1.0 : k == 1 ? rng.uniform(0.80, 0.92) : rng.uniform(1.08, 1.25);
            v.stretch = k == 0 ? 1.0 : k == 1 ? rng.uniform(1.02, 1.15) : rng.uniform(0.86, 0.98);
            v.stretch = std::round(v.stretch * 100) / 100;
            std::string id = std::string(engine_name(engine)) + "-" + name + "-d" + format_double(v.stretch, 2);
            if (engine == Engine::Flite && k > 0) {
                v.f0_mean = std::round(info.f0 * f0_scale);
                id += "-f" + std::to_string(int(v.f0_mean));
            }
            v.id = id;
            out.push_back(v);
        }
    }
}

}  // namespace

const char* engine_name(Engine engine) {
    switch (engine) {
        case Engine::Espeak: return "espeak";
        case Engine::Flite: return "flite";
        case Engine::Festival: return "festival";
        case Engine::Real: return "real";
    }
    return "?";
}

std::string Voice::recipe() const {
    std::ostringstream s;
    s << engine_name(engine) << " voice=" << engine_voice << " lang=" << language << " charset=" << int(charset)
      << " pitch=" << pitch << " speed=" << speed << " f0=" << f0_mean << " stretch=" << format_double(stretch, 2);
    return s.str();
}

EngineSet engines_for_selection(const std::string& list) {
    if (list.empty() || list == "all") return {};
    EngineSet set{false, false, false};
    std::istringstream in(list);
    std::string item;
    // An item selects ids or families starting with it: it can reach an engine if it and the engine's prefix
    // agree as far as the shorter goes.
    auto reaches = [](const std::string& it, const std::string& prefix) {
        return it.compare(0, std::min(it.size(), prefix.size()), prefix, 0, std::min(it.size(), prefix.size())) == 0;
    };
    while (std::getline(in, item, ',')) {
        if (item.empty()) continue;
        set.espeak = set.espeak || reaches(item, "espeak");
        set.flite = set.flite || reaches(item, "flite") || reaches(item, "speaker-");
        set.festival = set.festival || reaches(item, "festival") || reaches(item, "speaker-");
    }
    return set;
}

InstalledVoices detect_installed_voices(const EngineSet& engines) {
    InstalledVoices iv;
    if (engines.espeak && program_on_path("espeak-ng")) {
        const ProcessResult variants = run_process({"espeak-ng", "--voices=variant"}, 20, true);
        std::istringstream lines(variants.output);
        std::string line;
        while (std::getline(lines, line)) {
            const size_t at = line.find("!v/");
            if (at == std::string::npos) continue;
            std::string name = line.substr(at + 3);
            const size_t gap = name.find("  ");
            if (gap != std::string::npos) name = name.substr(0, gap);
            while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back()))) name.pop_back();
            if (!name.empty()) iv.espeak_variants.push_back(name);
        }
        const ProcessResult langs = run_process({"espeak-ng", "--voices"}, 20, true);
        std::istringstream llines(langs.output);
        while (std::getline(llines, line)) {
            const auto words = split_words(line);
            if (words.size() >= 2 && words[0] != "Pty") iv.espeak_languages.push_back(words[1]);
        }
        iv.espeak = !iv.espeak_languages.empty();
    }
    if (engines.flite && program_on_path("flite")) {
        const ProcessResult r = run_process({"flite", "-lv"}, 20, true);
        const size_t colon = r.output.find(':');
        if (colon != std::string::npos)
            for (const auto& w : split_words(r.output.substr(colon + 1)))
                // "awb_time" is a limited-domain voice: it can only say the time.
                if (w.find("_time") == std::string::npos) iv.flite_voices.push_back(w);
    }
    if (engines.festival && program_on_path("festival")) {
        const ProcessResult r = run_process({"festival", "--batch", "(print (voice.list))"}, 60, true);
        std::string list = r.output;
        for (char& c : list)
            if (c == '(' || c == ')') c = ' ';
        iv.festival_voices = split_words(list);
        std::sort(iv.festival_voices.begin(), iv.festival_voices.end());
    }
    std::sort(iv.espeak_variants.begin(), iv.espeak_variants.end());
    std::sort(iv.flite_voices.begin(), iv.flite_voices.end());
    return iv;
}

std::vector<Voice> build_voice_catalog(const InstalledVoices& installed) {
    std::vector<Voice> voices;
    if (installed.espeak) add_espeak_voices(installed, voices);
    add_recorded_voices(Engine::Flite, installed.flite_voices, voices);
    add_recorded_voices(Engine::Festival, installed.festival_voices, voices);
    return voices;
}

std::vector<Voice> select_voices(const std::vector<Voice>& catalog, const std::string& list) {
    if (list.empty() || list == "all") return catalog;
    std::vector<std::string> items;
    std::istringstream in(list);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) items.push_back(item);
    std::vector<bool> keep(catalog.size(), false);
    for (const auto& it : items) {
        bool any = false;
        for (size_t i = 0; i < catalog.size(); ++i) {
            const Voice& v = catalog[i];
            if (v.id.rfind(it, 0) == 0 || v.family.rfind(it, 0) == 0) keep[i] = any = true;
        }
        if (!any) throw Error("no installed voice matches '" + it + "'");
    }
    std::vector<Voice> out;
    for (size_t i = 0; i < catalog.size(); ++i)
        if (keep[i]) out.push_back(catalog[i]);
    return out;
}

void assign_splits(std::vector<Voice>& voices) {
    // Two groups, so that espeak-ng's many variants cannot crowd the few recorded people out of val and test.
    std::map<std::string, std::set<std::string>> groups;
    for (const auto& v : voices) groups[v.engine == Engine::Espeak ? "espeak" : "recorded"].insert(v.family);
    std::map<std::string, std::string> split_of;
    for (const auto& [group, families] : groups) {
        std::vector<std::pair<uint64_t, std::string>> order;
        for (const auto& f : families) order.push_back({hash_string("split:" + f), f});
        std::sort(order.begin(), order.end());
        const size_t n = order.size();
        size_t held = n >= 3 ? std::max<size_t>(1, size_t(std::lround(double(n) * 0.1))) : 0;
        for (size_t i = 0; i < n; ++i) split_of[order[i].second] = i < held ? "test" : i < 2 * held ? "val" : "train";
    }
    for (auto& v : voices) v.split = split_of[v.family];
}

}  // namespace sctx::synth
