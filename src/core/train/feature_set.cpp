#include "train/feature_set.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "audio/audio_stream.h"
#include "features/log_mel.h"
#include "platform/file_info.h"
#include "platform/process.h"
#include "train/window_audio.h"
#include "util/error.h"
#include "util/npy.h"
#include "util/sha256.h"

namespace sctx::train {

namespace {

// Everything that changes a row's features: the audio file (with its size and time, so a re-synthesized dataset
// does not reuse stale features), the window, the noise, and the model's preprocessing.
std::string cache_key(const std::vector<ManifestRow>& rows, const ModelConfig& config) {
    Sha256 h;
    auto add = [&](const std::string& s) { h.update(s.data(), s.size()), h.update("\n", 1); };
    const MelParams& m = config.mel;
    char buf[256];
    std::snprintf(buf, sizeof buf, "features/1 %d %d %d %d %.9g %.9g %.9g %.9g %s %.9g", m.sample_rate, m.n_fft,
                  m.hop_length, m.n_mels, m.fmin, m.fmax, m.amin, m.top_db, to_string(m.ref).c_str(), config.window_s);
    add(buf);
    std::map<std::string, std::string> stamps;
    auto stamp = [&](const std::string& path) -> const std::string& {
        auto it = stamps.find(path);
        if (it != stamps.end()) return it->second;
        const platform::FileInfo info = platform::file_info(path);
        const std::string s = info.exists() ? info.stamp() : "missing";
        return stamps.emplace(path, s).first->second;
    };
    for (const auto& r : rows) {
        std::snprintf(buf, sizeof buf, "%.6f %.6f %.6f %.6f", r.offset, r.duration, r.noise_offset, r.snr_db);
        add(r.source + "|" + stamp(r.source) + "|" + r.noise + "|" + (r.noise.empty() ? "" : stamp(r.noise)) + "|" +
            buf);
    }
    return h.hex_digest().substr(0, 24);
}

// Rows of one source file, so each file is decoded once however many windows come from it.
std::vector<std::vector<size_t>> group_by_source(const std::vector<ManifestRow>& rows) {
    std::map<std::string, std::vector<size_t>> by;
    for (size_t i = 0; i < rows.size(); ++i) by[rows[i].source].push_back(i);
    std::vector<std::vector<size_t>> out;
    for (auto& [src, idx] : by) out.push_back(std::move(idx));
    return out;
}

}  // namespace

std::vector<size_t> FeatureSet::indices(Split s) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < splits.size(); ++i)
        if (splits[i] == s) out.push_back(i);
    return out;
}

std::vector<float> window_log_mel(const LogMelSpectrogram& mel, const ModelConfig& config, const float* samples,
                                  size_t n) {
    std::vector<float> padded(config.window_samples(), 0.f);
    std::copy(samples, samples + std::min(n, padded.size()), padded.begin());
    return mel.compute(padded);
}

