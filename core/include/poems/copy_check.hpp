// The copied-text check: no content string may share a run of 20 or more consecutive words with
// a seed (content/README.md, "Own words, machine-checked"). The sentences are ours; the seeds give
// the facts.
//
// Words, as the check counts them: lower-cased runs of letters and digits. An apostrophe, a
// hyphen or a point *inside* a word is kept ("don't", "x-ray", "3.5"); at a word's edge it is
// not ("patients'" -> "patients", "e.g." -> "e.g"). The typographic apostrophe ’ reads as ' and
// the Unicode hyphens U+2010/U+2011 as -. Markdown's `*` is ignored as if it were not there.
// Letters are ASCII, Latin-1, Latin Extended-A/B, Greek and Cyrillic; lower-casing covers ASCII,
// Latin-1, Greek and Cyrillic capitals (enough for English text; no locale, same result everywhere).
//
// Exempt, because they are quoted as published: the citations of every item (anything under a
// "sources" key: seed file names and section headings) and, in sources.json, the bibliographic
// fields "citation", "heading", "within", "title" and "publisher".
//
// Pure: the caller reads the seed files and the content; nothing here does I/O.
#pragma once

#include "poems/json_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// The shortest shared run that counts as a copy (issue 16).
inline constexpr std::size_t kCopyRunLimit = 20;

struct CopyWord {
    std::string text;        // lower-cased, ’ as ', without `*`
    std::size_t begin = 0;   // byte range of the word in the original text (for quoting it)
    std::size_t end = 0;
};

// The words of a UTF-8 text, as the check counts them (rules above).
std::vector<CopyWord> copy_check_words(std::string_view utf8);

struct SeedText {
    std::string file;  // "004_d6f3631363d2922b.txt"
    std::string text;  // its contents
};

// A run of consecutive words a text shares with a seed.
struct SharedRun {
    std::size_t words = 0;       // 0: no shared run of min_run() words or more
    std::size_t seed = 0;        // index into the SeedIndex's seeds
    std::size_t start = 0;       // index of the run's first word in the text's words
    std::size_t seed_start = 0;  // index of the run's first word in the seed's words
};

// Every run of `min_run` consecutive seed words (a shingle), hashed once, so that each content
// string is compared with all seeds in time proportional to its own length.
class SeedIndex {
public:
    explicit SeedIndex(std::vector<SeedText> seeds, std::size_t min_run = kCopyRunLimit);

    // The longest run of at least min_run() words that `words` shares with any seed; on a tie,
    // the first found (seeds in the order given, then position). words == 0 when there is none.
    SharedRun longest_shared_run(const std::vector<CopyWord>& words) const;

    std::size_t min_run() const { return min_run_; }
    std::size_t size() const { return seeds_.size(); }
    const std::string& file(std::size_t seed) const { return seeds_[seed].file; }
    std::size_t word_count() const;  // all seeds' words together

private:
    struct Seed {
        std::string file;
        std::vector<std::string> words;
    };
    struct Shingle {
        std::uint64_t hash;
        std::uint32_t seed;
        std::uint32_t start;
        bool operator<(const Shingle& o) const { return hash < o.hash; }
    };
    std::vector<Seed> seeds_;
    std::vector<Shingle> shingles_;  // sorted by hash
    std::size_t min_run_;
};

struct CopyCheckResult {
    Problems problems;          // one per string with a copied run: file, JSON Pointer, seed, words, start
    std::size_t strings = 0;    // strings compared (the exempt ones not counted)
};

// Compares every string of the parsed content file `doc` (named `file`, e.g. "treatments.json")
// with the seeds, skipping the exempt ones. Each copy becomes a problem such as
//   treatments.json: /items/12/text/en: shares 28 words in a row with seed 004_….txt, from "one of
//   the first targeted immunotherapy trials in …" (in treatments.bcma; write it in our own words: …)
void find_copied_text(const Json& doc, const std::string& file, const SeedIndex& seeds, CopyCheckResult& result);

}  // namespace poems
