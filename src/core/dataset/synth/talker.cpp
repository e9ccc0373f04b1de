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

// `need` samples of speech from the voice's utterances, pausing briefly between sentences.
std::vector<float> speech_segment(const VoicePool& voice, size_t need, bool from_sentence_start,
                                  UtteranceLoader& loader, Rng& rng) {
    std::vector<float> seg;
    seg.reserve(need + 8000);
    const std::vector<float>* x = &loader.get(rng.pick(voice.utterances));
    size_t start = 0;
    if (!from_sentence_start && x->size() > need / 2) {
        const size_t span = x->size() > need ? x->size() - need : x->size() / 2;
        start = quiet_point(*x, rng.index(span + 1), 2400);
    }
    while (seg.size() < need) {
        const size_t take = std::min(x->size() - std::min(start, x->size()), need - seg.size());
        seg.insert(seg.end(), x->begin() + long(start), x->begin() + long(start + take));
        if (seg.size() >= need) break;
        seg.insert(seg.end(), size_t(rng.uniform(0.1, 0.35) * kRate), 0.f);
        x = &loader.get(rng.pick(voice.utterances));
        start = 0;
    }
    // End between words when there is one nearby; otherwise a short fade hides the cut.
    const size_t end = quiet_point(seg, need, 1600);
    seg.resize(std::max(end, need * 3 / 4));
    fade_edges(seg, 160);
    return seg;
}

std::vector<float> shifted(const std::vector<float>& x, double shift) {
    if (std::fabs(shift - 1.0) < 1e-6) return x;
    // Read at shift * 16 kHz, write at 16 kHz: played back, everything is `shift` times higher and quicker.
    return resample(x, kRate * shift, kRate);
}

void colour(std::vector<float>& x, const TalkerStyle& s) {
    Biquad::peaking(kRate, s.eq_freq, s.eq_q, s.eq_gain_db).apply(x);
    Biquad::highshelf(kRate, 4000, s.shelf_gain_db).apply(x);
}

void to_unit_level(std::vector<float>& x) {
    const double level = active_rms(x, 35);
    if (level > 0) scale(x, 1.0 / level);
}

}  // namespace

const std::vector<float>& UtteranceLoader::get(const Utterance& u) {
    auto it = loaded_.find(u.path);
    if (it == loaded_.end()) it = loaded_.emplace(u.path, load_utterance(u)).first;
    return it->second;
}

TalkerStyle TalkerStyle::random(Rng& rng) {
    TalkerStyle s;
    s.shift = rng.lognormal(1.0, 0.07, 0.85, 1.18);
    s.eq_freq = std::exp(rng.uniform(std::log(300.0), std::log(3500.0)));
    s.eq_q = rng.uniform(0.7, 2.0);
    s.eq_gain_db = rng.uniform(-5, 5);
    s.shelf_gain_db = rng.uniform(-4, 3);
    return s;
}

std::vector<float> render_talker(const VoicePool& voice, const std::vector<Turn>& turns, int talker,
                                 const TalkerStyle& style, const Timeline& timeline, UtteranceLoader& loader,
                                 Rng& rng) {
    std::vector<float> track(timeline.length(), 0.f);
    for (const auto& t : turns) {
        if (t.talker != talker) continue;
        const long at = timeline.sample(t.start);
        const long until = std::min(timeline.sample(t.end), long(track.size()));
        if (until <= 0) continue;
        // Speech before the timeline's start is never heard: only render what lands on it.
        const long from = std::max(at, 0L);
        const size_t out_len = size_t(until - at);
        const size_t need = size_t(double(out_len) * style.shift);
        std::vector<float> seg = shifted(speech_segment(voice, need, rng.chance(0.5), loader, rng), style.shift);
        const size_t skip = size_t(from - at);
        if (skip >= seg.size()) continue;
        std::vector<float> part(seg.begin() + long(skip), seg.end());
        mix_into(track, part, from);
    }
    colour(track, style);
    to_unit_level(track);
    return track;
}

std::vector<float> render_chatter(const VoicePool& voice, const TalkerStyle& style, const Timeline& timeline,
                                  UtteranceLoader& loader, Rng& rng) {
    const size_t need = size_t(double(timeline.length()) * style.shift) + 1600;
    std::vector<float> seg = shifted(speech_segment(voice, need, false, loader, rng), style.shift);
    seg.resize(timeline.length(), 0.f);
    colour(seg, style);
    to_unit_level(seg);
    return seg;
}

}  // namespace sctx::synth
