#include "catch.hpp"
#include "poems/centers.hpp"
#include "poems/text_fold.hpp"

#include <fstream>
#include <sstream>

using poems::CenterDirectory;
using poems::CenterQuery;
using poems::Json;
using poems::Problems;
using poems::RemoteConsultation;

namespace {

Json centers_json() {
    std::ifstream in(POEMS_CONTENT_DIR "/centers.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Problems problems;
    auto doc = poems::parse_json_text(ss.str(), "content/centers.json", problems);
    REQUIRE(doc);
    return *doc;
}

const CenterDirectory& shipped() {
    static const CenterDirectory dir = [] {
        Problems problems;
        auto out = poems::load_centers(centers_json(), problems);
        for (const auto& p : problems) UNSCOPED_INFO(p.to_string());
        REQUIRE(problems.empty());
        return out;
    }();
    return dir;
}

// The ids of the centers a query finds, in order.
std::vector<std::string> find(const CenterQuery& q) {
    std::vector<std::string> ids;
    for (const auto* c : poems::search_centers(shipped().centers, q, shipped().regions)) ids.push_back(c->id);
    return ids;
}
std::vector<std::string> find(std::string words) { return find(CenterQuery{std::move(words), "", false}); }

using Ids = std::vector<std::string>;

Problems load_with(const std::function<void(Json&)>& edit) {
    Json doc = centers_json();
    edit(doc);
    Problems problems;
    poems::load_centers(doc, problems);
    return problems;
}

}  // namespace

// ---- The shipped directory ------------------------------------------------------------------

TEST_CASE("the shipped directory holds the guide's eight centers in its order") {
    Ids ids;
    for (const auto& c : shipped().centers) ids.push_back(c.id);
    CHECK(ids == Ids{"center.mayo", "center.cleveland", "center.dana_farber", "center.uclh", "center.aphp",
                     "center.pumch", "center.chiba", "center.ncc_tokyo"});
    CHECK(shipped().center("center.aphp")->name.in() == "Assistance Publique – Hôpitaux de Paris");
}

TEST_CASE("only Mayo Clinic and UCLH are marked as accepting remote consultation from abroad") {
    for (const auto& c : shipped().centers) {
        INFO(c.id);
        bool said = c.id == "center.mayo" || c.id == "center.uclh";
        CHECK(c.remote == (said ? RemoteConsultation::yes : RemoteConsultation::not_stated));
    }
}

TEST_CASE("every shipped center cites a source and says when it was checked") {
    for (const auto& c : shipped().centers) {
        INFO(c.id);
        CHECK_FALSE(c.sources.empty());
        CHECK(poems::is_valid(c.checked));
        // The guide's date; Cleveland Clinic's facts also come from its own undated pages (000).
        CHECK(c.source_date == (c.id == "center.cleveland" ? "2026-04 (004); 000 undated" : "2026-04"));
        CHECK_FALSE(c.known_for.in().empty());
    }
}

TEST_CASE("a region is found by its id or its name, as a person types it") {
    const auto& dir = shipped();
    for (const char* typed : {"europe", "Europe", "EUROPE", " europe "})
        CHECK(dir.find_region(typed) == dir.region("europe"));
    for (const char* typed : {"north_america", "North America", "north-america", "NORTH AMERICA"})
        CHECK(dir.find_region(typed) == dir.region("north_america"));
    CHECK(dir.find_region("Atlantis") == nullptr);
    CHECK(dir.find_region("") == nullptr);
    CHECK(dir.find_region("north") == nullptr);  // a whole id or name, not the start of one
}

// ---- Search ---------------------------------------------------------------------------------

TEST_CASE("search ignores accents and case") {
    CHECK(find("Hôpitaux") == Ids{"center.aphp"});
    CHECK(find("hopitaux") == Ids{"center.aphp"});
    CHECK(find("HÔPITAUX") == Ids{"center.aphp"});
    CHECK(find("HOPITAUX") == Ids{"center.aphp"});
}

TEST_CASE("search finds a center by name, city or country") {
    CHECK(find("peking") == Ids{"center.pumch"});
    CHECK(find("Beijing") == Ids{"center.pumch"});
    CHECK(find("japan") == Ids{"center.chiba", "center.ncc_tokyo"});
    CHECK(find("uclh") == Ids{"center.uclh"});
    CHECK(find("florida") == Ids{"center.cleveland"});
}

TEST_CASE("search finds words of the description") {
    CHECK(find("registry") == Ids{"center.uclh"});
    CHECK(find("pulmonary hypertension") == Ids{"center.pumch"});
}

TEST_CASE("every word of a query must match") {
    CHECK(find("london registry") == Ids{"center.uclh"});
    CHECK(find("tokyo cancer") == Ids{"center.ncc_tokyo"});
    CHECK(find("london beijing").empty());
}

TEST_CASE("query words match the start of words, not the middle") {
    CHECK(find("hop") == Ids{"center.aphp"});
    CHECK(find("aris").empty());
}

TEST_CASE("a query that matches nothing gives no centers") {
    CHECK(find("zzzz").empty());
}

TEST_CASE("an empty or punctuation-only query lists every center") {
    CHECK(find("").size() == 8);
    CHECK(find(" – , ").size() == 8);
}

TEST_CASE("a region filter keeps only that region") {
    CHECK(find({"", "asia", false}) == Ids{"center.pumch", "center.chiba", "center.ncc_tokyo"});
    CHECK(find({"", "europe", false}) == Ids{"center.uclh", "center.aphp"});
    CHECK(find({"", "antarctica", false}).empty());
}

TEST_CASE("the remote filter keeps only centers the sources say accept remote consultation") {
    CHECK(find({"", "", true}) == Ids{"center.mayo", "center.uclh"});
}

TEST_CASE("region, remote and words combine") {
    CHECK(find({"", "europe", true}) == Ids{"center.uclh"});
    CHECK(find({"", "asia", true}).empty());
    CHECK(find({"paris", "europe", false}) == Ids{"center.aphp"});
    CHECK(find({"paris", "europe", true}).empty());
    CHECK(find({"rochester", "north_america", true}) == Ids{"center.mayo"});
}

TEST_CASE("a region name matches as a word of the query") {
    CHECK(find("europe") == Ids{"center.uclh", "center.aphp"});
}

TEST_CASE("a search through the prepared index finds exactly what the plain search finds") {
    const auto& dir = shipped();
    auto index = poems::build_center_search_index(dir.centers, dir.regions);
    for (const char* words : {"", "hopitaux", "HÔPITAUX paris", "japan", "london beijing", "hop", "aris", "europe", "zzzz"})
        for (const char* region : {"", "asia", "europe"})
            for (bool remote : {false, true}) {
                CenterQuery q{words, region, remote};
                INFO(words << " / " << region << " / " << remote);
                CHECK(poems::search_centers(dir.centers, q, index) == poems::search_centers(dir.centers, q, dir.regions));
            }
}

TEST_CASE("a stale index shorter than the list still finds the centers added since") {
    auto centers = shipped().centers;
    auto index = poems::build_center_search_index(centers);
    centers.push_back(centers[4]);
    centers.back().id = "center.aphp_copy";
    auto found = poems::search_centers(centers, CenterQuery{"hopitaux", "", false}, index);
    REQUIRE(found.size() == 2);
    CHECK(found[1]->id == "center.aphp_copy");
}

// ---- Folding --------------------------------------------------------------------------------

TEST_CASE("folding lowercases Latin letters and strips their accents") {
    CHECK(poems::fold_for_search("Hôpitaux") == "hopitaux");
    CHECK(poems::fold_for_search("ÀÉÎÕÜ Ñ Ç") == "aeiou n c");
    CHECK(poems::fold_for_search("Straße Æsir Œuvre") == "strasse aesir oeuvre");
    CHECK(poems::fold_for_search("Łódź Ærø Dvořák") == "lodz aero dvorak");
}

TEST_CASE("folding turns punctuation into spaces and keeps other scripts as they are") {
    CHECK(poems::search_words("Assistance Publique – Hôpitaux de Paris") ==
          std::vector<std::string>{"assistance", "publique", "hopitaux", "de", "paris"});
    CHECK(poems::fold_for_search("AP-HP") == "ap hp");
    CHECK(poems::fold_for_search("北京 Αθήνα") == "北京 Αθήνα");
}

TEST_CASE("folding replaces invalid UTF-8 with a space instead of failing") {
    CHECK(poems::fold_for_search(std::string("a\xC3") ) == "a ");
    CHECK(poems::fold_for_search(std::string("a\xFF" "b")) == "a b");
    CHECK(poems::fold_for_search(std::string("\xC0\xAF")) == "  ");  // overlong "/"
}

// ---- Strict loading -------------------------------------------------------------------------

TEST_CASE("a remote consultation value other than true, false or not_stated is refused") {
    auto problems = load_with([](Json& d) { d["centers"][2]["accepts_international_remote_consultation"] = "maybe"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/centers/2/accepts_international_remote_consultation");
}

TEST_CASE("a false remote value means no, which is not the same as not stated") {
    Json doc = centers_json();
    doc["centers"][2]["accepts_international_remote_consultation"] = false;
    Problems problems;
    auto dir = poems::load_centers(doc, problems);
    REQUIRE(problems.empty());
    CHECK(dir.centers[2].remote == RemoteConsultation::no);
}

TEST_CASE("an unknown region or a bad checked date is refused with its path") {
    auto problems = load_with([](Json& d) {
        d["centers"][0]["region"] = "oceania";
        d["centers"][1]["checked"] = "22/11/2026";
    });
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/centers/0/region");
    CHECK(problems[1].to_string() == "content/centers.json: /centers/1/checked: \"22/11/2026\" is not a date written YYYY-MM-DD");
}

TEST_CASE("a center without sources or with an unknown key is refused") {
    auto problems = load_with([](Json& d) {
        d["centers"][0].erase("sources");
        d["centers"][0]["phone"] = "+1 000";
    });
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/centers/0/sources");
    CHECK(problems[1].message == "unknown key \"phone\"");
}

// ---- Copy details ---------------------------------------------------------------------------

TEST_CASE("the details of a center say what the sources say and when they were checked") {
    const auto& dir = shipped();
    std::string mayo = poems::center_details_text(dir, *dir.center("center.mayo"));
    CHECK(mayo.rfind("Mayo Clinic\n", 0) == 0);
    CHECK(mayo.find("Rochester, Minnesota, United States (North America)") != std::string::npos);
    CHECK(mayo.find(dir.label("remote") + ": " + dir.label("remote_yes")) != std::string::npos);
    CHECK(mayo.find(dir.referral_steps[0].in()) != std::string::npos);
    CHECK(mayo.find("004_d6f3631363d2922b.txt, North America\n") != std::string::npos);
    CHECK(mayo.find("2026-11-22") != std::string::npos);
    CHECK(mayo.find("2026-04") != std::string::npos);

    std::string dana = poems::center_details_text(dir, *dir.center("center.dana_farber"));
    CHECK(dana.find(dir.label("remote") + ": not stated in our sources") != std::string::npos);
}

TEST_CASE("the details use the citation formatter when one is given") {
    const auto& dir = shipped();
    std::string text = poems::center_details_text(dir, *dir.center("center.chiba"), "en",
                                                  [](const poems::SourceRef& s) { return "[" + s.section + "]"; });
    CHECK(text.find("- [Asia]\n") != std::string::npos);
    CHECK(text.find("Location: Japan (Asia)") != std::string::npos);  // no city in the sources
}
