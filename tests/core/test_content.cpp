// The content loader on small inline documents: each broken file gives the exact message a
// person editing content would read.
#include "catch.hpp"
#include "poems/content.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using poems::EmbeddedFile;
using poems::Problems;
using Catch::Matchers::ContainsSubstring;

namespace {

const std::string kSources = R"J({"schema": "poems-content/1", "topic": "sources", "seeds": [
  {"file": "004_guide.txt", "short": {"en": "Guide (004)"}, "title": {"en": "The guide"}, "publisher": "P", "date": "2026-04",
   "sections": [{"heading": "Diagnostic Criteria", "number": 5}, {"heading": "Key point", "within": "Diagnostic Criteria"},
                {"heading": "Glossary", "number": 15}, {"heading": "References", "number": 16}],
   "sources": [{"seed": "004_guide.txt", "section": "References"}],
   "references": [{"id": "sources.ref.1", "number": 1, "citation": "One."}, {"id": "sources.ref.2", "number": 2, "citation": "Two."}]},
  {"file": "001_library.txt", "short": {"en": "Library (001)"}, "title": {"en": "The library"}, "publisher": "P",
   "date": "2022-08-16", "sections": [{"heading": "What is it?"}]}],
  "publications": [{"id": "sources.pub.study_2011", "short": {"en": "A study, 2011 (not a seed)"},
   "citation": "Author A. A study. Journal 2011; 1: 1-2.", "why": {"en": "Its figure is in no seed."},
   "sources": [{"publication": "sources.pub.study_2011"}]}]})J";

const std::string kGlossary = R"({"schema": "poems-content/1", "topic": "glossary", "title": {"en": "Glossary"}, "items": [
  {"id": "glossary.vegf", "kind": "term", "term": {"en": "VEGF"}, "definition": {"en": "A signalling protein."},
   "sources": [{"seed": "004_guide.txt", "section": "Glossary"}]},
  {"id": "glossary.asct", "kind": "term", "term": {"en": "ASCT"}, "definition": {"en": "A transplant."},
   "sources": [{"seed": "004_guide.txt", "section": "Glossary"}], "see_ids": ["glossary.vegf"]}]})";

// A workup file with one item whose body is `item` (the part after the id).
std::string workup_with(const std::string& item) {
    return R"({"schema": "poems-content/1", "topic": "workup", "title": {"en": "Workup"}, "items": [{"id": "workup.a", )" +
           item + "}]}";
}

const std::string kGoodItem =
    R"("kind": "paragraph", "text": {"en": "Words."}, "sources": [{"seed": "004_guide.txt", "section": "Key point", "refs": [2]}])";

struct Files {
    std::vector<std::pair<std::string, std::string>> list;
    std::vector<EmbeddedFile> views() const {
        std::vector<EmbeddedFile> out;
        for (const auto& [name, text] : list) out.push_back({name.c_str(), text});
        return out;
    }
};

poems::ContentLoad load(const Files& files) {
    auto views = files.views();
    return poems::load_content(views);
}

poems::ContentLoad load_workup(const std::string& item) {
    return load({{{"sources.json", kSources}, {"glossary.json", kGlossary}, {"workup.json", workup_with(item)}}});
}

std::string all(const Problems& problems) {
    std::string out;
    for (const auto& p : problems) out += p.to_string() + "\n";
    return out;
}

bool has(const Problems& problems, const std::string& message) {
    return std::any_of(problems.begin(), problems.end(), [&](const poems::Problem& p) { return p.to_string() == message; });
}

}  // namespace

TEST_CASE("well-formed content loads with no problems") {
    auto r = load_workup(kGoodItem);
    INFO(all(r.problems));
    REQUIRE(r.content);
    CHECK(r.problems.empty());
    CHECK(r.content->has_id("workup.a"));
    CHECK(r.content->topic_of("workup.a") == "workup");
    CHECK(r.content->topic("glossary") != nullptr);
    CHECK(r.content->item("workup.nothing") == nullptr);
}

