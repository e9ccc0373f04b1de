#include "audio/audio_stream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "audio/resampler.h"
#include "util/error.h"
#include "util/stage_timer.h"

namespace sctx {

namespace {
constexpr size_t kBlock = 16384;
// Output held back from the caller until the end, so librosa's final length rule (ceil(n * ratio)) can trim.
constexpr size_t kHoldback = 16;
}  // namespace

AudioStream::AudioStream(std::unique_ptr<AudioDecoder> decoder, int target_rate)
    : decoder_(std::move(decoder)), target_rate_(target_rate) {
    if (decoder_->info().sample_rate != target_rate_)
        resampler_ = std::make_unique<Resampler>(decoder_->info().sample_rate, target_rate_);
}

AudioStream::~AudioStream() = default;
AudioStream::AudioStream(AudioStream&&) noexcept = default;

AudioStream AudioStream::open(const std::string& path, int target_rate) {
    StageTimer timer(Stage::decode);
    return AudioStream(open_audio_file(path), target_rate);
}

int64_t AudioStream::expected_samples() const {
    const AudioInfo& in = decoder_->info();
    if (in.frames < 0) return -1;
    // A hostile or streaming header can claim up to 2^63 frames (libsndfile's "unknown" is SF_COUNT_MAX): a length
    // no int64 holds after resampling is as good as unknown.
    const double n = std::ceil(double(in.frames) * target_rate_ / in.sample_rate);
    return n < 9.0e18 ? int64_t(n) : -1;
}

bool AudioStream::refill() {
    if (ended_) return false;
    // Compact what was handed out.
    ready_.erase(ready_.begin(), ready_.begin() + long(ready_pos_));
    ready_pos_ = 0;
    block_.resize(kBlock);
    size_t got = 0;
    {
        StageTimer timer(Stage::decode);
        got = decoder_->read_mono(block_.data(), kBlock);
    }
    for (size_t i = 0; i < got; ++i) {
        if (!std::isfinite(block_[i])) {
            double at = double(consumed_ + int64_t(i)) / decoder_->info().sample_rate;
            char buf[96];
            std::snprintf(buf, sizeof buf, "contains NaN or infinite samples (first at %.3f s)", at);
            throw Error(buf);
        }
    }
    consumed_ += int64_t(got);
    if (got > 0) {
        if (resampler_) {
            StageTimer timer(Stage::resample);
            resampler_->process(block_.data(), got, ready_);
        } else {
            ready_.insert(ready_.end(), block_.begin(), block_.begin() + long(got));
        }
        return true;
    }
    ended_ = true;
    if (resampler_) {
        StageTimer timer(Stage::resample);
        resampler_->finish(ready_);
        // librosa.resample(fix=True): exactly ceil(n * ratio) samples.
        int64_t want = int64_t(std::ceil(double(consumed_) * target_rate_ / decoder_->info().sample_rate));
        int64_t have = produced_ + int64_t(ready_.size());
        if (have > want)
            ready_.resize(size_t(std::max<int64_t>(0, want - produced_)));
        else
            ready_.resize(ready_.size() + size_t(want - have), 0.f);
    }
    return true;
}

size_t AudioStream::read(float* out, size_t max) {
    size_t written = 0;
    while (written < max) {
        size_t available = ready_.size() - ready_pos_;
        if (!ended_) available = available > kHoldback ? available - kHoldback : 0;
        if (available == 0) {
            if (ended_ || !refill()) break;
            continue;
        }
        size_t n = std::min(max - written, available);
        std::copy(ready_.begin() + long(ready_pos_), ready_.begin() + long(ready_pos_ + n), out + written);
        ready_pos_ += n;
        written += n;
        produced_ += int64_t(n);
    }
    return written;
}

std::vector<float> read_all(AudioStream& stream, size_t max_samples) {
    std::vector<float> out;
    // The header's length only sizes the first allocation, and only up to kMaxReserve: a file claiming hours it
    // does not have must not cost their memory up front.
    constexpr size_t kMaxReserve = size_t(1) << 24;  // 17 min at 16 kHz, 64 MB
    const int64_t expected = stream.expected_samples();
    if (expected > 0) out.reserve(std::min({size_t(expected) + 16, max_samples, kMaxReserve}));
    float buf[8192];
    while (out.size() < max_samples) {
        size_t n = stream.read(buf, std::min<size_t>(sizeof buf / sizeof buf[0], max_samples - out.size()));
        if (n == 0) break;
        out.insert(out.end(), buf, buf + n);
    }
    return out;
}

std::vector<float> load_audio(const std::string& path, int target_rate, size_t max_samples) {
    AudioStream stream = AudioStream::open(path, target_rate);
    return read_all(stream, max_samples);
}

}  // namespace sctx
