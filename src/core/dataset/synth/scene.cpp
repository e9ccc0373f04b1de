#include "dataset/synth/scene.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "dataset/synth/events.h"
#include "dataset/synth/filters.h"
#include "dataset/synth/frames.h"
#include "dataset/synth/level.h"
#include "dataset/synth/music.h"
#include "dataset/synth/noise.h"
#include "dataset/synth/room.h"
#include "dataset/synth/talker.h"
#include "dataset/synth/turns.h"
#include "util/error.h"

namespace sctx::synth {

namespace {

// Whether two language tags share a language: "en", "en-US" and "en_gb" are one; a real speaker recorded in two
// languages has a list ("en-US;es-MX") and speaks each of them.
bool same_language(const std::string& a, const std::string& b) {
    auto primaries = [](const std::string& tags) {
        std::vector<std::string> out;
        std::string cur;
        bool in_primary = true;
        for (char c : tags + ";") {
            if (c == ';') {
                if (!cur.empty()) out.push_back(cur);
                cur.clear();
                in_primary = true;
            } else if (c == '-' || c == '_') {
                in_primary = false;
            } else if (in_primary) {
                cur += char(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        return out;
    };
    for (const auto& x : primaries(a))
        for (const auto& y : primaries(b))
            if (x == y) return true;
    return false;
}

constexpr double kMinActiveSeconds = 0.5;  // a talker who counts must really be sounding this long
constexpr size_t kFeatureHop = 256;        // the log-mel hop the frame targets are counted in (MelParams default)

std::vector<float> window_of(const std::vector<float>& x, const Timeline& tl) {
    return std::vector<float>(x.begin() + long(tl.pre), x.begin() + long(tl.pre + tl.window));
}

void add_scaled(std::vector<float>& dst, const std::vector<float>& src, double gain) { mix_into(dst, src, 0, gain); }

// Scales x so that its RMS inside the window is `target`.
void set_window_rms(std::vector<float>& x, const Timeline& tl, double target) {
    const double r = rms(x, tl.pre, tl.pre + tl.window);
    if (r > 0) scale(x, target / r);
}

std::vector<float> babble(const VoiceIndex& voices, const std::string& avoid_family, const Timeline& tl,
                          UtteranceLoader& loader, Rng& rng, std::vector<std::string>& used) {
    std::vector<float> mix(tl.length(), 0.f);
    for (const VoicePool* v : voices.draw(size_t(rng.integer(5, 12)), rng, {avoid_family})) {
        TalkerStyle style = TalkerStyle::random(rng, v->voice.engine == Engine::Real);
        add_scaled(mix, render_chatter(*v, style, tl, loader, rng), db_to_gain(rng.uniform(-8, 0)));
        used.push_back(v->voice.id);
    }
    // Many people across a room: diffuse, dull, no one close.
    Rng room_rng = rng.fork(7);
    mix = apply_room(mix, make_room_response(rng.uniform(0.4, 1.0), rng.uniform(-8, -2), room_rng));
    lowpass2(mix, kRate, rng.uniform(3000, 6500));
    normalise_rms(mix);
    return mix;
}

// A quiet room: room tone, sometimes hum, ventilation or distant traffic, and now and then a faint event.
std::vector<float> quiet_background(const Timeline& tl, double rt60, Rng& rng, std::vector<std::string>& what) {
    const size_t n = tl.length();
    std::vector<float> bg = room_tone(n, rng);
    what.push_back("room-tone");
    if (rng.chance(0.25)) {
        add_scaled(bg, hum(n, rng), db_to_gain(rng.uniform(-20, -3)));
        what.push_back("hum");
    }
    if (rng.chance(0.3)) {
        add_scaled(bg, ventilation(n, rng), db_to_gain(rng.uniform(-8, 3)));
        what.push_back("ventilation");
    }
    if (rng.chance(0.1)) {
        std::vector<float> t = traffic(n, rng);
        lowpass2(t, kRate, 500);  // through a closed window
        add_scaled(bg, t, db_to_gain(rng.uniform(-10, 0)));
        what.push_back("distant-traffic");
    }
    normalise_rms(bg);
    const int events = int(rng.weighted({0.45, 0.35, 0.2}));
    for (int e = 0; e < events; ++e) {
        std::string kind;
        std::vector<float> ev = quiet_event(n, rng, kind);
        if (rt60 > 0) ev = apply_room(ev, make_room_response(rt60, rng.uniform(-4, 6), rng));
        const double p = peak(ev);
        if (p > 0) add_scaled(bg, ev, db_to_gain(rng.uniform(15, 35)) / p);
        what.push_back(kind);
    }
    return bg;
}

// The floor under speech: room tone, sometimes hum or ventilation, now and then a faint event. RMS 1.
std::vector<float> speech_floor(const Timeline& tl, Rng& rng, std::vector<std::string>& what) {
    const size_t n = tl.length();
    std::vector<float> bg = room_tone(n, rng);
    what.push_back("room-tone");
    if (rng.chance(0.12)) {
        add_scaled(bg, hum(n, rng), db_to_gain(rng.uniform(-10, 0)));
        what.push_back("hum");
    }
    if (rng.chance(0.15)) {
        add_scaled(bg, ventilation(n, rng), db_to_gain(rng.uniform(-6, 0)));
        what.push_back("ventilation");
    }
    normalise_rms(bg);
    return bg;
}

// The loud background of a noisy scene: one to three kinds mixed. RMS 1 over the window.
std::vector<float> noisy_background(const VoiceIndex& voices, const std::string& talker_family, const Timeline& tl,
                                    double rt60, UtteranceLoader& loader, Rng& rng, SceneRecord& rec) {
    static const char* kKinds[] = {"babble", "traffic", "clatter", "music", "hum", "noise", "ventilation"};
    const std::vector<double> weights{0.3, 0.15, 0.12, 0.15, 0.06, 0.12, 0.1};
    const size_t n = tl.length();
    const int count = int(rng.weighted({0.5, 0.35, 0.15})) + 1;
    std::vector<bool> chosen(weights.size(), false);
    std::vector<float> mix(n, 0.f);
    bool has_babble = false;
    for (int c = 0; c < count; ++c) {
        size_t k = rng.weighted(weights);
        if (chosen[k]) continue;
        chosen[k] = true;
        std::vector<float> part;
        switch (k) {
            case 0:
                part = babble(voices, talker_family, tl, loader, rng, rec.babble_voices);
                has_babble = true;
                break;
            case 1: part = traffic(n, rng); break;
            case 2: part = clatter(n, rng); break;
            case 3: part = music(n, rng); break;
            case 4: part = hum(n, rng); break;
            case 5: part = coloured_noise(n, rng.uniform(-8, 1), rng.chance(0.6), rng); break;
            default: part = ventilation(n, rng); break;
        }
        set_window_rms(part, tl, 1.0);
        add_scaled(mix, part, db_to_gain(rng.uniform(-8, 0)));
        rec.backgrounds.push_back(kKinds[k]);
    }
    if (rt60 > 0 && !has_babble && rng.chance(0.7))
        mix = apply_room(mix, make_room_response(rt60, rng.uniform(-6, 0), rng));
    set_window_rms(mix, tl, 1.0);
    return mix;
}

bool try_scene(SceneClass kind, const VoiceIndex& voices, Rng& rng, Scene& scene) {
    const Timeline tl;
    SceneRecord& rec = scene.record;
    rec = SceneRecord{};
    rec.kind = kind;
    rec.rt60 = rng.chance(0.6) ? rng.uniform(0.15, 0.7) : 0.0;
    UtteranceLoader loader;
    std::vector<float> speech(tl.length(), 0.f);
    std::string main_family;

    if (kind != SceneClass::Quiet) {
        TurnPlan plan = kind == SceneClass::Pair    ? plan_pair(rng)
                        : kind == SceneClass::Group ? plan_group(int(std::min<size_t>(4, voices.families())), rng)
                                                    : plan_monologue(rng);
        const std::string language = rng.chance(0.8) ? voices.random_language(rng) : std::string();
        const auto talkers = voices.draw(size_t(plan.talkers), rng, {}, language);
        if (talkers.size() < size_t(plan.talkers)) return false;
        main_family = talkers[0]->voice.family;
        const auto visible = plan.visible_seconds();
        int sounding = 0;
        std::vector<std::vector<uint8_t>> activity;
        for (int k = 0; k < plan.talkers; ++k) {
            const VoicePool& voice = *talkers[size_t(k)];
            const bool real = voice.voice.engine == Engine::Real;
            const TalkerStyle style = TalkerStyle::random(rng, real);
            TalkerTrack track = render_talker(voice, plan.turns, k, style, tl, loader, rng);
            TalkerRecord tr;
            tr.voice = voice.voice.id;
            tr.family = voice.voice.family;
            tr.real = real;
            tr.shift = style.shift;
            tr.gain_db = plan.talkers > 1 ? std::clamp(rng.normal(0, 3), -7.0, 7.0) : 0.0;
            tr.visible_s = visible[size_t(k)];
            size_t on = 0;
            for (size_t i = tl.pre; i < tl.pre + tl.window && i < track.active.size(); ++i) on += track.active[i];
            tr.active_s = double(on) / kRate;
            for (const auto& t : plan.turns)
                if (t.talker == k && t.visible() > 0)
                    tr.turns.push_back({std::max(0.0, t.start), std::min(kWindowSeconds, t.end)});
            if (tr.active_s >= kMinActiveSeconds) ++sounding;
            if (rec.rt60 > 0)
                track.samples = apply_room(track.samples, make_room_response(rec.rt60, rng.uniform(-3, 12), rng));
            add_scaled(speech, track.samples, db_to_gain(tr.gain_db));
            activity.push_back(std::move(track.active));
            rec.talkers.push_back(std::move(tr));
        }
        std::vector<const std::vector<uint8_t>*> active;
        for (const auto& a : activity) active.push_back(&a);
        const FrameTargets frames = frame_targets(active, tl.pre, 1 + tl.window / kFeatureHop, kFeatureHop);
        rec.frame_voices = frames.voices;
        rec.frame_owner = frames.owner;
        const int needed = kind == SceneClass::Pair ? 2 : kind == SceneClass::Group ? 3 : 1;
        if (sounding < needed) return false;
    }

    if (kind == SceneClass::Quiet) {
        const size_t frames = 1 + tl.window / kFeatureHop;
        rec.frame_voices.assign(frames, '0');
        rec.frame_owner.assign(frames, '-');
    }
    std::vector<float> mix;
    if (kind == SceneClass::Quiet) {
        mix = quiet_background(tl, rec.rt60, rng, rec.backgrounds);
    } else {
        const double speech_level = active_rms(window_of(speech, tl), 30);
        std::vector<float> bg;
        if (kind == SceneClass::Noisy) {
            rec.snr_db = rng.uniform(0, 12);
            bg = noisy_background(voices, main_family, tl, rec.rt60, loader, rng, rec);
        } else {
            rec.snr_db = rng.uniform(15, 45);
            bg = speech_floor(tl, rng, rec.backgrounds);
            if (rng.chance(0.1)) {
                std::string ev_kind;
                std::vector<float> ev = quiet_event(tl.length(), rng, ev_kind);
                // An event sits relative to the speech, the floor to the event: scaled together below.
                add_scaled(bg, ev, db_to_gain(rng.uniform(12, 30)) / std::max(1e-9, peak(ev)));
                rec.backgrounds.push_back(ev_kind);
            }
            set_window_rms(bg, tl, 1.0);
        }
        mix = speech;
        add_scaled(mix, bg, speech_level * db_to_gain(-rec.snr_db));
    }

    rec.channel = apply_channel(mix, rng);
    scene.samples = window_of(mix, tl);
    // Final level: quiet rooms are recorded quiet; speech anywhere from a faint to a hot recording.
    const double r = rms(scene.samples), p = peak(scene.samples);
    if (r <= 0 || p <= 0) return false;
    double gain =
        kind == SceneClass::Quiet ? db_to_gain(rng.uniform(-68, -40)) / r : db_to_gain(rng.uniform(-25, -1)) / p;
    if (p * gain > 0.95) gain = 0.95 / p;
    scale(scene.samples, gain);
    rec.rms_dbfs = gain_to_db(r * gain);
    return true;
}

}  // namespace

VoiceIndex::VoiceIndex(const std::vector<VoicePool>& pools, const std::string& split, double real_share)
    : pools_(pools), real_share_(std::clamp(real_share, 0.0, 1.0)) {
    std::vector<std::string> names_e, names_r, names_p;
    for (size_t i = 0; i < pools.size(); ++i) {
        const Voice& v = pools[i].voice;
        if (v.split != split) continue;
        const bool espeak = v.engine == Engine::Espeak, person = v.engine == Engine::Real;
        auto& names = espeak ? names_e : person ? names_p : names_r;
        auto& fams = espeak ? espeak_ : person ? real_ : recorded_;
        const auto it = std::find(names.begin(), names.end(), v.family);
        members_.push_back(i);
        if (it == names.end()) {
            names.push_back(v.family);
            fams.push_back({i});
        } else {
            fams[size_t(it - names.begin())].push_back(i);
        }
    }
}

bool VoiceIndex::can_make(SceneClass kind) const {
    switch (kind) {
        case SceneClass::Quiet: return true;
        case SceneClass::Monologue:
        case SceneClass::Noisy: return families() >= 1;
        case SceneClass::Pair: return families() >= 2;
        case SceneClass::Group: return families() >= 3;
    }
    return false;
}

bool VoiceIndex::speaks(const std::vector<size_t>& family, const std::string& language) const {
    for (size_t i : family)
        if (same_language(pools_[i].voice.language, language)) return true;
    return false;
}

const std::string& VoiceIndex::random_language(Rng& rng) const {
    static const std::string none;
    return members_.empty() ? none : pools_[members_[rng.index(members_.size())]].voice.language;
}

std::vector<const VoicePool*> VoiceIndex::draw_synthetic(size_t n, Rng& rng, const std::vector<std::string>& avoid,
                                                         const std::string& language) const {
    auto avoided = [&](const std::vector<size_t>& fam) {
        return std::find(avoid.begin(), avoid.end(), pools_[fam[0]].voice.family) != avoid.end();
    };
    std::vector<size_t> free_e, free_r, spare;  // family indices (recorded offset by espeak_.size())
    for (size_t f = 0; f < espeak_.size(); ++f) (avoided(espeak_[f]) ? spare : free_e).push_back(f);
    for (size_t f = 0; f < recorded_.size(); ++f)
        (avoided(recorded_[f]) ? spare : free_r).push_back(espeak_.size() + f);
    auto family = [&](size_t f) -> const std::vector<size_t>& {
        return f < espeak_.size() ? espeak_[f] : recorded_[f - espeak_.size()];
    };
    for (auto* list : {&free_e, &free_r}) {
        rng.shuffle(*list);
        // People in one conversation mostly share a language; a change of language must not be what tells
        // talkers apart (real two-person clips are in one language).
        if (!language.empty())
            std::stable_partition(list->begin(), list->end(), [&](size_t f) { return speaks(family(f), language); });
    }
    // Whole clips of one synthesizer type as often as mixed ones, so "two kinds of synthesizer" never becomes
    // the cue for "more than one talker".
    const size_t mode = rng.weighted({0.45, 0.3, 0.25});
    std::vector<size_t> families;
    if (mode == 0 && free_e.size() >= n) {
        families.assign(free_e.begin(), free_e.begin() + long(n));
    } else if (mode == 1 && free_r.size() >= n) {
        families.assign(free_r.begin(), free_r.begin() + long(n));
    } else {
        // Mixed: the first two talkers are one of each type (so a mixed pair is as common as a mixed group).
        size_t ie = 0, ir = 0;
        const bool first_r = rng.chance(0.5);
        for (size_t k = 0; k < n; ++k) {
            const bool want_r = k == 0 ? first_r : k == 1 ? !first_r : rng.chance(0.5);
            if ((want_r && ir < free_r.size()) || ie >= free_e.size()) {
                if (ir < free_r.size()) families.push_back(free_r[ir++]);
            } else {
                families.push_back(free_e[ie++]);
            }
        }
        for (size_t s = 0; families.size() < n && s < spare.size(); ++s) families.push_back(spare[s]);
    }
    std::vector<const VoicePool*> out;
    for (size_t f : families) {
        std::vector<size_t> members;
        for (size_t i : family(f))
            if (language.empty() || same_language(pools_[i].voice.language, language)) members.push_back(i);
        if (members.empty()) members = family(f);
        out.push_back(&pools_[members[rng.index(members.size())]]);
    }
    return out;
}

size_t VoiceIndex::real_count(size_t n, Rng& rng) const {
    if (real_.empty() || real_share_ <= 0 || n == 0) return 0;
    if (espeak_.empty() && recorded_.empty()) return n;
    // Whole scenes of real people and whole scenes of synthesized voices as well as mixed ones, in proportions
    // that keep the expected share of real talkers at real_share_: neither "real" nor "synthetic" may become the
    // cue for a number of talkers.
    const double all = 0.45;
    const size_t mode = rng.weighted({all * real_share_, all * (1 - real_share_), 1 - all});
    if (mode == 0) return n;
    if (mode == 1) return 0;
    size_t r = 0;
    for (size_t k = 0; k < n; ++k) r += rng.chance(real_share_) ? 1 : 0;
    return r;
}

std::vector<const VoicePool*> VoiceIndex::draw_real(size_t n, Rng& rng, const std::vector<std::string>& avoid,
                                                    const std::string& language) const {
    std::vector<size_t> free, spare;
    for (size_t f = 0; f < real_.size(); ++f)
        (std::find(avoid.begin(), avoid.end(), pools_[real_[f][0]].voice.family) != avoid.end() ? spare : free)
            .push_back(f);
    rng.shuffle(free);
    if (!language.empty())
        std::stable_partition(free.begin(), free.end(), [&](size_t f) { return speaks(real_[f], language); });
    for (size_t s : spare) free.push_back(s);
    std::vector<const VoicePool*> out;
    for (size_t k = 0; k < n && k < free.size(); ++k) {
        const auto& members = real_[free[k]];
        out.push_back(&pools_[members[rng.index(members.size())]]);
    }
    return out;
}

std::vector<const VoicePool*> VoiceIndex::draw(size_t n, Rng& rng, const std::vector<std::string>& avoid,
                                               const std::string& language) const {
    if (real_.empty()) return draw_synthetic(n, rng, avoid, language);
    const size_t want_real = real_count(n, rng);
    std::vector<const VoicePool*> out = draw_real(want_real, rng, avoid, language);
    std::vector<const VoicePool*> synth = draw_synthetic(n - out.size(), rng, avoid, language);
    out.insert(out.end(), synth.begin(), synth.end());
    if (out.size() < n) {  // too few synthetic families: more real people instead
        std::vector<std::string> taken = avoid;
        for (const VoicePool* v : out) taken.push_back(v->voice.family);
        for (const VoicePool* v : draw_real(real_.size(), rng, taken, language)) {
            if (out.size() >= n) break;
            if (std::find(taken.begin(), taken.end(), v->voice.family) == taken.end()) out.push_back(v);
        }
    }
    // Who is talker 0 (the monologue's speaker, the noisy scene's talker) must not depend on the kind of voice.
    rng.shuffle(out);
    return out;
}

Scene make_scene(SceneClass kind, const VoiceIndex& voices, Rng& rng) {
    Scene scene;
    for (uint64_t attempt = 0; attempt < 50; ++attempt) {
        Rng r = rng.fork(attempt);
        if (try_scene(kind, voices, r, scene)) return scene;
    }
    // Only reachable with voices that barely make a sound.
    throw Error("could not compose a clip: the voices' utterances are too short or too quiet");
}

}  // namespace sctx::synth
