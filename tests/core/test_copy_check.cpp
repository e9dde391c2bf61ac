// The copied-text check (issue 16): how words are counted, where the 20-word line falls, and
// what a reported copy says. The seeds here are made-up sentences, never a real seed.
#include "catch.hpp"
#include "poems/copy_check.hpp"

#include <string>
#include <vector>

using poems::copy_check_words;
using poems::SeedIndex;
using Catch::Matchers::ContainsSubstring;

namespace {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& w : copy_check_words(text)) out.push_back(w.text);
    return out;
}

using Words = std::vector<std::string>;

// 30 distinct words: "w1 w2 ... w30" would hash alike in no useful way, so use real-looking ones.
const std::string kSeed =
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
    "quebec romeo sierra tango uniform victor whiskey xray yankee zulu one two three four";

// The first `n` words of kSeed, as a text.
std::string seed_prefix(std::size_t n, std::size_t from = 0) {
    auto w = words_of(kSeed);
    std::string out;
    for (std::size_t i = from; i < from + n; ++i) out += (out.empty() ? "" : " ") + w[i];
    return out;
}

}  // namespace

TEST_CASE("words are lower-cased runs of letters and digits", "[copy_check]") {
    CHECK(words_of("POEMS Syndrome, VEGF: 27% of 230!") == Words{"poems", "syndrome", "vegf", "27", "of", "230"});
    CHECK(words_of("  \n\t ") == Words{});
    CHECK(words_of("27–42% (en dash) a/b") == Words{"27", "42", "en", "dash", "a", "b"});
    CHECK(words_of("Élan ÉCOLE µg") == Words{"\xC3\xA9lan", "\xC3\xA9" "cole", "\xC2\xB5g"});  // é, µ
}

TEST_CASE("an apostrophe, hyphen or point inside a word is kept, at its edge it is not", "[copy_check]") {
    CHECK(words_of("Don't x-ray 3.5 cm") == Words{"don't", "x-ray", "3.5", "cm"});
    CHECK(words_of("the patients' doctors") == Words{"the", "patients", "doctors"});
    CHECK(words_of("'quoted' -dash- end.") == Words{"quoted", "dash", "end"});
    CHECK(words_of("e.g. this") == Words{"e.g", "this"});
    CHECK(words_of("a--b a..b a-'b") == Words{"a", "b", "a", "b", "a", "b"});
    CHECK(words_of("well\xE2\x80\x90known non\xE2\x80\x91stop") == Words{"well-known", "non-stop"});  // U+2010, U+2011
}

TEST_CASE("the typographic apostrophe reads as a plain one", "[copy_check]") {
    CHECK(words_of("keeper\xE2\x80\x99s lamp") == Words{"keeper's", "lamp"});
    CHECK(words_of("keeper\xE2\x80\x99s") == words_of("keeper's"));
    CHECK(words_of("keepers\xE2\x80\x99 lamp") == Words{"keepers", "lamp"});
}

TEST_CASE("markdown's * is ignored as if it were not there", "[copy_check]") {
    CHECK(words_of("*especially* **if**") == Words{"especially", "if"});
    CHECK(words_of("x-*ray* don*'*t") == Words{"x-ray", "don't"});
    CHECK(words_of("a * b") == Words{"a", "b"});
}

TEST_CASE("each word keeps the bytes it came from", "[copy_check]") {
    std::string text = "Hi, *don\xE2\x80\x99t* go.";
    auto w = copy_check_words(text);
    REQUIRE(w.size() == 3);
    CHECK(text.substr(w[1].begin, w[1].end - w[1].begin) == "don\xE2\x80\x99t");
    CHECK(text.substr(w[2].begin, w[2].end - w[2].begin) == "go");
}

TEST_CASE("invalid UTF-8 separates words instead of failing", "[copy_check]") {
    CHECK(words_of("ab\xFF" "cd \xE2\x80") == Words{"ab", "cd"});
}

TEST_CASE("a 19-word shared run passes and a 20-word one is a copy", "[copy_check]") {
    SeedIndex index({{"001_made_up.txt", kSeed}});
    REQUIRE(poems::kCopyRunLimit == 20);
    CHECK(index.min_run() == 20);

    auto nineteen = copy_check_words("We wrote: " + seed_prefix(19) + " and more of ours.");
    CHECK(index.longest_shared_run(nineteen).words == 0);

    auto twenty = copy_check_words("We wrote: " + seed_prefix(20, 5) + " and more of ours.");
    auto run = index.longest_shared_run(twenty);
    CHECK(run.words == 20);
    CHECK(run.seed == 0);
    CHECK(run.start == 2);       // after "we wrote"
    CHECK(run.seed_start == 5);  // "foxtrot"
}

