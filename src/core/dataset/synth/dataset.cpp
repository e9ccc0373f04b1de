#include "dataset/synth/dataset.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "audio/wav_writer.h"
#include "classify/output_file.h"
#include "dataset/manifest.h"
#include "dataset/synth/level.h"
#include "dataset/synth/real_talkers.h"
#include "dataset/synth/scene.h"
#include "model/model_config.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace sctx::synth {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

// Within each class, every ten clips go train, test, val, then seven train: any count gets test and val clips
// early (a 20-clip smoke run has some of each), and large counts come out at exactly 80/10/10.
const char* split_for(size_t index_in_class) {
    static const char* kPattern[10] = {"train", "test",  "val",   "train", "train",
                                       "train", "train", "train", "train", "train"};
    return kPattern[index_in_class % 10];
}

nlohmann::json clip_json(const std::string& id, const std::string& path, const std::string& label,
                         const std::string& split, const std::string& meeting, const SceneRecord& r) {
    nlohmann::json j;
    j["id"] = id;
    j["source"] = path;
    j["label"] = label;
    j["split"] = split;
    j["meeting"] = meeting;
    nlohmann::json talkers = nlohmann::json::array();
    for (const auto& t : r.talkers) {
        nlohmann::json tj;
        tj["voice"] = t.voice;
        tj["family"] = t.family;
        tj["real"] = t.real;
        tj["shift"] = round3(t.shift);
        tj["gain_db"] = round3(t.gain_db);
        tj["visible_s"] = round3(t.visible_s);
        tj["active_s"] = round3(t.active_s);
        nlohmann::json turns = nlohmann::json::array();
        for (const auto& [a, b] : t.turns) turns.push_back({round3(a), round3(b)});
        tj["turns"] = turns;
        talkers.push_back(tj);
    }
    j["talkers"] = talkers;
    j["backgrounds"] = r.backgrounds;
    j["babble_voices"] = r.babble_voices;
    j["snr_db"] = std::isnan(r.snr_db) ? nlohmann::json(nullptr) : nlohmann::json(round3(r.snr_db));
    j["rt60"] = round3(r.rt60);
    j["channel"] = r.channel.describe();
    j["rms_dbfs"] = round3(r.rms_dbfs);
    return j;
}

void write_voices_csv(const std::string& path, const std::vector<VoicePool>& pools) {
    OutputFile out(path, OutputFile::Mode::Atomic);
    out.write("id,family,engine,engine_voice,language,split,utterances\n");
    for (const auto& p : pools) {
        const Voice& v = p.voice;
        out.write(v.id + "," + v.family + "," + engine_name(v.engine) + "," + v.engine_voice + "," + v.language + "," +
                  v.split + "," + std::to_string(p.utterances.size()) + "\n");
    }
    out.commit();
}

}  // namespace

