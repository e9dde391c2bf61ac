// Folding text for search, so that "hopitaux", "HÔPITAUX" and "Hôpitaux" all find each other.
//
// What is folded (and the honest limit of it):
//   - ASCII letters to lowercase;
//   - Latin-1 Supplement (U+00C0-U+00FF) and Latin Extended-A (U+0100-U+017F) letters to their
//     lowercase ASCII base letters, ligatures spelled out: "É"->"e", "ß"->"ss", "Æ"->"ae",
//     "Œ"->"oe", "Ł"->"l", "Þ"->"th";
//   - punctuation and symbols (ASCII ones, Latin-1 ones such as "×" or no-break space, and the
//     General Punctuation block U+2000-U+206F such as the en dash "–") to a space.
// Everything else (Greek, Cyrillic, Latin Extended-B, Vietnamese, CJK...) is kept as it is:
// it still matches itself exactly, but without case or accent folding. Invalid UTF-8 bytes
// become a space. No locale, no tables beyond these two blocks: the same result everywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace poems {

// The folded text; word separators are kept as single spaces (not collapsed).
std::string fold_for_search(std::string_view utf8);
// The same, appended to `out` (no temporary string: the search folds many fields in a row).
void append_folded_for_search(std::string& out, std::string_view utf8);

// The folded words of a text, in order: "Assistance Publique – Hôpitaux" ->
// {"assistance", "publique", "hopitaux"}.
std::vector<std::string> search_words(std::string_view utf8);

// True when every query word begins some word of the folded `haystack` (as fold_for_search
// returns it). Word starts, not any substring: "paris" finds "Paris", "par" finds it too, but
// "aris" does not. An empty query matches everything.
bool folded_text_matches(std::string_view folded_haystack, const std::vector<std::string>& query_words);

}  // namespace poems
