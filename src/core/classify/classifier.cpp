#include "classify/classifier.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <mutex>
#include <thread>

#include "audio/audio_stream.h"
#include "classify/windowing.h"
#include "platform/file_info.h"
#include "util/error.h"
#include "util/stage_timer.h"

namespace sctx {

namespace {

struct FileStamp {
    int64_t size = -1;
    double mtime = 0;
    bool operator==(const FileStamp& o) const { return size == o.size && mtime == o.mtime; }
};

bool stamp_of(const std::string& path, FileStamp& out) {
    const platform::FileInfo info = platform::file_info(path);
    if (!info.exists()) return false;
    out.size = info.size;
    out.mtime = info.mtime();
    return true;
}

int argmax(const float* p, size_t n) { return int(std::max_element(p, p + n) - p); }

}  // namespace

Classifier::Classifier(std::shared_ptr<const Model> model, ClassifyOptions options)
    : model_(std::move(model)), options_(options), mel_(model_->config().mel) {
    const ModelConfig& c = model_->config();
    // The model's input width is fixed: the window length is the model's; only the hop is really free.
    const double window_s = options_.window_s > 0 ? options_.window_s : c.window_s;
    const double hop_s = options_.hop_s > 0 ? options_.hop_s : c.hop_s;
    window_ = size_t(std::llround(window_s * c.mel.sample_rate));
    hop_ = std::max<size_t>(1, size_t(std::llround(hop_s * c.mel.sample_rate)));
    if (window_ == 0) throw Error("window must be longer than 0 s");
    if (options_.batch_size == 0) options_.batch_size = 1;
}

std::vector<float> Classifier::window_features(const float* samples, size_t n) const {
    std::vector<float> out(size_t(model_->config().mel.n_mels) * model_->config().input_frames());
    window_features_into(samples, n, out.data());
    return out;
}

void Classifier::window_features_into(const float* samples, size_t n, float* out) const {
    // The network's input width is fixed by the model (3 s for the shipped one). A segment shorter than that is
    // zero-padded at the end, as the original did with np.pad; a longer one (--window above the model's) is heard
    // from its start for the model's length.
    const size_t model_len = model_->config().window_samples();
    if (n >= model_len) {
        mel_.compute(samples, model_len, out);
        return;
    }
    std::vector<float> padded(model_len, 0.f);
    std::copy(samples, samples + n, padded.begin());
    mel_.compute(padded.data(), model_len, out);
}

void Classifier::batch_features(const std::vector<std::vector<float>>& windows, float* out) const {
    const size_t feat_size = size_t(model_->config().mel.n_mels) * model_->config().input_frames();
    // Each thread takes every k-th window; every window is computed alone, so the split cannot change a value.
    auto part = [&](size_t first, size_t step) {
        StageTimer timer(Stage::features);
        for (size_t w = first; w < windows.size(); w += step)
            window_features_into(windows[w].data(), windows[w].size(), out + w * feat_size);
    };
    const size_t threads = std::min(size_t(std::max(1, options_.feature_threads)), windows.size());
    if (threads <= 1) {
        part(0, 1);
        return;
    }
    std::vector<std::thread> pool;
    std::exception_ptr failure;
    std::mutex failure_mutex;
    for (size_t t = 1; t < threads; ++t)
        pool.emplace_back([&, t] {
            try {
                part(t, threads);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failure_mutex);
                failure = std::current_exception();
            }
        });
    try {
        part(0, threads);
    } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        failure = std::current_exception();
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

FileResult Classifier::classify_samples(const float* samples, size_t n, const std::string& name) const {
    FileResult r = run(nullptr, samples, n, nullptr, {});
    r.file = name;
    return r;
}

FileResult Classifier::classify_file(const std::string& path, const std::atomic<bool>* cancel,
                                     const std::function<void(double)>& progress) const {
    FileResult r;
    r.file = path;
    FileStamp before;
    if (stamp_of(path, before)) {
        r.size = before.size;
        r.mtime = before.mtime;
    }
    try {
        AudioStream stream = AudioStream::open(path, model_->config().mel.sample_rate);
        FileResult out = run(&stream, nullptr, 0, cancel, progress);
        out.file = path;
        out.size = r.size;
        out.mtime = r.mtime;
        out.source_rate = stream.source_info().sample_rate;
        out.source_channels = stream.source_info().channels;
        out.source_format = stream.source_info().format;
        FileStamp after;
        if (!stamp_of(path, after)) throw Error("file disappeared while it was being read");
        if (!(after == before)) throw Error("file changed while it was being read");
        return out;
    } catch (const Error& e) {
        r.ok = false;
        r.error = e.what();
    } catch (const std::bad_alloc&) {
        r.ok = false;
        r.error = "out of memory";
    } catch (const std::exception& e) {
        r.ok = false;
        r.error = std::string("unexpected failure: ") + e.what();
    }
    return r;
}

FileResult Classifier::run(AudioStream* stream, const float* samples, size_t n, const std::atomic<bool>* cancel,
                           const std::function<void(double)>& progress) const {
    const ModelConfig& config = model_->config();
    const size_t classes = config.class_names.size();
    const size_t feat_size = size_t(config.mel.n_mels) * config.input_frames();
    const double rate = config.mel.sample_rate;

    const int64_t expected = stream ? stream->expected_samples() : int64_t(n);
    WindowCutter cutter(window_, hop_);

    std::vector<WindowSpan> spans;
    // The samples of the windows waiting for the next forward pass (copied: the cutter moves on meanwhile), so a
    // batch's features can be computed together, on several threads.
    std::vector<std::vector<float>> pending;
    std::vector<float> features;
    std::vector<float> probs;  // windows x classes
    auto flush = [&] {
        if (pending.empty()) return;
        features.resize(pending.size() * feat_size);
        batch_features(pending, features.data());
        StageTimer timer(Stage::model);
        std::vector<float> p = model_->predict(features.data(), pending.size());
        probs.insert(probs.end(), p.begin(), p.end());
        pending.clear();
    };
    auto take_windows = [&] {
        WindowSpan span{};
        const float* first = nullptr;
        while (cutter.next(span, &first)) {
            spans.push_back(span);
            pending.emplace_back(first, first + span.length);
            if (pending.size() == options_.batch_size) flush();
        }
    };

    if (!stream) {
        cutter.push(samples, n);
    } else {
        std::vector<float> block(32768);
        for (;;) {
            if (cancel && cancel->load()) throw Error("cancelled");
            take_windows();
            const size_t got = stream->read(block.data(), block.size());
            if (got == 0) break;
            cutter.push(block.data(), got);
            if (progress && expected > 0) progress(std::min(1.0, double(cutter.total_samples()) / double(expected)));
        }
    }
    const size_t total = cutter.total_samples();
    if (total == 0) throw Error("no audio samples (zero-length audio)");
    cutter.finish();
    take_windows();
    flush();

    FileResult r;
    r.ok = true;
    r.duration_s = double(total) / rate;
    r.windows = int(spans.size());
    r.probabilities.assign(classes, 0.f);
    r.class_share.assign(classes, 0.f);
    const std::vector<double> weights = window_weights(spans, total, rate);
    double weight_sum = 0;
    for (size_t w = 0; w < spans.size(); ++w) {
        const float* p = probs.data() + w * classes;
        for (size_t c = 0; c < classes; ++c) r.probabilities[c] += p[c] / float(spans.size());
        const int label = argmax(p, classes);
        r.class_share[size_t(label)] += float(weights[w]);
        weight_sum += weights[w];
        if (options_.keep_segments) {
            Segment s;
            s.start_s = double(spans[w].start) / rate;
            s.end_s = double(spans[w].start + std::max(spans[w].length, window_)) / rate;
            if (spans.size() == 1) s.end_s = std::max(r.duration_s, s.start_s);
            s.label_index = label;
            s.confidence = p[label];
            s.probabilities.assign(p, p + classes);
            r.segments.push_back(std::move(s));
        }
    }
    if (weight_sum > 0)
        for (float& s : r.class_share) s = float(s / weight_sum);
    r.label_index = argmax(r.probabilities.data(), classes);
    r.confidence = r.probabilities[size_t(r.label_index)];
    return r;
}

}  // namespace sctx
