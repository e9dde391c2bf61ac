// The copied-text check (copy_check.hpp): a tokenizer, a hash index of the seeds' 20-word runs,
// and a walk over a content file's strings.
#include "poems/copy_check.hpp"

#include <algorithm>

namespace poems {

namespace {

// One code point of UTF-8 at `i`; `len` is how many bytes it takes. Invalid bytes decode as
// U+FFFD (a separator) one byte at a time.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
    auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto at = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    len = 1;
    if (b < 0x80) return b;
    if (b >= 0xC2 && b < 0xE0 && cont(1)) {
        len = 2;
        return (static_cast<char32_t>(b & 0x1F) << 6) | at(1);
    }
    if (b >= 0xE0 && b < 0xF0 && cont(1) && cont(2)) {
        char32_t c = (static_cast<char32_t>(b & 0x0F) << 12) | (at(1) << 6) | at(2);
        if (c < 0x800) return 0xFFFD;
        len = 3;
        return c;
    }
    if (b >= 0xF0 && b < 0xF5 && cont(1) && cont(2) && cont(3)) {
        char32_t c = (static_cast<char32_t>(b & 0x07) << 18) | (at(1) << 12) | (at(2) << 6) | at(3);
        if (c < 0x10000 || c > 0x10FFFF) return 0xFFFD;
        len = 4;
        return c;
    }
    return 0xFFFD;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_letter_or_digit(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;           // ª µ º
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;    // Latin-1 letters, Latin Extended-A/B (not × ÷)
    if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387;  // Greek (not its ; and ·)
    return c >= 0x400 && c <= 0x4FF;                                // Cyrillic
}

char32_t lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À-Þ
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek capitals
    if (c >= 0x410 && c <= 0x42F) return c + 32;              // Cyrillic А-Я
    if (c >= 0x400 && c <= 0x40F) return c + 80;              // Cyrillic Ѐ-Џ
    return c;
}

// What a joining character inside a word becomes, or 0 when `c` does not join.
char32_t joiner(char32_t c) {
    switch (c) {
    case '\'': case 0x2019: return '\'';
    case '-': case 0x2010: case 0x2011: return '-';
    case '.': return '.';
    default: return 0;
    }
}

std::uint64_t word_hash(const std::string& w) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
    return h;
}

constexpr std::uint64_t kBase = 0x9E3779B97F4A7C15ull;  // odd: the rolling hash's multiplier

// Hashes of every run of `n` consecutive words (rolling polynomial hash, arithmetic mod 2^64).
template <class Words, class Text>
std::vector<std::uint64_t> run_hashes(const Words& words, std::size_t n, Text text) {
    std::vector<std::uint64_t> out;
    if (n == 0 || words.size() < n) return out;
    std::uint64_t top = 1;  // kBase^(n-1)
    for (std::size_t i = 1; i < n; ++i) top *= kBase;
    std::vector<std::uint64_t> h(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) h[i] = word_hash(text(words[i]));
    std::uint64_t run = 0;
    for (std::size_t i = 0; i < n; ++i) run = run * kBase + h[i];
    out.reserve(words.size() - n + 1);
    out.push_back(run);
    for (std::size_t i = n; i < words.size(); ++i) {
        run = (run - h[i - n] * top) * kBase + h[i];
        out.push_back(run);
    }
    return out;
}

// "Belantamab mafodotin and teclistamab, two …": the first few words of a run as written.
std::string quote_start(std::string_view text, const std::vector<CopyWord>& words, std::size_t start,
                        std::size_t count) {
    constexpr std::size_t kShown = 8;
    std::size_t last = start + std::min(count, kShown) - 1;
    std::string_view part = text.substr(words[start].begin, words[last].end - words[start].begin);
    std::string out;
    bool space = false;
    for (char c : part) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    if (count > kShown) out += " \xE2\x80\xA6";  // " …"
    return out;
}

}  // namespace