TEST_CASE("a duplicate id across files names where it was first defined") {
    Files f{{{"sources.json", kSources}, {"glossary.json", kGlossary}, {"workup.json", workup_with(kGoodItem)},
             {"x_notes.json", R"({"schema": "poems-content/1", "topic": "x_notes", "items": [{"id": "workup.a",
               "sources": [{"seed": "004_guide.txt", "section": "Glossary"}]}]})"}}};
    auto r = load(f);
    CHECK_FALSE(r.content);
    INFO(all(r.problems));
    CHECK(has(r.problems, "x_notes.json: /items/0/id: duplicate id \"workup.a\" (first defined in workup.json at /items/0)"));
}

TEST_CASE("a citation of a seed that sources.json does not list is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"seed": "005_new.txt", "section": "Key point"}])");
    CHECK_FALSE(r.content);
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/seed: unknown seed \"005_new.txt\" (not listed in sources.json)"));
}

TEST_CASE("a citation of a section the seed does not declare is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"seed": "004_guide.txt", "section": "Diagnostic criteria"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/section: section \"Diagnostic criteria\" is not declared for seed "
                          "\"004_guide.txt\" in sources.json"));
}

TEST_CASE("a reference number outside the guide's list is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"seed": "004_guide.txt", "section": "Key point", "refs": [3]}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/refs/0: reference 3 is not in the list of \"004_guide.txt\" (1–2)"));
}

TEST_CASE("a reference number on a seed without numbered references is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"seed": "001_library.txt", "section": "What is it?", "refs": [1]}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/refs/0: seed \"001_library.txt\" has no numbered references"));
}

TEST_CASE("an empty sources list and a missing one are both refused") {
    auto empty = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [])");
    INFO(all(empty.problems));
    CHECK(has(empty.problems, "workup.json: /items/0/sources: must not be empty (cite at least one seed section)"));

    auto missing = load_workup(R"("kind": "paragraph", "text": {"en": "W."})");
    INFO(all(missing.problems));
    CHECK(has(missing.problems, "workup.json: /items/0/sources: missing (this key is required)"));
    CHECK(has(missing.problems, "workup.json: /items/0: item \"workup.a\" has no sources (cite at least one seed section)"));
}

TEST_CASE("a key the item's kind does not know is reported as unknown") {
    auto r = load_workup(kGoodItem + R"(, "colour": "red")");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/colour: unknown key \"colour\""));
}

TEST_CASE("empty English text is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": " "}, "sources": [{"seed": "004_guide.txt", "section": "Key point"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/text/en: must not be empty"));
}

TEST_CASE("a content language map without English is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"fr": "Mots."}, "sources": [{"seed": "004_guide.txt", "section": "Key point"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/text: missing English text (\"en\")"));
}

TEST_CASE("a plain string where a language map belongs is a wrong type") {
    auto r = load_workup(R"("kind": "paragraph", "text": "Words.", "sources": [{"seed": "004_guide.txt", "section": "Key point"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/text: expected a text map such as {\"en\": \"...\"}, got a string"));
}

TEST_CASE("wrong types in a list item are named with both types") {
    auto r = load_workup(R"("kind": "list", "items": [{"en": "One."}], "ordered": "yes", "sources": [{"seed": "004_guide.txt", "section": "Key point", "refs": ["2"]}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/ordered: expected true or false, got a string"));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/refs/0: expected a whole number, got a string"));
}

TEST_CASE("a link to an id that does not exist is refused") {
    auto r = load_workup(kGoodItem + R"(, "see_ids": ["glossary.vegff"])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/see_ids/0: link to unknown id \"glossary.vegff\""));
}

TEST_CASE("invalid JSON is reported with its position") {
    auto r = load({{{"sources.json", kSources}, {"workup.json", R"({"schema": "poems-content/1", "topic": )"}}});
    CHECK_FALSE(r.content);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string().rfind("workup.json: not valid JSON: parse error at line 1", 0) == 0);
}

