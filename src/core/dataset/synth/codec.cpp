#include "dataset/synth/codec.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "audio/resampler.h"
#include "dataset/synth/level.h"
#include "util/error.h"

namespace sctx::synth {

namespace {

struct ContextFree {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
using Context = std::unique_ptr<AVCodecContext, ContextFree>;
using Frame = std::unique_ptr<AVFrame, FrameFree>;
using Packet = std::unique_ptr<AVPacket, PacketFree>;

std::string av_error(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, text, sizeof text);
    return text;
}

bool format_supported(AVSampleFormat f) {
    return f == AV_SAMPLE_FMT_S16 || f == AV_SAMPLE_FMT_S16P || f == AV_SAMPLE_FMT_FLT || f == AV_SAMPLE_FMT_FLTP ||
           f == AV_SAMPLE_FMT_S32 || f == AV_SAMPLE_FMT_S32P;
}

AVSampleFormat pick_format(const AVCodec* codec) {
    if (!codec->sample_fmts) return AV_SAMPLE_FMT_S16;
    for (const AVSampleFormat* f = codec->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
        if (format_supported(*f)) return *f;
    return AV_SAMPLE_FMT_NONE;
}

// Mono frames only: planar and packed layouts are the same for one channel.
void write_samples(AVFrame* f, const float* x, int n) {
    switch (AVSampleFormat(f->format)) {
        case AV_SAMPLE_FMT_S16:
        case AV_SAMPLE_FMT_S16P: {
            auto* d = reinterpret_cast<int16_t*>(f->data[0]);
            for (int i = 0; i < n; ++i) d[i] = int16_t(std::lrint(std::clamp(x[i], -1.f, 1.f) * 32767.f));
            break;
        }
        case AV_SAMPLE_FMT_S32:
        case AV_SAMPLE_FMT_S32P: {
            auto* d = reinterpret_cast<int32_t*>(f->data[0]);
            for (int i = 0; i < n; ++i) d[i] = int32_t(std::lrint(double(std::clamp(x[i], -1.f, 1.f)) * 2147483647.0));
            break;
        }
        default: std::memcpy(f->data[0], x, size_t(n) * sizeof(float)); break;
    }
}

void read_samples(const AVFrame* f, std::vector<float>& out) {
    const int n = f->nb_samples;
    switch (AVSampleFormat(f->format)) {
        case AV_SAMPLE_FMT_S16:
        case AV_SAMPLE_FMT_S16P: {
            const auto* d = reinterpret_cast<const int16_t*>(f->data[0]);
            for (int i = 0; i < n; ++i) out.push_back(float(d[i]) / 32768.f);
            break;
        }
        case AV_SAMPLE_FMT_S32:
        case AV_SAMPLE_FMT_S32P: {
            const auto* d = reinterpret_cast<const int32_t*>(f->data[0]);
            for (int i = 0; i < n; ++i) out.push_back(float(double(d[i]) / 2147483648.0));
            break;
        }
        case AV_SAMPLE_FMT_FLT:
        case AV_SAMPLE_FMT_FLTP: {
            const auto* d = reinterpret_cast<const float*>(f->data[0]);
            out.insert(out.end(), d, d + n);
            break;
        }
        default:
            throw Error(std::string("codec decoder gave sample format ") +
                        av_get_sample_fmt_name(AVSampleFormat(f->format)));
    }
}

// Decoded frames; `rate` is set to their sample rate (FFmpeg's Opus decoder always gives 48 kHz).
void drain_decoder(AVCodecContext* dec, AVFrame* frame, std::vector<float>& out, int& rate) {
    for (;;) {
        const int r = avcodec_receive_frame(dec, frame);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
        if (r < 0) throw Error("codec decoding failed: " + av_error(r));
        if (frame->sample_rate > 0) rate = frame->sample_rate;
        read_samples(frame, out);
    }
}

void drain_encoder(AVCodecContext* enc, AVCodecContext* dec, AVPacket* packet, AVFrame* frame, std::vector<float>& out,
                   int& rate) {
    for (;;) {
        const int r = avcodec_receive_packet(enc, packet);
        if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
        if (r < 0) throw Error("codec encoding failed: " + av_error(r));
        const int s = avcodec_send_packet(dec, packet);
        av_packet_unref(packet);
        if (s < 0 && s != AVERROR(EAGAIN)) throw Error("codec decoding failed: " + av_error(s));
        drain_decoder(dec, frame, out, rate);
    }
}

// The pair of contexts for one codec, opened.
std::pair<Context, Context> open_codec(const CodecSetting& c) {
    const AVCodec* encoder = avcodec_find_encoder_by_name(c.encoder.c_str());
    if (!encoder) throw Error("this FFmpeg has no encoder " + c.encoder);
    const AVCodec* decoder = avcodec_find_decoder(encoder->id);
    if (!decoder) throw Error("this FFmpeg has no decoder for " + c.encoder);
    Context enc(avcodec_alloc_context3(encoder));
    if (!enc) throw Error("out of memory");
    enc->sample_rate = c.rate;
    enc->sample_fmt = pick_format(encoder);
    if (enc->sample_fmt == AV_SAMPLE_FMT_NONE) throw Error("no usable sample format for " + c.encoder);
    av_channel_layout_default(&enc->ch_layout, 1);
    enc->time_base = AVRational{1, c.rate};
    if (c.bitrate > 0) enc->bit_rate = c.bitrate;
    if (!c.option.empty()) av_opt_set(enc->priv_data, c.option.c_str(), c.value.c_str(), 0);
    if (c.encoder == "libopus") av_opt_set(enc->priv_data, "application", "voip", 0);
    int r = avcodec_open2(enc.get(), encoder, nullptr);
    if (r < 0) throw Error("cannot open encoder " + c.describe() + ": " + av_error(r));
    Context dec(avcodec_alloc_context3(decoder));
    if (!dec) throw Error("out of memory");
    dec->sample_rate = c.rate;
    av_channel_layout_default(&dec->ch_layout, 1);
    dec->bits_per_coded_sample = enc->bits_per_coded_sample;  // G.726 needs it
    dec->bit_rate = enc->bit_rate;
    dec->block_align = enc->block_align;
    if (enc->extradata_size > 0) {  // codec2 and Opus describe their mode here
        dec->extradata = static_cast<uint8_t*>(av_mallocz(size_t(enc->extradata_size) + AV_INPUT_BUFFER_PADDING_SIZE));
        if (!dec->extradata) throw Error("out of memory");
        std::memcpy(dec->extradata, enc->extradata, size_t(enc->extradata_size));
        dec->extradata_size = enc->extradata_size;
    }
    r = avcodec_open2(dec.get(), decoder, nullptr);
    if (r < 0) throw Error("cannot open decoder for " + c.describe() + ": " + av_error(r));
    return {std::move(enc), std::move(dec)};
}

// A loudness envelope with one value per millisecond (RMS over 5 ms), without its mean: what stays the same
// through any codec, whatever it does to the waveform's phase.
std::vector<double> envelope(const std::vector<float>& x, int rate) {
    const size_t hop = size_t(std::max(1, rate / 1000)), span = 5 * hop;
    std::vector<double> e;
    for (size_t start = 0; start + span <= x.size(); start += hop) {
        double s = 0;
        for (size_t i = start; i < start + span; ++i) s += double(x[i]) * x[i];
        e.push_back(std::sqrt(s / double(span)));
    }
    double mean = 0;
    for (double v : e) mean += v;
    mean /= double(std::max<size_t>(1, e.size()));
    for (double& v : e) v -= mean;
    return e;
}

// The delay of y against x, in samples (-5 to +150 ms), where their envelopes match best. Waveform correlation
// is fooled by voiced speech (every pitch period looks alike) and by codecs that shift phase.
long best_lag(const std::vector<float>& x, const std::vector<float>& y, int rate) {
    const std::vector<double> ex = envelope(x, rate), ey = envelope(y, rate);
    long best = 0;
    double best_v = -1e300;
    for (long lag = -5; lag <= 150; ++lag) {
        double v = 0;
        for (size_t i = 0; i < ex.size(); ++i) {
            const long j = long(i) + lag;
            if (j >= 0 && size_t(j) < ey.size()) v += ex[i] * ey[size_t(j)];
        }
        if (v > best_v) best_v = v, best = lag;
    }
    return best * std::max(1, rate / 1000);
}

}  // namespace

std::string CodecSetting::describe() const {
    std::string s = encoder + "@" + std::to_string(rate / 1000) + "k";
    if (bitrate > 0) s += "/" + std::to_string(bitrate / 1000) + "kbps";
    if (!option.empty()) s += "/" + option + "=" + value;
    return s;
}

CodecSetting random_codec(Rng& rng) {
    CodecSetting c;
    switch (rng.weighted({0.10, 0.10, 0.07, 0.08, 0.08, 0.17, 0.08, 0.12, 0.08, 0.05, 0.07})) {
        case 0: c = {"pcm_mulaw", 8000, 0, {}, {}}; break;
        case 1: c = {"libgsm", 8000, 0, {}, {}}; break;
        case 2: c = {"pcm_alaw", 8000, 0, {}, {}}; break;
        case 3: c = {"g726", 8000, 16000L * long(rng.integer(1, 2)), {}, {}}; break;  // 16 or 32 kbit/s
        case 4: c = {"g722", 16000, 64000, {}, {}}; break;
        case 5: {
            static const int rates[] = {8000, 12000, 16000};
            c = {"libopus", rates[rng.index(3)], 1000L * rng.integer(6, 24), {}, {}};
            break;
        }
        case 6: {
            static const char* modes[] = {"3200", "2400", "1600", "1300", "1200", "700C"};
            c = {"libcodec2", 8000, 0, "mode", modes[rng.index(6)]};
            break;
        }
        case 7: c = {"libmp3lame", rng.chance(0.5) ? 16000 : 22050, 8000L * rng.integer(2, 6), {}, {}}; break;
        case 8:
            c = {"libspeex", rng.chance(0.5) ? 8000 : 16000, 0, "cbr_quality", std::to_string(rng.integer(2, 8))};
            break;
        case 9: c = {"libvorbis", 16000, 1000L * rng.integer(16, 32), {}, {}}; break;
        default: c = {"aac", 16000, 1000L * rng.integer(16, 32), {}, {}}; break;
    }
    return c;
}

bool codec_available(const CodecSetting& c) {
    const AVCodec* e = avcodec_find_encoder_by_name(c.encoder.c_str());
    return e && avcodec_find_decoder(e->id);
}

std::vector<float> through_codec(const std::vector<float>& x16k, const CodecSetting& c) {
    av_log_set_level(AV_LOG_ERROR);
    auto [enc, dec] = open_codec(c);
    const std::vector<float> x = c.rate == kRate ? x16k : resample(x16k, kRate, c.rate);
    const int frame_size = enc->frame_size > 0 ? enc->frame_size : 1024;
    Frame frame(av_frame_alloc()), out_frame(av_frame_alloc());
    Packet packet(av_packet_alloc());
    if (!frame || !out_frame || !packet) throw Error("out of memory");
    frame->nb_samples = frame_size;
    frame->format = enc->sample_fmt;
    frame->sample_rate = c.rate;
    av_channel_layout_copy(&frame->ch_layout, &enc->ch_layout);
    if (av_frame_get_buffer(frame.get(), 0) < 0) throw Error("out of memory");
    std::vector<float> y;
    int out_rate = c.rate;
    std::vector<float> chunk(static_cast<size_t>(frame_size));
    y.reserve(x.size() + 8192);
    // A little silence after the signal lets the codec's look-ahead flush it all out.
    const size_t total = x.size() + size_t(c.rate / 4);
    for (size_t pos = 0; pos < total; pos += size_t(frame_size)) {
        if (av_frame_make_writable(frame.get()) < 0) throw Error("out of memory");
        std::fill(chunk.begin(), chunk.end(), 0.f);
        for (size_t i = 0; i < chunk.size() && pos + i < x.size(); ++i) chunk[i] = x[pos + i];
        write_samples(frame.get(), chunk.data(), frame_size);
        frame->pts = int64_t(pos);
        const int r = avcodec_send_frame(enc.get(), frame.get());
        if (r < 0) throw Error("codec encoding failed (" + c.describe() + "): " + av_error(r));
        drain_encoder(enc.get(), dec.get(), packet.get(), out_frame.get(), y, out_rate);
    }
    avcodec_send_frame(enc.get(), nullptr);
    drain_encoder(enc.get(), dec.get(), packet.get(), out_frame.get(), y, out_rate);
    avcodec_send_packet(dec.get(), nullptr);
    drain_decoder(dec.get(), out_frame.get(), y, out_rate);
    if (y.empty()) throw Error("codec " + c.describe() + " produced no audio");

    // Back to 16 kHz, then undo the codec's delay (its look-ahead, up to ~120 ms for MP3 and AAC).
    if (out_rate != kRate) y = resample(y, out_rate, kRate);
    const long lag = best_lag(x16k, y, kRate);
    std::vector<float> aligned(x16k.size(), 0.f);
    for (size_t i = 0; i < aligned.size(); ++i) {
        const long j = long(i) + lag;
        if (j >= 0 && size_t(j) < y.size()) aligned[i] = y[size_t(j)];
    }
    return aligned;
}

}  // namespace sctx::synth