std::vector<CopyWord> copy_check_words(std::string_view s) {
    std::vector<CopyWord> out;
    CopyWord word;
    bool in_word = false;
    std::size_t i = 0;
    auto finish = [&] {
        if (in_word) out.push_back(std::move(word));
        word = {};
        in_word = false;
    };
    while (i < s.size()) {
        std::size_t len = 0;
        char32_t c = decode(s, i, len);
        if (c == '*') {  // markdown emphasis: as if absent, so it neither splits nor ends a word
            i += len;
            continue;
        }
        if (is_letter_or_digit(c)) {
            if (!in_word) {
                in_word = true;
                word.begin = i;
            }
            append_utf8(word.text, lower(c));
            i += len;
            word.end = i;
            continue;
        }
        if (char32_t j = joiner(c); j && in_word) {
            // Kept only between two letters or digits (skipping any `*` in between).
            std::size_t k = i + len, next_len = 0;
            char32_t next = 0;
            while (k < s.size() && (next = decode(s, k, next_len)) == '*') k += next_len;
            if (k < s.size() && is_letter_or_digit(next)) {
                append_utf8(word.text, j);
                i = k;
                continue;
            }
        }
        finish();
        i += len;
    }
    finish();
    return out;
}

SeedIndex::SeedIndex(std::vector<SeedText> seeds, std::size_t min_run) : min_run_(std::max<std::size_t>(min_run, 1)) {
    for (auto& s : seeds) {
        Seed seed{std::move(s.file), {}};
        for (auto& w : copy_check_words(s.text)) seed.words.push_back(std::move(w.text));
        auto hashes = run_hashes(seed.words, min_run_, [](const std::string& w) -> const std::string& { return w; });
        for (std::size_t i = 0; i < hashes.size(); ++i)
            shingles_.push_back({hashes[i], static_cast<std::uint32_t>(seeds_.size()), static_cast<std::uint32_t>(i)});
        seeds_.push_back(std::move(seed));
    }
    std::stable_sort(shingles_.begin(), shingles_.end());
}

std::size_t SeedIndex::word_count() const {
    std::size_t n = 0;
    for (const auto& s : seeds_) n += s.words.size();
    return n;
}

SharedRun SeedIndex::longest_shared_run(const std::vector<CopyWord>& words) const {
    SharedRun best;
    auto hashes = run_hashes(words, min_run_, [](const CopyWord& w) -> const std::string& { return w.text; });
    for (std::size_t i = 0; i < hashes.size(); ++i) {
        auto [lo, hi] = std::equal_range(shingles_.begin(), shingles_.end(), Shingle{hashes[i], 0, 0});
        for (auto it = lo; it != hi; ++it) {
            const auto& seed = seeds_[it->seed].words;
            std::size_t j = it->start;
            // A run that also matches one word earlier was measured from there already.
            if (i > 0 && j > 0 && words[i - 1].text == seed[j - 1]) continue;
            std::size_t k = 0;
            while (i + k < words.size() && j + k < seed.size() && words[i + k].text == seed[j + k]) ++k;
            if (k >= min_run_ && k > best.words) best = {k, it->seed, i, j};  // (k < min_run_: a hash collision)
        }
    }
    return best;
}

namespace {

bool exempt_key(std::string_view key, bool in_sources_file) {
    if (key == "sources") return true;  // citations: seed file names and section headings
    if (!in_sources_file) return false;
    return key == "citation" || key == "heading" || key == "within" || key == "title" || key == "publisher";
}

// `item` is the id of the nearest enclosing object that has one, named in the message.
void walk(const Json& value, const std::string& path, const std::string& file, bool in_sources_file,
          std::string_view item, const SeedIndex& seeds, CopyCheckResult& result) {
    if (value.is_object()) {
        if (auto id = value.find("id"); id != value.end() && id->is_string()) item = id->get_ref<const std::string&>();
        for (const auto& [key, child] : value.items())
            if (!exempt_key(key, in_sources_file))
                walk(child, pointer_child(path, key), file, in_sources_file, item, seeds, result);
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            walk(value[i], pointer_child(path, i), file, in_sources_file, item, seeds, result);
    } else if (value.is_string()) {
        ++result.strings;
        const auto& text = value.get_ref<const std::string&>();
        auto words = copy_check_words(text);
        SharedRun run = seeds.longest_shared_run(words);
        if (run.words == 0) return;
        result.problems.push_back(
            {file, path,
             "shares " + std::to_string(run.words) + " words in a row with seed " + seeds.file(run.seed) + ", from \"" +
                 quote_start(text, words, run.start, run.words) + "\" (" + (item.empty() ? "" : "in " + std::string(item) + "; ") +
                 "write it in our own words: at most " + std::to_string(seeds.min_run() - 1) +
                 " words in a row may match a seed)"});
    }
}

}  // namespace

void find_copied_text(const Json& doc, const std::string& file, const SeedIndex& seeds, CopyCheckResult& result) {
    walk(doc, "", file, file == "sources.json", "", seeds, result);
}

}  // namespace poems