std::string label_slug(const std::string& label) {
    std::string out;
    for (char c : label) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += char(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

SynthSummary generate_synth_dataset(const SynthOptions& o, const SynthLog& log) {
    if (o.out_dir.empty()) throw Error("no output folder given");
    if (o.count < 1) throw Error("the clip count must be at least 1");
    SynthSummary summary;
    const std::string cache_dir = o.cache_dir.empty() ? o.out_dir + "/utterances" : o.cache_dir;
    fs::create_directories(o.out_dir);
    fs::create_directories(cache_dir);

    // 1. Voices.
    const InstalledVoices installed = detect_installed_voices(engines_for_selection(o.voices));
    std::vector<Voice> voices = select_voices(build_voice_catalog(installed), o.voices);
    if (voices.empty()) throw Error("no speech synthesizer found (install espeak-ng, flite or festival)");
    assign_splits(voices);
    log("voices: " + std::to_string(voices.size()) + " (espeak-ng variants " +
        std::to_string(installed.espeak_variants.size()) + ", flite " + std::to_string(installed.flite_voices.size()) +
        ", festival " + std::to_string(installed.festival_voices.size()) + ")");

    // 2. The utterance pool.
    const auto t_synth = Clock::now();
    auto last_note = Clock::now();
    std::vector<VoicePool> pools = build_utterance_cache(
        voices, cache_dir, o.utterances_per_voice, o.threads,
        [&](size_t done, size_t total, size_t made) {
            if (done == total || seconds_since(last_note) >= 5) {
                last_note = Clock::now();
                log("synthesizing: " + std::to_string(done) + "/" + std::to_string(total) + " voices, " +
                    std::to_string(made) + " utterances, " + std::to_string(int(seconds_since(t_synth))) + " s");
            }
        },
        &summary.cache);
    summary.synthesis_seconds = seconds_since(t_synth);
    log("utterances: " + std::to_string(summary.cache.synthesized) + " synthesized, " +
        std::to_string(summary.cache.reused) + " reused, " + std::to_string(summary.cache.failed) + " failed");
    if (pools.empty()) throw Error("none of the voices produced any speech");

    // 2b. Real people, next to the synthesized voices.
    if (!o.real_talkers_dir.empty()) {
        RealTalkerCorpus real = load_real_talkers(o.real_talkers_dir);
        // The corpus splits speakers into train and val; held-out scenes need test speakers too: when it names
        // none, every other val speaker (by a fixed hash of the id) is a test speaker.
        bool any_test = false;
        for (const auto& p : real.pools) any_test |= p.voice.split == "test";
        for (auto& p : real.pools)
            if (!any_test && p.voice.split == "val" && hash_string("real-test:" + p.voice.family) % 2 == 1)
                p.voice.split = "test";
        summary.real_speakers = real.pools.size();
        summary.real_utterances = real.utterances;
        summary.real_speech_seconds = real.speech_seconds;
        log("real talkers: " + std::to_string(real.pools.size()) + " speakers, " + std::to_string(real.utterances) +
            " utterances, " + std::to_string(int(real.speech_seconds / 60)) + " min of speech from " +
            std::to_string(real.packages.size()) + " packages");
        for (auto& p : real.pools) pools.push_back(std::move(p));
    }
    std::set<std::string> families;
    std::map<std::string, std::set<std::string>> split_families;
    for (const auto& p : pools) {
        families.insert(p.voice.family);
        split_families[p.voice.split].insert(p.voice.family);
    }
    summary.voices = pools.size();
    summary.families = families.size();
    for (const auto& [split, fams] : split_families) summary.families_per_split[split] = fams.size();
    write_voices_csv(o.out_dir + "/voices.csv", pools);

    std::map<std::string, std::unique_ptr<VoiceIndex>> index;
    for (const char* s : {"train", "val", "test"})
        index[s] = std::make_unique<VoiceIndex>(pools, s, o.real_talkers_dir.empty() ? 0.0 : o.real_share);
    for (int c = 0; c < kSceneClasses; ++c)
        if (!index["train"]->can_make(SceneClass(c)))
            throw Error("too few voice families for group clips (" + std::to_string(index["train"]->families()) +
                        " in train; need 3): select more voices");

    // 3. Clips. Clip i is class i % 5 and is made from its own seed, so it does not depend on the threads.
    const std::string clips_dir = o.out_dir + "/clips";
    fs::remove_all(clips_dir);
    const std::vector<std::string>& class_names = default_class_names();
    // Made here, not by the workers, so no two threads race to create one folder.
    for (const char* s : {"train", "val", "test"})
        for (const auto& name : class_names) fs::create_directories(clips_dir + "/" + s + "/" + label_slug(name));
    const size_t count = size_t(o.count);
    std::vector<std::string> manifest_rows(count), json_lines(count), splits(count);
    std::atomic<size_t> next{0}, done{0};
    std::mutex mutex;
    std::exception_ptr error;
    const auto t_mix = Clock::now();
    last_note = Clock::now();
    auto worker = [&] {
        for (;;) {
            const size_t i = next++;
            if (i >= count) return;
            try {
                const SceneClass kind = SceneClass(i % kSceneClasses);
                std::string split = split_for(i / kSceneClasses);
                if (!index.at(split)->can_make(kind)) split = "train";
                Rng rng(mix_seed(o.seed, i, 0x5C7E));
                Scene scene = make_scene(kind, *index.at(split), rng);
                const std::string& label = class_names[size_t(kind)];
                char id[32];
                std::snprintf(id, sizeof id, "c%06zu", i);
                const std::string rel = "clips/" + split + "/" + label_slug(label) + "/" + id + ".wav";
                write_wav(o.out_dir + "/" + rel, scene.samples, kRate);
                const std::string meeting = scene.record.talkers.empty() ? "synth-background-" + split
                                                                         : "synth-" + scene.record.talkers[0].family;
                dataset::ManifestRow row;
                row.source = rel;
                row.offset = 0;
                row.duration = 3;
                row.label = label;
                row.meeting = meeting;
                row.stream = "synth";
                for (const auto& t : scene.record.talkers) row.talkers.push_back(t.family);
                row.frame_voices = scene.record.frame_voices;
                row.frame_owner = scene.record.frame_owner;
                dataset::parse_split(split, row.split);
                manifest_rows[i] = dataset::manifest_line(row, o.frame_targets);
                json_lines[i] = clip_json(id, rel, label, split, meeting, scene.record).dump();
                splits[i] = split;
            } catch (...) {
                std::lock_guard<std::mutex> lock(mutex);
                if (!error) error = std::current_exception();
                next = count;
                return;
            }
            const size_t d = ++done;
            std::lock_guard<std::mutex> lock(mutex);
            if (d == count || seconds_since(last_note) >= 5) {
                last_note = Clock::now();
                const double s = seconds_since(t_mix);
                log("clips: " + std::to_string(d) + "/" + std::to_string(count) + ", " + std::to_string(int(s)) +
                    " s, ETA " + std::to_string(int(s / double(d) * double(count - d))) + " s");
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(1, o.threads); ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    summary.mixing_seconds = seconds_since(t_mix);

    OutputFile manifest(o.out_dir + "/manifest.csv", OutputFile::Mode::Atomic);
    manifest.write((o.frame_targets ? dataset::manifest_header_with_frames() : dataset::manifest_header()) + "\n");
    for (const auto& r : manifest_rows) manifest.write(r + "\n");
    manifest.commit();
    OutputFile jsonl(o.out_dir + "/clips.jsonl", OutputFile::Mode::Atomic);
    for (const auto& j : json_lines) jsonl.write(j + "\n");
    jsonl.commit();
    summary.clips = count;
    for (const auto& s : splits) ++summary.clips_per_split[s];
    return summary;
}

}  // namespace sctx::synth
