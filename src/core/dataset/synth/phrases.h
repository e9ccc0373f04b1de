#pragma once
// The built-in phrase lists behind synth_text (data only; kept apart so the generator stays readable).
#include <string>
#include <vector>

namespace sctx::synth::phrases {

struct EnglishGrammar {
    std::vector<std::string> openers, subjects, predicates, tails, questions, replies, sentences;
};
const EnglishGrammar& english();

struct LanguageSentences {
    std::string language;
    std::vector<std::string> sentences;
};
/// Hand-written sentences for every other text language.
const std::vector<LanguageSentences>& other_languages();

}  // namespace sctx::synth::phrases