TEST_CASE("a topic that does not match the file name is refused") {
    std::string text = workup_with(kGoodItem);
    text.replace(text.find("\"workup\""), 8, "\"glossary\"");
    auto r = load({{{"sources.json", kSources}, {"workup.json", text}}});
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /topic: \"glossary\" does not match the file name (expected \"workup\")"));
}

TEST_CASE("an id of an owned topic must start with the topic") {
    std::string text = workup_with(kGoodItem);
    text.replace(text.find("workup.a"), 8, "labs.a");
    auto r = load({{{"sources.json", kSources}, {"workup.json", text}}});
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/id: id \"labs.a\" must start with \"workup.\" (the file's topic)"));
}

TEST_CASE("an unknown kind is refused with the kinds allowed") {
    auto r = load_workup(R"("kind": "term", "term": {"en": "T"}, "definition": {"en": "D"}, "sources": [{"seed": "004_guide.txt", "section": "Key point"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/kind: \"term\" is not one of \"paragraph\", \"list\", \"table\", \"callout\", "
                          "\"figures\", \"test\", \"question\", \"entry\""));
}

TEST_CASE("a table row must have as many cells as the header") {
    auto r = load_workup(R"("kind": "table", "header": [{"en": "A"}, {"en": "B"}], "rows": [[{"en": "1"}]],
                            "sources": [{"seed": "004_guide.txt", "section": "Key point"}])");
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/rows/0: row has 1 cells but the header has 2"));
}

TEST_CASE("without sources.json nothing can be checked and that is one problem") {
    auto r = load({{{"workup.json", workup_with(kGoodItem)}}});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].to_string() == "sources.json: missing: every citation is checked against the seeds it lists");
}

TEST_CASE("a topic's own checks run unless the caller loads that topic itself") {
    // Passes the shared checks, but the criteria loader needs its criteria.
    Files files{{{"sources.json", kSources}, {"criteria.json", R"({"schema": "poems-content/1", "topic": "criteria"})"}}};
    auto views = files.views();
    auto checked = poems::load_content(views);
    CHECK_FALSE(checked.content);
    CHECK_THAT(all(checked.problems), ContainsSubstring("criteria.json: "));
    auto left = poems::load_content(views, poems::TopicChecks::done_by_caller);
    CHECK(left.problems.empty());
    CHECK(left.content);
}

TEST_CASE("other topics may use local keys and lists of search words") {
    Files f{{{"sources.json", kSources},
             {"x_notes.json", R"({"schema": "poems-content/1", "topic": "x_notes", "regions": [{"id": "north_america"}],
               "signals": [{"id": "x_notes.signal", "words": {"en": ["swelling", "edema"]},
                            "sources": [{"seed": "004_guide.txt", "section": "Key point"}]}]})"}}};
    auto r = load(f);
    INFO(all(r.problems));
    REQUIRE(r.content);
    CHECK(r.content->has_id("x_notes.signal"));
    CHECK_FALSE(r.content->has_id("north_america"));
}

TEST_CASE("an item without its own sources inherits its parent's") {
    Files f{{{"sources.json", kSources},
             {"x_notes.json", R"({"schema": "poems-content/1", "topic": "x_notes", "sources": [{"seed": "004_guide.txt", "section": "Glossary"}],
               "tests": [{"id": "x_notes.vegf"}]})"}}};
    auto r = load(f);
    INFO(all(r.problems));
    REQUIRE(r.content);
    REQUIRE(r.content->sources_of("x_notes.vegf").size() == 1);
    CHECK(r.content->sources_of("x_notes.vegf")[0].section == "Glossary");
}

TEST_CASE("a citation is formatted with the seed's short name, the heading above a sub-heading and the refs") {
    auto r = load_workup(kGoodItem);
    REQUIRE(r.content);
    const auto& c = *r.content;
    CHECK(c.format_citation(c.sources_of("workup.a")[0]) == "Guide (004), Diagnostic Criteria › Key point; ref. 2");
    std::vector<int> two = {1, 2};
    CHECK(c.format_citation("004_guide.txt", "Glossary", two) == "Guide (004), Glossary; refs. 1, 2");
    CHECK(c.format_citation("001_library.txt", "What is it?", {}) == "Library (001), What is it?");
}

TEST_CASE("a publication of our own list can be cited, and is shown by its short name") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"publication": "sources.pub.study_2011"}])");
    INFO(all(r.problems));
    REQUIRE(r.content);
    const auto& c = *r.content;
    REQUIRE(c.publications().size() == 1);
    CHECK(c.publication("sources.pub.study_2011")->citation == "Author A. A study. Journal 2011; 1: 1-2.");
    CHECK(c.has_id("sources.pub.study_2011"));
    const poems::SourceRef& cited = c.sources_of("workup.a")[0];
    CHECK(cited.publication == "sources.pub.study_2011");
    CHECK(cited.seed.empty());
    CHECK(c.format_citation(cited) == "A study, 2011 (not a seed)");
    CHECK(poems::source_ref_to_json(cited) == poems::Json{{"publication", "sources.pub.study_2011"}});
}

