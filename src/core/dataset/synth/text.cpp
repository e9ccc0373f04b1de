#include "dataset/synth/text.h"

#include <algorithm>
#include <map>

#include "dataset/synth/phrases.h"

namespace sctx::synth {

namespace {

std::string capitalise(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
    return s;
}

// "I" and names keep their case after an opener; everything else starts lower case there.
std::string after_opener(const std::string& subject) {
    if (subject == "I" || subject.empty()) return subject;
    if (subject[0] >= 'A' && subject[0] <= 'Z' && subject.find(' ') == std::string::npos) return subject;
    std::string s = subject;
    if (s[0] >= 'A' && s[0] <= 'Z') s[0] = char(s[0] - 'A' + 'a');
    return s;
}

std::string english_statement(Rng& rng) {
    const auto& g = phrases::english();
    std::string s;
    const bool opener = rng.chance(0.4);
    const std::string& subject = rng.pick(g.subjects);
    if (opener)
        s = rng.pick(g.openers) + " " + after_opener(subject);
    else
        s = capitalise(subject);
    s += " " + rng.pick(g.predicates);
    const std::string& tail = rng.pick(g.tails);
    if (!tail.empty()) s += ", " + tail;
    s += rng.chance(0.1) ? "!" : ".";
    return s;
}

std::string english_sentence(Rng& rng) {
    const auto& g = phrases::english();
    switch (rng.weighted({0.45, 0.25, 0.15, 0.15})) {
        case 0: return english_statement(rng);
        case 1: return rng.pick(g.sentences);
        case 2: return rng.pick(g.questions);
        default: return rng.pick(g.replies);
    }
}

const std::vector<std::string>* sentences_for(const std::string& language) {
    for (const auto& l : phrases::other_languages())
        if (l.language == language) return &l.sentences;
    return nullptr;
}

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes come back as U+FFFD.
char32_t next_code_point(const std::string& s, size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || (extra > 0 && i + size_t(extra) >= s.size())) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    i += size_t(extra) + 1;
    return cp;
}

}  // namespace

const std::vector<std::string>& text_languages() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> v{"en"};
        for (const auto& l : phrases::other_languages()) v.push_back(l.language);
        return v;
    }();
    return all;
}

bool has_text_language(const std::string& language) {
    const auto& all = text_languages();
    return std::find(all.begin(), all.end(), language) != all.end();
}

std::string make_utterance_text(const std::string& language, Rng& rng) {
    const size_t count = 1 + rng.weighted({0.4, 0.45, 0.15});
    const std::vector<std::string>* list = sentences_for(language);
    std::string text;
    std::vector<size_t> used;
    for (size_t i = 0; i < count; ++i) {
        std::string sentence;
        if (!list) {
            sentence = english_sentence(rng);
        } else {
            size_t k = rng.index(list->size());
            for (int tries = 0; tries < 4 && std::find(used.begin(), used.end(), k) != used.end(); ++tries)
                k = rng.index(list->size());
            used.push_back(k);
            sentence = (*list)[k];
        }
        if (!text.empty()) text += " ";
        text += sentence;
    }
    return text;
}

std::string to_8bit(const std::string& utf8, Charset charset) {
    // ISO-8859-2 positions of the Czech/Polish letters that Latin-1 lacks, and plain fallbacks for both.
    static const std::map<char32_t, std::pair<unsigned char, char>> extra{
        {U'č', {0xE8, 'c'}}, {U'Č', {0xC8, 'C'}}, {U'ě', {0xEC, 'e'}}, {U'Ě', {0xCC, 'E'}}, {U'ň', {0xF2, 'n'}},
        {U'ř', {0xF8, 'r'}}, {U'Ř', {0xD8, 'R'}}, {U'š', {0xB9, 's'}}, {U'Š', {0xA9, 'S'}}, {U'ť', {0xBB, 't'}},
        {U'ž', {0xBE, 'z'}}, {U'Ž', {0xAE, 'Z'}}, {U'ů', {0xF9, 'u'}}, {U'ď', {0xEF, 'd'}}, {U'ł', {0xB3, 'l'}},
        {U'ą', {0xB1, 'a'}}, {U'ę', {0xEA, 'e'}}, {U'ś', {0xB6, 's'}}, {U'ć', {0xE6, 'c'}}, {U'ń', {0xF1, 'n'}},
        {U'ż', {0xBF, 'z'}}, {U'ź', {0xBC, 'z'}}, {U'œ', {0, 'e'}},    {U'’', {0, '\''}}};
    // Latin-1 letters that ISO-8859-2 also has at the same position (enough for the Czech sentences).
    static const std::u32string shared = U"áéíóúýÁÉÍÓÚÝäöüÄÖÜß";
    std::string out;
    for (size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp < 0x80) {
            out += char(cp);
            continue;
        }
        if (charset == Charset::Latin1 && cp < 0x100) {
            out += char(static_cast<unsigned char>(cp));
            continue;
        }
        if (charset == Charset::Latin2 && shared.find(cp) != std::u32string::npos) {
            out += char(static_cast<unsigned char>(cp));
            continue;
        }
        const auto it = extra.find(cp);
        if (it == extra.end()) continue;
        if (charset == Charset::Latin2 && it->second.first)
            out += char(it->second.first);
        else
            out += it->second.second;
    }
    return out;
}

}  // namespace sctx::synth