FeatureSet build_features(const std::vector<ManifestRow>& rows, const ModelConfig& config,
                          const FeatureBuildOptions& options) {
    const LogMelSpectrogram mel(config.mel);
    const int rate = config.mel.sample_rate;
    const size_t window = config.window_samples();
    const size_t fs = size_t(config.mel.n_mels) * config.input_frames();

    // Unreadable rows are stored as NaN in the matrix (and in the cache), then left out below.
    std::vector<float> data;
    std::string cache_path;
    bool from_cache = false;
    if (!options.cache_dir.empty()) {
        std::error_code ignored;  // a folder that cannot be made shows as a cache that cannot be written
        std::filesystem::create_directories(std::filesystem::u8path(options.cache_dir), ignored);
        cache_path = options.cache_dir + "/features-" + cache_key(rows, config) + ".npy";
        if (platform::file_info(cache_path).exists()) {
            NpyArray a = read_npy(cache_path);
            if (a.shape.size() == 3 && a.shape[0] == rows.size() && a.shape[1] * a.shape[2] == fs) {
                data = std::move(a.data);
                from_cache = true;
            }
        }
    }

    std::vector<std::string> errors(rows.size());
    if (!from_cache) {
        data.assign(rows.size() * fs, 0.f);
        const std::vector<std::vector<size_t>> groups = group_by_source(rows);
        std::atomic<size_t> next{0}, done{0};
        std::mutex progress_mutex;
        auto worker = [&] {
            for (size_t g = next++; g < groups.size(); g = next++) {
                const std::vector<size_t>& idx = groups[g];
                double end_s = 0;
                for (size_t i : idx) end_s = std::max(end_s, rows[i].offset + rows[i].duration);
                std::vector<float> audio;
                std::string load_error;
                try {
                    audio = load_audio(rows[idx[0]].source, rate, size_t(std::ceil(end_s * rate)) + 1);
                } catch (const Error& e) {
                    load_error = e.what();
                }
                for (size_t i : idx) {
                    float* out = data.data() + i * fs;
                    try {
                        if (!load_error.empty()) throw Error(load_error);
                        std::vector<float> w = cut_window(audio, rows[i], rate, window);
                        add_row_noise(w, rows[i], rate);
                        const std::vector<float> f = window_log_mel(mel, config, w.data(), w.size());
                        std::copy(f.begin(), f.end(), out);
                    } catch (const Error& e) {
                        errors[i] = e.what();
                        std::fill(out, out + fs, std::numeric_limits<float>::quiet_NaN());
                    }
                }
                const size_t d = done += idx.size();
                if (options.progress) {
                    std::lock_guard<std::mutex> lock(progress_mutex);
                    options.progress(d, rows.size());
                }
            }
        };
        std::vector<std::thread> pool;
        for (int t = 1; t < std::max(1, options.threads); ++t) pool.emplace_back(worker);
        worker();
        for (auto& t : pool) t.join();
        if (!cache_path.empty()) {
            // A per-process temporary name: runs that start together on the same data each write their own file
            // and the last rename wins. The cache only saves time, so failing to write it is not fatal.
            const std::string tmp = cache_path + "." + std::to_string(platform::current_process_id()) + ".tmp";
            try {
                write_npy(tmp, data.data(), {rows.size(), size_t(config.mel.n_mels), config.input_frames()});
                if (!platform::replace_file(tmp, cache_path)) throw Error("cannot rename " + tmp);
            } catch (const Error& e) {
                std::remove(tmp.c_str());
                if (options.on_warning) options.on_warning("feature cache not written: " + std::string(e.what()));
            }
        }
    }

    FeatureSet set;
    set.n_mels = size_t(config.mel.n_mels);
    set.frames = config.input_frames();
    std::map<std::string, int> speaker_index;
    for (const auto& r : rows) {
        set.has_frames |= r.has_frames() && r.frame_voices.size() == set.frames;
        for (const auto& t : r.talkers) speaker_index.emplace(t, 0);
    }
    for (auto& [id, index] : speaker_index) {
        index = int(set.speakers.size());
        set.speakers.push_back(id);
    }
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        const float* f = data.data() + i * fs;
        if (std::isnan(f[0])) {
            if (options.on_error) options.on_error(rows[i], errors[i].empty() ? "unreadable (cached)" : errors[i]);
            continue;
        }
        // Compacting in place: the kept rows move down over the failed ones.
        if (kept != i) std::copy(f, f + fs, data.data() + kept * fs);
        set.labels.push_back(rows[i].label_index);
        set.splits.push_back(rows[i].split);
        if (set.has_frames) {
            const ManifestRow& r = rows[i];
            const bool known = r.frame_voices.size() == set.frames && r.frame_owner.size() == set.frames;
            for (size_t t = 0; t < set.frames; ++t) {
                set.frame_voices.push_back(known ? uint8_t(r.frame_voices[t] - '0') : FeatureSet::kNoTarget);
                set.frame_owner.push_back(known && r.frame_owner[t] != '-' ? uint8_t(r.frame_owner[t] - '0')
                                                                           : FeatureSet::kNoTarget);
            }
            std::vector<int> who;
            for (const auto& t : r.talkers) who.push_back(speaker_index.at(t));
            set.talkers.push_back(std::move(who));
        }
        ++kept;
    }
    if (kept == 0) throw Error("none of the " + std::to_string(rows.size()) + " manifest rows could be read");
    data.resize(kept * fs);
    data.shrink_to_fit();
    set.data = std::move(data);
    return set;
}

}  // namespace sctx::train
