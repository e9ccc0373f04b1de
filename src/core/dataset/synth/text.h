#pragma once
// What the synthetic talkers say: conversational sentences, generated from built-in phrase lists. English gets
// a small grammar (openers, subjects, predicates, tails) so that thousands of utterances rarely repeat; the
// other languages have hand-written sentence lists that are combined. The words matter less than their
// rhythm: statements, questions, short replies, commas, so the synthesizers produce natural phrasing.
#include <string>
#include <vector>

#include "util/random.h"

namespace sctx::synth {

/// Languages with their own text ("en", "de", "fr", ...).
const std::vector<std::string>& text_languages();
bool has_text_language(const std::string& language);

/// One utterance of one to three sentences (UTF-8). Unknown languages get English.
std::string make_utterance_text(const std::string& language, Rng& rng);

/// Festival's European voices read 8-bit text: ISO-8859-1 (Finnish, Italian, Catalan) or ISO-8859-2 (Czech).
/// Characters the encoding lacks become their plain letter.
enum class Charset { Latin1, Latin2 };
std::string to_8bit(const std::string& utf8, Charset charset);

}  // namespace sctx::synth