TEST_CASE("the run reported is the longest, measured exactly", "[copy_check]") {
    SeedIndex index({{"000_other.txt", "nothing in common here at all"}, {"001_made_up.txt", kSeed}});
    auto text = copy_check_words(seed_prefix(21) + " break " + seed_prefix(27, 3) + " end");
    auto run = index.longest_shared_run(text);
    CHECK(run.words == 27);
    CHECK(run.seed == 1);
    CHECK(run.start == 22);
    CHECK(run.seed_start == 3);
    CHECK(index.file(run.seed) == "001_made_up.txt");
}

TEST_CASE("case, typography and markdown do not hide a copy", "[copy_check]") {
    SeedIndex index({{"s.txt", "The keeper's lamp burned until morning and " + seed_prefix(16)}});
    auto run = index.longest_shared_run(copy_check_words("THE keeper\xE2\x80\x99s *lamp* burned until morning, and " + seed_prefix(16)));
    CHECK(run.words == 23);  // 7 words + 16
}

TEST_CASE("a text shorter than the limit is never a copy", "[copy_check]") {
    SeedIndex index({{"s.txt", kSeed}});
    CHECK(index.longest_shared_run(copy_check_words(seed_prefix(5))).words == 0);
    CHECK(index.longest_shared_run({}).words == 0);
    CHECK(index.word_count() == 30);
}

TEST_CASE("a copied content string is reported with file, pointer, seed, count and start", "[copy_check]") {
    SeedIndex index({{"001_made_up.txt", kSeed}});
    auto doc = poems::Json::parse(R"({"schema": "poems-content/1", "topic": "overview", "items": [
        {"id": "overview.a", "text": {"en": "Ours."}},
        {"id": "overview.b", "items": [{"en": "Ours."}, {"en": "It says: )" + seed_prefix(24) + R"(."}]}]})");
    poems::CopyCheckResult result;
    poems::find_copied_text(doc, "overview.json", index, result);
    REQUIRE(result.problems.size() == 1);
    const auto& p = result.problems[0];
    CHECK(p.file == "overview.json");
    CHECK(p.path == "/items/1/items/1/en");
    CHECK_THAT(p.message, ContainsSubstring("shares 24 words in a row with seed 001_made_up.txt"));
    CHECK_THAT(p.message, ContainsSubstring("from \"alpha bravo charlie delta echo foxtrot golf hotel \xE2\x80\xA6\""));
    CHECK_THAT(p.message, ContainsSubstring("(in overview.b; write it in our own words"));
    CHECK(result.strings == 7);  // none exempt here: schema, topic, two ids, three texts
}

TEST_CASE("citations and sources.json's bibliographic entries are exempt, its own words are not", "[copy_check]") {
    SeedIndex index({{"001_made_up.txt", kSeed}});
    const std::string copy = seed_prefix(25);
    auto sources = poems::Json::parse(R"({"note": {"en": ")" + copy + R"("}, "seeds": [{"file": "001_made_up.txt",
        "title": {"en": ")" + copy + R"("}, "publisher": ")" + copy + R"(", "sections": [{"heading": ")" + copy +
                                      R"("}, {"heading": "b", "within": ")" + copy + R"("}],
        "sources": [{"seed": "001_made_up.txt", "section": ")" + copy + R"("}],
        "references": [{"number": 1, "citation": ")" + copy + R"("}]}],
        "publications": [{"citation": ")" + copy + R"(", "why": {"en": ")" + copy + R"("}}]})");
    poems::CopyCheckResult result;
    poems::find_copied_text(sources, "sources.json", index, result);
    REQUIRE(result.problems.size() == 2);
    CHECK(result.problems[0].path == "/note/en");
    CHECK(result.problems[1].path == "/publications/0/why/en");

    // Outside sources.json only the citations are exempt: a "title" there is our own words.
    auto item = poems::Json::parse(R"({"title": {"en": ")" + copy + R"("},
        "sources": [{"seed": "001_made_up.txt", "section": ")" + copy + R"("}]})");
    poems::CopyCheckResult item_result;
    poems::find_copied_text(item, "workup.json", index, item_result);
    REQUIRE(item_result.problems.size() == 1);
    CHECK(item_result.problems[0].path == "/title/en");
}
