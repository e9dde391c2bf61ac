#include "poems/text_fold.hpp"

#include <cstdint>

namespace poems {

namespace {

struct FoldRange {
    char32_t first, last;
    const char* ascii;  // nullptr: a separator
};

// Latin-1 Supplement and Latin Extended-A, in code point order. Upper and lower case share a
// range where they alternate, so the table stays short enough to check by eye.
constexpr FoldRange kFolds[] = {
    {0x00A0, 0x00BF, nullptr},  // no-break space, currency, quotes, ordinal marks, ...
    {0x00C0, 0x00C5, "a"}, {0x00C6, 0x00C6, "ae"}, {0x00C7, 0x00C7, "c"}, {0x00C8, 0x00CB, "e"},
    {0x00CC, 0x00CF, "i"}, {0x00D0, 0x00D0, "d"}, {0x00D1, 0x00D1, "n"}, {0x00D2, 0x00D6, "o"},
    {0x00D7, 0x00D7, nullptr},  // multiplication sign
    {0x00D8, 0x00D8, "o"}, {0x00D9, 0x00DC, "u"}, {0x00DD, 0x00DD, "y"}, {0x00DE, 0x00DE, "th"},
    {0x00DF, 0x00DF, "ss"},
    {0x00E0, 0x00E5, "a"}, {0x00E6, 0x00E6, "ae"}, {0x00E7, 0x00E7, "c"}, {0x00E8, 0x00EB, "e"},
    {0x00EC, 0x00EF, "i"}, {0x00F0, 0x00F0, "d"}, {0x00F1, 0x00F1, "n"}, {0x00F2, 0x00F6, "o"},
    {0x00F7, 0x00F7, nullptr},  // division sign
    {0x00F8, 0x00F8, "o"}, {0x00F9, 0x00FC, "u"}, {0x00FD, 0x00FD, "y"}, {0x00FE, 0x00FE, "th"},
    {0x00FF, 0x00FF, "y"},
    {0x0100, 0x0105, "a"}, {0x0106, 0x010D, "c"}, {0x010E, 0x0111, "d"}, {0x0112, 0x011B, "e"},
    {0x011C, 0x0123, "g"}, {0x0124, 0x0127, "h"}, {0x0128, 0x0131, "i"}, {0x0132, 0x0133, "ij"},
    {0x0134, 0x0135, "j"}, {0x0136, 0x0138, "k"}, {0x0139, 0x0142, "l"}, {0x0143, 0x014B, "n"},
    {0x014C, 0x0151, "o"}, {0x0152, 0x0153, "oe"}, {0x0154, 0x0159, "r"}, {0x015A, 0x0161, "s"},
    {0x0162, 0x0167, "t"}, {0x0168, 0x0173, "u"}, {0x0174, 0x0175, "w"}, {0x0176, 0x0178, "y"},
    {0x0179, 0x017E, "z"}, {0x017F, 0x017F, "s"},
    {0x2000, 0x206F, nullptr},  // General Punctuation: dashes, curly quotes, spaces, bullets
};

// kFolds expanded into a direct table for U+00A0-U+017F (the hot path), built once.
struct DirectTable {
    static constexpr char32_t kFirst = 0x00A0, kLast = 0x017F;
    const char* fold[kLast - kFirst + 1] = {};
    bool known[kLast - kFirst + 1] = {};
    DirectTable() {
        for (const auto& r : kFolds)
            for (char32_t cp = r.first; cp <= r.last; ++cp)
                if (cp >= kFirst && cp <= kLast) {
                    fold[cp - kFirst] = r.ascii;
                    known[cp - kFirst] = true;
                }
    }
};

// Returns true when `cp` is folded; `ascii` is then its letters, or nullptr for a separator.
bool find_fold(char32_t cp, const char*& ascii) {
    static const DirectTable table;
    if (cp >= DirectTable::kFirst && cp <= DirectTable::kLast) {
        ascii = table.fold[cp - DirectTable::kFirst];
        return table.known[cp - DirectTable::kFirst];
    }
    if (cp >= 0x2000 && cp <= 0x206F) {
        ascii = nullptr;
        return true;
    }
    return false;
}

// ASCII: letters lowercased, digits kept, everything else a separator.
struct AsciiTable {
    char map[128] = {};
    AsciiTable() {
        for (int c = 0; c < 128; ++c)
            map[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? char(c) : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : ' ';
    }
};

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and truncated sequences included).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = static_cast<std::uint8_t>(s[i]);
    std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        auto c = static_cast<std::uint8_t>(s[i + k]);
        if ((c & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

}  // namespace

void append_folded_for_search(std::string& out, std::string_view s) {
    static const AsciiTable ascii;
    for (std::size_t i = 0; i < s.size();) {
        // A run of ASCII (nearly all text): map it in one tight loop into space made at once.
        std::size_t run = i;
        while (run < s.size() && static_cast<unsigned char>(s[run]) < 0x80) ++run;
        if (run > i) {
            std::size_t at = out.size();
            out.resize(at + (run - i));
            char* dst = out.data() + at;
            for (std::size_t k = i; k < run; ++k) *dst++ = ascii.map[static_cast<unsigned char>(s[k])];
            i = run;
            if (i == s.size()) break;
        }
        char32_t cp = 0;
        std::size_t len = decode_utf8(s, i, cp);
        if (len == 0) {
            out += ' ';
            ++i;
            continue;
        }
        const char* folded = nullptr;
        if (find_fold(cp, folded)) out += folded ? folded : " ";
        else out.append(s.substr(i, len));
        i += len;
    }
}

std::string fold_for_search(std::string_view s) {
    std::string out;
    append_folded_for_search(out, s);
    return out;
}

std::vector<std::string> search_words(std::string_view utf8) {
    std::string folded = fold_for_search(utf8);
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < folded.size()) {
        while (i < folded.size() && folded[i] == ' ') ++i;
        std::size_t start = i;
        while (i < folded.size() && folded[i] != ' ') ++i;
        if (i > start) words.emplace_back(folded.substr(start, i - start));
    }
    return words;
}

bool folded_text_matches(std::string_view hay, const std::vector<std::string>& query_words) {
    for (const auto& word : query_words) {
        bool found = false;
        for (std::size_t at = hay.find(word); at != std::string_view::npos; at = hay.find(word, at + 1)) {
            if (at == 0 || hay[at - 1] == ' ') {
                found = true;
                break;
            }
        }
        if (!found) return false;
    }
    return true;
}

}  // namespace poems
