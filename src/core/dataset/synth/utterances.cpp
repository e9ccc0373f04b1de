#include "dataset/synth/utterances.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "audio/audio_decoder.h"
#include "audio/audio_stream.h"
#include "audio/wav_writer.h"
#include "dataset/synth/engines.h"
#include "dataset/synth/level.h"
#include "util/random.h"
#include "dataset/synth/text.h"
#include "util/error.h"

namespace fs = std::filesystem;

namespace sctx::synth {

namespace {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string record_for(const Voice& v, int n) { return v.recipe() + "\n" + utterance_text(v, n) + "\n"; }

size_t wav_frames(const std::string& path) {
    try {
        return size_t(open_audio_file(path)->info().frames);
    } catch (const Error&) {
        return 0;
    }
}

struct VoiceJob {
    size_t voice;
    std::vector<int> missing;
};

// Synthesizes the missing utterances of one voice; returns how many failed.
size_t run_job(const Voice& v, const std::vector<int>& missing, const std::string& dir) {
    std::vector<std::string> texts, raw;
    for (int n : missing) {
        texts.push_back(utterance_text(v, n));
        raw.push_back(dir + "/" + std::to_string(n) + ".raw.wav");
    }
    const std::vector<bool> ok = synthesize_texts(v, texts, raw, dir);
    size_t failed = 0;
    for (size_t i = 0; i < missing.size(); ++i) {
        const std::string base = dir + "/" + std::to_string(missing[i]);
        bool good = false;
        if (ok[i]) {
            try {
                std::vector<float> s = load_audio(raw[i], kRate);
                if (tidy_utterance(s)) {
                    write_wav(base + ".tmp.wav", s, kRate);
                    fs::rename(base + ".tmp.wav", base + ".wav");
                    good = true;
                }
            } catch (const std::exception&) {}
        }
        std::error_code ec;
        fs::remove(raw[i], ec);
        // The record is written for failures too (marked), so a rerun does not retry a text that crashes.
        std::ofstream(base + ".txt", std::ios::binary | std::ios::trunc)
            << (good ? "" : "FAILED\n") << record_for(v, missing[i]);
        if (!good) {
            fs::remove(base + ".wav", ec);
            ++failed;
        }
    }
    return failed;
}

}  // namespace

std::string utterance_text(const Voice& voice, int n) {
    Rng rng(mix_seed(hash_string(voice.id), uint64_t(n)));
    return make_utterance_text(voice.language, rng);
}

bool tidy_utterance(std::vector<float>& s) {
    const auto frames = frame_rms(s);
    double loudest = 0;
    for (double f : frames) loudest = std::max(loudest, f);
    if (loudest <= 1e-5) return false;
    const double floor = loudest * db_to_gain(-40);
    size_t first = frames.size(), last = 0;
    for (size_t i = 0; i < frames.size(); ++i)
        if (frames[i] >= floor) {
            first = std::min(first, i);
            last = i;
        }
    if (first >= frames.size()) return false;
    // A little air before the first and after the last sound (3 and 8 frames), as a talker's breath would leave.
    const size_t begin = (first >= 3 ? first - 3 : 0) * kFrame;
    const size_t end = std::min(s.size(), (last + 9) * kFrame);
    s = std::vector<float>(s.begin() + long(begin), s.begin() + long(end));
    if (s.size() < size_t(0.3 * kRate)) return false;
    const double level = active_rms(s);
    if (level <= 0) return false;
    double gain = db_to_gain(-20) / level;
    const double p = peak(s) * gain;
    if (p > 0.98) gain *= 0.98 / p;
    scale(s, gain);
    return true;
}

std::vector<VoicePool> build_utterance_cache(const std::vector<Voice>& voices, const std::string& cache_dir,
                                             int per_voice, int threads, const CacheProgress& progress,
                                             CacheReport* report) {
    CacheReport rep;
    std::vector<VoiceJob> jobs;
    for (size_t vi = 0; vi < voices.size(); ++vi) {
        const std::string dir = cache_dir + "/" + voices[vi].id;
        fs::create_directories(dir);
        VoiceJob job{vi, {}};
        for (int n = 0; n < per_voice; ++n) {
            const std::string base = dir + "/" + std::to_string(n);
            const std::string record = read_text_file(base + ".txt");
            const std::string expect = record_for(voices[vi], n);
            if (record == expect && fs::exists(base + ".wav")) {
                ++rep.reused;
            } else if (record == "FAILED\n" + expect) {
                ++rep.failed;
            } else {
                job.missing.push_back(n);
            }
        }
        if (!job.missing.empty()) jobs.push_back(job);
    }
    // Festival first: its jobs are the longest, and starting them early balances the threads.
    std::stable_sort(jobs.begin(), jobs.end(), [&](const VoiceJob& a, const VoiceJob& b) {
        return (voices[a.voice].engine == Engine::Festival) > (voices[b.voice].engine == Engine::Festival);
    });

    std::atomic<size_t> next{0}, done_jobs{0}, synthesized{0}, failed{0};
    std::mutex progress_mutex;
    std::exception_ptr error;
    auto worker = [&] {
        for (;;) {
            const size_t j = next++;
            if (j >= jobs.size()) return;
            try {
                const Voice& v = voices[jobs[j].voice];
                const size_t f = run_job(v, jobs[j].missing, cache_dir + "/" + v.id);
                failed += f;
                synthesized += jobs[j].missing.size() - f;
            } catch (...) {
                std::lock_guard<std::mutex> lock(progress_mutex);
                if (!error) error = std::current_exception();
                next = jobs.size();
                return;
            }
            const size_t d = ++done_jobs;
            if (progress) {
                std::lock_guard<std::mutex> lock(progress_mutex);
                progress(d, jobs.size(), synthesized);
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    if (error) std::rethrow_exception(error);
    rep.synthesized += synthesized;
    rep.failed += failed;

    std::vector<VoicePool> pools;
    for (const auto& v : voices) {
        VoicePool p{v, {}};
        for (int n = 0; n < per_voice; ++n) {
            const std::string path = cache_dir + "/" + v.id + "/" + std::to_string(n) + ".wav";
            if (!fs::exists(path)) continue;
            const size_t frames = wav_frames(path);
            if (frames > 0) p.utterances.push_back({path, frames, {}});
        }
        if (!p.utterances.empty()) pools.push_back(std::move(p));
    }
    if (report) *report = rep;
    return pools;
}

std::vector<float> load_utterance(const Utterance& u) { return load_audio(u.path, kRate); }

}  // namespace sctx::synth
