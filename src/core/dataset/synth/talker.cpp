#include "dataset/synth/talker.h"

#include <algorithm>
#include <cmath>

#include "audio/resampler.h"
#include "dataset/synth/filters.h"
#include "dataset/synth/level.h"

namespace sctx::synth {

namespace {

// The quietest 10 ms frame within +-radius of `at`: where a cut sounds like a word boundary.
size_t quiet_point(const std::vector<float>& x, size_t at, size_t radius) {
    const size_t lo = at > radius ? at - radius : 0, hi = std::min(x.size(), at + radius);
    size_t best = std::min(at, x.size());
    double best_e = 1e30;
    for (size_t s = lo; s + kFrame <= hi; s += kFrame / 2) {
        const double e = rms(x, s, s + kFrame);
        if (e < best_e) {
            best_e = e;
            best = s + kFrame / 2;
        }
    }
    return best;
}

void append(SpeechAudio& to, const SpeechAudio& from, size_t begin, size_t count) {
    to.samples.insert(to.samples.end(), from.samples.begin() + long(begin), from.samples.begin() + long(begin + count));
    to.active.insert(to.active.end(), from.active.begin() + long(begin), from.active.begin() + long(begin + count));
}

// `need` samples of speech from the voice's utterances, pausing briefly between sentences.
SpeechAudio speech_segment(const VoicePool& voice, size_t need, bool from_sentence_start, UtteranceLoader& loader,
                           Rng& rng) {
    SpeechAudio seg;
    seg.samples.reserve(need + 8000);
    seg.active.reserve(need + 8000);
    const SpeechAudio* x = &loader.get(rng.pick(voice.utterances));
    size_t start = 0;
    if (!from_sentence_start && x->samples.size() > need / 2) {
        const size_t n = x->samples.size();
        const size_t span = n > need ? n - need : n / 2;
        start = quiet_point(x->samples, rng.index(span + 1), 2400);
    }
    while (seg.samples.size() < need) {
        const size_t n = x->samples.size();
        const size_t take = std::min(n - std::min(start, n), need - seg.samples.size());
        append(seg, *x, start, take);
        if (seg.samples.size() >= need) break;
        const size_t pause = size_t(rng.uniform(0.1, 0.35) * kRate);
        seg.samples.insert(seg.samples.end(), pause, 0.f);
        seg.active.insert(seg.active.end(), pause, 0);
        x = &loader.get(rng.pick(voice.utterances));
        start = 0;
    }
    // End between words when there is one nearby; otherwise a short fade hides the cut.
    const size_t end = std::max(quiet_point(seg.samples, need, 1600), need * 3 / 4);
    seg.samples.resize(end);
    seg.active.resize(end);
    fade_edges(seg.samples, 160);
    return seg;
}

SpeechAudio shifted(SpeechAudio x, double shift) {
    if (std::fabs(shift - 1.0) < 1e-6) return x;
    // Read at shift * 16 kHz, write at 16 kHz: played back, everything is `shift` times higher and quicker.
    SpeechAudio y;
    y.samples = resample(x.samples, kRate * shift, kRate);
    y.active.resize(y.samples.size());
    for (size_t i = 0; i < y.active.size(); ++i)
        y.active[i] = x.active[std::min(x.active.size() - 1, size_t(double(i) * shift))];
    return y;
}

void colour(std::vector<float>& x, const TalkerStyle& s) {
    Biquad::peaking(kRate, s.eq_freq, s.eq_q, s.eq_gain_db).apply(x);
    Biquad::highshelf(kRate, 4000, s.shelf_gain_db).apply(x);
}

void to_unit_level(std::vector<float>& x) {
    const double level = active_rms(x, 35);
    if (level > 0) scale(x, 1.0 / level);
}

std::vector<uint8_t> activity_from_segments(const std::vector<std::pair<float, float>>& speech, size_t n) {
    std::vector<uint8_t> a(n, 0);
    for (const auto& [from, to] : speech) {
        const size_t b = std::min(n, size_t(std::max(0.0f, from) * float(kRate)));
        const size_t e = std::min(n, size_t(std::max(0.0f, to) * float(kRate)));
        std::fill(a.begin() + long(b), a.begin() + long(e), uint8_t(1));
    }
    return a;
}

}  // namespace

std::vector<uint8_t> speech_activity(const std::vector<float>& x) {
    const std::vector<double> frames = frame_rms(x);
    const double threshold = active_rms(x, 35) * db_to_gain(-20);
    std::vector<uint8_t> on(frames.size(), 0);
    for (size_t i = 0; i < frames.size(); ++i) on[i] = threshold > 0 && frames[i] >= threshold;
    // Close gaps of up to 5 frames between sounding frames (stop closures), then drop runs of up to 2 frames.
    for (size_t i = 0; i < on.size();) {
        if (on[i]) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < on.size() && !on[j]) ++j;
        if (i > 0 && j < on.size() && j - i <= 5) std::fill(on.begin() + long(i), on.begin() + long(j), uint8_t(1));
        i = j;
    }
    for (size_t i = 0; i < on.size();) {
        if (!on[i]) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < on.size() && on[j]) ++j;
        if (j - i <= 2) std::fill(on.begin() + long(i), on.begin() + long(j), uint8_t(0));
        i = j;
    }
    std::vector<uint8_t> a(x.size(), 0);
    for (size_t i = 0; i < on.size(); ++i)
        if (on[i]) std::fill(a.begin() + long(i * kFrame), a.begin() + long(std::min(x.size(), (i + 1) * kFrame)), 1);
    return a;
}