TEST_CASE("a citation of a publication that is not in the list is refused") {
    auto r = load_workup(R"("kind": "paragraph", "text": {"en": "W."}, "sources": [{"publication": "sources.pub.other"}])");
    CHECK_FALSE(r.content);
    INFO(all(r.problems));
    CHECK(has(r.problems, "workup.json: /items/0/sources/0/publication: unknown publication \"sources.pub.other\" "
                          "(not in the \"publications\" of sources.json)"));
}

TEST_CASE("a publication needs a sources.pub id and a full citation") {
    std::string sources = kSources;
    sources.replace(sources.find("\"sources.pub.study_2011\", \"short\""), 24, "\"sources.study_2011\"");
    sources.replace(sources.find("Author A. A study. Journal 2011; 1: 1-2."), 40, "");
    auto r = load({{{"sources.json", sources}, {"glossary.json", kGlossary}, {"workup.json", workup_with(kGoodItem)}}});
    CHECK_FALSE(r.content);
    INFO(all(r.problems));
    CHECK(has(r.problems, "sources.json: /publications/0/id: a publication's id starts with \"sources.pub.\""));
    CHECK(has(r.problems, "sources.json: /publications/0/citation: must not be empty"));
}

TEST_CASE("the glossary comes sorted by term, with its links and sources") {
    auto r = load_workup(kGoodItem);
    REQUIRE(r.content);
    auto g = r.content->glossary();
    REQUIRE(g.size() == 2);
    CHECK(poems::text_in(*g[0].term) == "ASCT");
    CHECK(g[0].see_ids == std::vector<std::string>{"glossary.vegf"});
    CHECK(poems::text_in(*g[1].term) == "VEGF");
    CHECK(g[1].sources.at(0).section == "Glossary");
}

TEST_CASE("text falls back to English when a translation is missing") {
    poems::Json map = poems::Json::parse(R"({"en": "Swelling", "fr": "Gonflement"})");
    CHECK(poems::text_in(map, "fr") == "Gonflement");
    CHECK(poems::text_in(map, "de") == "Swelling");
    CHECK(poems::text_in(poems::Json("plain")) == "");
}

TEST_CASE("the seeds and the guide's references are read from sources.json") {
    auto r = load_workup(kGoodItem);
    REQUIRE(r.content);
    const auto& c = *r.content;
    REQUIRE(c.seeds().size() == 2);
    REQUIRE(c.references().size() == 2);
    CHECK(c.references()[1].number == 2);
    CHECK(c.references()[1].id == "sources.ref.2");
    const poems::Seed* guide = c.seed("004_guide.txt");
    REQUIRE(guide);
    REQUIRE(guide->section("Key point"));
    CHECK(guide->section("Key point")->within == "Diagnostic Criteria");
    CHECK(guide->section("Glossary")->number == 15);
}
