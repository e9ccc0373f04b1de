// FFmpeg back end for what libsndfile cannot read (M4A/AAC above all).
// Output is interleaved float at the stream's own rate and channel count; we average the channels ourselves
// because FFmpeg's default downmix is (L+R)/sqrt(2) while librosa takes the mean.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <cstring>
#include <mutex>
#include <vector>

#include "audio/audio_decoder.h"
#include "util/error.h"

namespace sctx {
namespace {

std::string av_error(int code) {
    char buf[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buf, sizeof(buf));
    return buf;
}

void quiet_ffmpeg_once() {
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_level(AV_LOG_QUIET); });
}

struct MemoryInput {
    const uint8_t* data;
    int64_t size;
    int64_t pos = 0;
};

int mem_read(void* opaque, uint8_t* buf, int buf_size) {
    auto* m = static_cast<MemoryInput*>(opaque);
    int64_t n = std::min<int64_t>(buf_size, m->size - m->pos);
    if (n <= 0) return AVERROR_EOF;
    std::memcpy(buf, m->data + m->pos, size_t(n));
    m->pos += n;
    return int(n);
}

int64_t mem_seek(void* opaque, int64_t offset, int whence) {
    auto* m = static_cast<MemoryInput*>(opaque);
    if (whence == AVSEEK_SIZE) return m->size;
    int64_t base = (whence & ~AVSEEK_FORCE) == SEEK_CUR ? m->pos : (whence & ~AVSEEK_FORCE) == SEEK_END ? m->size : 0;
    int64_t next = base + offset;
    if (next < 0 || next > m->size) return AVERROR(EINVAL);
    m->pos = next;
    return next;
}

class FfmpegDecoder final : public AudioDecoder {
public:
    explicit FfmpegDecoder(const std::string& path) { open(path.c_str()); }

    FfmpegDecoder(const uint8_t* data, size_t size) : memory_{data, int64_t(size)} {
        constexpr int kBuf = 32768;
        auto* buffer = static_cast<uint8_t*>(av_malloc(kBuf));
        if (!buffer) throw Error("out of memory");
        avio_ = avio_alloc_context(buffer, kBuf, 0, &memory_, mem_read, nullptr, mem_seek);
        if (!avio_) {
            av_free(buffer);
            throw Error("out of memory");
        }
        format_ = avformat_alloc_context();
        format_->pb = avio_;
        format_->flags |= AVFMT_FLAG_CUSTOM_IO;
        open(nullptr);
    }

    ~FfmpegDecoder() override { release(); }

    const AudioInfo& info() const override { return info_; }

    size_t read_mono(float* out, size_t max_frames) override {
        size_t written = 0;
        while (written < max_frames) {
            if (pending_pos_ < pending_frames_) {
                size_t n = std::min(max_frames - written, pending_frames_ - pending_pos_);
                if (remaining_ >= 0) n = size_t(std::min<int64_t>(int64_t(n), remaining_));
                if (n == 0) break;
                const size_t ch = size_t(info_.channels);
                const float* src = pending_.data() + pending_pos_ * ch;
                for (size_t i = 0; i < n; ++i) {
                    float sum = 0.f;
                    for (size_t c = 0; c < ch; ++c) sum += src[i * ch + c];
                    out[written + i] = sum / float(ch);
                }
                written += n;
                pending_pos_ += n;
                if (remaining_ >= 0) remaining_ -= int64_t(n);
                continue;
            }
            if (remaining_ == 0 || !decode_more()) break;
        }
        return written;
    }

private:
    void open(const char* path) {
        quiet_ffmpeg_once();
        // Only local files: a name like "http://..." or "concat:..." must never make FFmpeg open a connection.
        AVDictionary* options = nullptr;
        if (path) av_dict_set(&options, "protocol_whitelist", "file", 0);
        int rc = avformat_open_input(&format_, path ? path : "", nullptr, &options);
        av_dict_free(&options);
        if (rc < 0) {
            format_ = nullptr;  // freed by avformat_open_input on failure
            release();
            throw Error(av_error(rc));
        }
        try {
            setup();
        } catch (...) {
            release();
            throw;
        }
    }

