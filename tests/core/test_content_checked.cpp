// open_checked_content(): the compiled-in content opened lazily, as the app opens it, reads exactly
// as load_content() reads it, whatever is asked for first.
#include "catch.hpp"
#include "poems/content.hpp"

#include <string>
#include <vector>

namespace {

const poems::Content& loaded() {
    static const poems::ContentLoad load = poems::load_content(poems::embedded_content_files());
    return *load.content;
}

// Every reader of `lazy` gives what the fully loaded content gives.
void check_reads_as_loaded(const poems::Content& lazy) {
    const poems::Content& full = loaded();
    for (const std::string& id : full.ids()) {
        INFO(id);
        const poems::Json* item = lazy.item(id);
        REQUIRE(item != nullptr);
        CHECK(*item == *full.item(id));
        CHECK(lazy.topic_of(id) == full.topic_of(id));
        CHECK(lazy.sources_of(id) == full.sources_of(id));
    }
    CHECK(lazy.ids() == full.ids());
    for (const auto& count : full.counts()) {
        const std::string stem = count.file.substr(0, count.file.size() - 5);
        INFO(stem);
        REQUIRE(lazy.topic(stem) != nullptr);
        CHECK(*lazy.topic(stem) == *full.topic(stem));
    }
    const auto lazy_counts = lazy.counts(), full_counts = full.counts();
    REQUIRE(lazy_counts.size() == full_counts.size());
    for (std::size_t i = 0; i < full_counts.size(); ++i) {
        CHECK(lazy_counts[i].file == full_counts[i].file);
        CHECK(lazy_counts[i].items == full_counts[i].items);
    }
    REQUIRE(lazy.seeds().size() == full.seeds().size());
    for (std::size_t i = 0; i < full.seeds().size(); ++i) {
        CHECK(lazy.seeds()[i].file == full.seeds()[i].file);
        CHECK(lazy.seeds()[i].sections.size() == full.seeds()[i].sections.size());
    }
    CHECK(lazy.references().size() == full.references().size());
    CHECK(lazy.publications().size() == full.publications().size());
    REQUIRE(lazy.guide().size() == full.guide().size());
    for (std::size_t i = 0; i < full.guide().size(); ++i) {
        CHECK(lazy.guide()[i].id == full.guide()[i].id);
        CHECK(lazy.guide()[i].item_ids == full.guide()[i].item_ids);
        CHECK(lazy.guide()[i].sources == full.guide()[i].sources);
    }
    for (const std::string& id : full.ids())
        for (const auto& citation : full.sources_of(id)) CHECK(lazy.format_citation(citation) == full.format_citation(citation));
}

}  // namespace

TEST_CASE("the shipped content opened lazily reads as loaded, every id asked for first") {
    // Each id first, in a fresh opening: its file, found by the id's topic or by parsing the rest.
    for (const std::string& id : loaded().ids()) {
        poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
        INFO(id);
        REQUIRE(lazy.item(id) != nullptr);
        CHECK(*lazy.item(id) == *loaded().item(id));
        CHECK(lazy.sources_of(id) == loaded().sources_of(id));
    }
}

TEST_CASE("the shipped content opened lazily reads as loaded, in any order of reading") {
    SECTION("everything at once (ids() first)") {
        poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
        check_reads_as_loaded(lazy);
    }
    SECTION("the files asked for in reverse order, as pages would") {
        poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
        const auto& ids = loaded().ids();
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) REQUIRE(lazy.item(*it) != nullptr);
        check_reads_as_loaded(lazy);
    }
    SECTION("the guide and citations before any item") {
        poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
        CHECK(lazy.guide().size() == loaded().guide().size());
        CHECK(lazy.format_citation(loaded().guide().front().sources.front()) ==
              loaded().format_citation(loaded().guide().front().sources.front()));
        check_reads_as_loaded(lazy);
    }
    SECTION("a copy shares what either has parsed") {
        poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
        poems::Content copy = lazy;
        REQUIRE(lazy.topic("criteria") != nullptr);
        CHECK(copy.topic("criteria") == lazy.topic("criteria"));
        check_reads_as_loaded(copy);
    }
}

TEST_CASE("content opened lazily: an unknown id or topic is not there, and the rest still reads") {
    poems::Content lazy = poems::open_checked_content(poems::embedded_content_files());
    CHECK(lazy.item("workup.no_such_test") == nullptr);
    CHECK(lazy.topic_of("nothing.here").empty());
    CHECK(lazy.sources_of("nothing.here").empty());
    CHECK(lazy.topic("no_such_topic") == nullptr);
    REQUIRE(lazy.item("workup.cbc") != nullptr);
    CHECK(lazy.ids() == loaded().ids());
}

TEST_CASE("content opened lazily: a file that does not parse reads as missing, the others as given") {
    // Not expected of checked content; a broken build must still not take the other files down.
    const std::vector<poems::EmbeddedFile> files = {
        {"broken.json", "{\"schema\": \"poems-content/1\", \"items\": ["},
        {"good.json", R"({"schema":"poems-content/1","topic":"good","items":[{"id":"good.one","text":{"en":"One"},)"
                      R"("sources":[{"seed":"a.txt","section":"S","refs":[2]}]}]})"},
    };
    poems::Content lazy = poems::open_checked_content(files);
    CHECK(lazy.topic("broken") == nullptr);
    REQUIRE(lazy.item("good.one") != nullptr);
    REQUIRE(lazy.sources_of("good.one").size() == 1);
    CHECK(lazy.sources_of("good.one")[0].seed == "a.txt");
    CHECK(lazy.sources_of("good.one")[0].refs == std::vector<int>{2});
    CHECK(lazy.ids() == std::vector<std::string>{"good.one"});
}