const SpeechAudio& UtteranceLoader::get(const Utterance& u) {
    auto it = loaded_.find(u.path);
    if (it == loaded_.end()) {
        SpeechAudio s;
        s.samples = load_utterance(u);
        s.active = u.speech.empty() ? speech_activity(s.samples) : activity_from_segments(u.speech, s.samples.size());
        it = loaded_.emplace(u.path, std::move(s)).first;
    }
    return it->second;
}

TalkerStyle TalkerStyle::random(Rng& rng, bool real) {
    TalkerStyle s;
    s.shift = real ? rng.lognormal(1.0, 0.035, 0.92, 1.08) : rng.lognormal(1.0, 0.07, 0.85, 1.18);
    s.eq_freq = std::exp(rng.uniform(std::log(300.0), std::log(3500.0)));
    s.eq_q = rng.uniform(0.7, 2.0);
    s.eq_gain_db = rng.uniform(-5, 5);
    s.shelf_gain_db = rng.uniform(-4, 3);
    return s;
}

TalkerTrack render_talker(const VoicePool& voice, const std::vector<Turn>& turns, int talker, const TalkerStyle& style,
                          const Timeline& timeline, UtteranceLoader& loader, Rng& rng) {
    TalkerTrack track;
    track.samples.assign(timeline.length(), 0.f);
    track.active.assign(timeline.length(), 0);
    for (const auto& t : turns) {
        if (t.talker != talker) continue;
        const long at = timeline.sample(t.start);
        const long until = std::min(timeline.sample(t.end), long(track.samples.size()));
        if (until <= 0) continue;
        // Speech before the timeline's start is never heard: only render what lands on it.
        const long from = std::max(at, 0L);
        const size_t out_len = size_t(until - at);
        const size_t need = size_t(double(out_len) * style.shift);
        const SpeechAudio seg = shifted(speech_segment(voice, need, rng.chance(0.5), loader, rng), style.shift);
        const size_t skip = size_t(from - at);
        if (skip >= seg.samples.size()) continue;
        std::vector<float> part(seg.samples.begin() + long(skip), seg.samples.end());
        mix_into(track.samples, part, from);
        for (size_t i = skip; i < seg.active.size() && size_t(at) + i < track.active.size(); ++i)
            track.active[size_t(at) + i] |= seg.active[i];
    }
    colour(track.samples, style);
    to_unit_level(track.samples);
    return track;
}

std::vector<float> render_chatter(const VoicePool& voice, const TalkerStyle& style, const Timeline& timeline,
                                  UtteranceLoader& loader, Rng& rng) {
    const size_t need = size_t(double(timeline.length()) * style.shift) + 1600;
    std::vector<float> seg = shifted(speech_segment(voice, need, false, loader, rng), style.shift).samples;
    seg.resize(timeline.length(), 0.f);
    colour(seg, style);
    to_unit_level(seg);
    return seg;
}

}  // namespace sctx::synth