    void setup() {
        int rc = avformat_find_stream_info(format_, nullptr);
        if (rc < 0) throw Error("cannot read stream info: " + av_error(rc));
        stream_index_ = av_find_best_stream(format_, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
        if (stream_index_ < 0) throw Error("no audio stream");
        AVStream* stream = format_->streams[stream_index_];
        const AVCodec* codec = avcodec_find_decoder(stream->codecpar->codec_id);
        if (!codec) throw Error("no decoder for codec " + std::string(avcodec_get_name(stream->codecpar->codec_id)));
        codec_ = avcodec_alloc_context3(codec);
        if (!codec_) throw Error("out of memory");
        if ((rc = avcodec_parameters_to_context(codec_, stream->codecpar)) < 0) throw Error(av_error(rc));
        codec_->thread_count = 1;
        if ((rc = avcodec_open2(codec_, codec, nullptr)) < 0) throw Error("cannot open decoder: " + av_error(rc));

        info_.sample_rate = codec_->sample_rate;
        info_.channels = codec_->ch_layout.nb_channels;
        info_.decoder = "ffmpeg";
        info_.format = std::string(format_->iformat->name) + " / " + codec->name;
        validate_audio_info(info_);
        if (stream->duration > 0 && stream->duration != AV_NOPTS_VALUE) {
            // The container's duration excludes encoder priming and end padding (edit lists, iTunSMPB):
            // FFmpeg already skips the priming at the start, we stop after this many frames at the end.
            info_.frames = av_rescale_q(stream->duration, stream->time_base, AVRational{1, info_.sample_rate});
            remaining_ = info_.frames;
        } else if (format_->duration > 0) {
            info_.frames = av_rescale(format_->duration, info_.sample_rate, AV_TIME_BASE);
        }

        AVChannelLayout layout{};
        if (codec_->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
            av_channel_layout_default(&layout, info_.channels);
        else
            av_channel_layout_copy(&layout, &codec_->ch_layout);
        rc = swr_alloc_set_opts2(&swr_, &layout, AV_SAMPLE_FMT_FLT, info_.sample_rate, &layout, codec_->sample_fmt,
                                 info_.sample_rate, 0, nullptr);
        av_channel_layout_uninit(&layout);
        if (rc < 0 || swr_init(swr_) < 0) throw Error("cannot convert sample format");
        packet_ = av_packet_alloc();
        frame_ = av_frame_alloc();
        if (!packet_ || !frame_) throw Error("out of memory");
    }

    // Decodes the next frame into pending_. Returns false at the end of the stream.
    bool decode_more() {
        for (;;) {
            int rc = avcodec_receive_frame(codec_, frame_);
            if (rc == 0) {
                convert_frame();
                av_frame_unref(frame_);
                if (pending_frames_ > 0) return true;
                continue;
            }
            if (rc == AVERROR_EOF) return false;
            if (rc != AVERROR(EAGAIN)) throw Error("decoding failed: " + av_error(rc));
            if (draining_) return false;
            rc = av_read_frame(format_, packet_);
            if (rc == AVERROR_EOF) {
                draining_ = true;
                avcodec_send_packet(codec_, nullptr);
                continue;
            }
            if (rc < 0) throw Error("reading failed: " + av_error(rc));
            if (packet_->stream_index == stream_index_) {
                rc = avcodec_send_packet(codec_, packet_);
                // A damaged packet inside an otherwise good file is skipped, as players do.
                if (rc < 0 && rc != AVERROR(EAGAIN) && rc != AVERROR_INVALIDDATA) {
                    av_packet_unref(packet_);
                    throw Error("decoding failed: " + av_error(rc));
                }
            }
            av_packet_unref(packet_);
        }
    }

    void convert_frame() {
        if (frame_->ch_layout.nb_channels != info_.channels || frame_->sample_rate != info_.sample_rate)
            throw Error("stream changes its channel count or rate mid-file (unsupported)");
        const size_t ch = size_t(info_.channels);
        pending_.resize(size_t(frame_->nb_samples) * ch);
        uint8_t* out = reinterpret_cast<uint8_t*>(pending_.data());
        int got = swr_convert(swr_, &out, frame_->nb_samples, const_cast<const uint8_t**>(frame_->extended_data),
                              frame_->nb_samples);
        if (got < 0) throw Error("sample conversion failed");
        pending_frames_ = size_t(got);
        pending_pos_ = 0;
    }

    void release() {
        av_frame_free(&frame_);
        av_packet_free(&packet_);
        swr_free(&swr_);
        avcodec_free_context(&codec_);
        if (format_) avformat_close_input(&format_);
        if (avio_) {
            av_freep(&avio_->buffer);
            avio_context_free(&avio_);
        }
    }

    MemoryInput memory_{nullptr, 0};
    AVIOContext* avio_ = nullptr;
    AVFormatContext* format_ = nullptr;
    AVCodecContext* codec_ = nullptr;
    SwrContext* swr_ = nullptr;
    AVPacket* packet_ = nullptr;
    AVFrame* frame_ = nullptr;
    int stream_index_ = -1;
    bool draining_ = false;
    int64_t remaining_ = -1;
    std::vector<float> pending_;
    size_t pending_frames_ = 0;
    size_t pending_pos_ = 0;
    AudioInfo info_;
};

}  // namespace

std::unique_ptr<AudioDecoder> open_with_ffmpeg(const std::string& path) {
    return std::make_unique<FfmpegDecoder>(path);
}

std::unique_ptr<AudioDecoder> open_with_ffmpeg_memory(const uint8_t* data, size_t size) {
    return std::make_unique<FfmpegDecoder>(data, size);
}

}  // namespace sctx
