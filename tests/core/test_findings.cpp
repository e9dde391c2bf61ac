#include "catch.hpp"
#include "test_criteria_support.hpp"

#include <sstream>

using poems::Json;
using poems::Problems;
using poems::Tri;
using namespace poems_test;

static const std::string kBad = std::string(POEMS_TEST_FIXTURES) + "/findings-bad";
static const std::string kVignettes = std::string(POEMS_TEST_FIXTURES) + "/vignettes";

TEST_CASE("a missing key reads as unknown and a given key keeps its word") {
    auto f = findings(R"({"polyneuropathy": "present", "papilledema": "absent", "organomegaly": "unknown"})");
    CHECK(f.get("polyneuropathy") == Tri::present);
    CHECK(f.get("papilledema") == Tri::absent);
    CHECK(f.get("organomegaly") == Tri::unknown);
    CHECK(f.get("skin_changes") == Tri::unknown);
    CHECK(f.criteria.size() == 3);
}

TEST_CASE("the raw results are read with every field") {
    auto f = findings(R"({
        "vegf": {"value": 870.5, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 300},
        "endocrine_findings": ["diabetes", "hypogonadism"],
        "m_protein_tests": [{"test": "spep", "result": "negative"}, {"test": "serum_immunofixation", "result": "positive"}],
        "prior_diagnosis": {"condition": "cidp", "improved_with_treatment": false}})");
    REQUIRE(f.vegf);
    CHECK(f.vegf->value == 870.5);
    CHECK(f.vegf->sample == "serum");
    CHECK(f.vegf->upper_limit_of_normal == 300.0);
    CHECK(*f.endocrine_findings == std::vector<std::string>{"diabetes", "hypogonadism"});
    REQUIRE(f.m_protein_tests->size() == 2);
    CHECK((*f.m_protein_tests)[1].test == "serum_immunofixation");
    CHECK((*f.m_protein_tests)[1].result == "positive");
    CHECK(f.prior_diagnosis->condition == "cidp");
    CHECK_FALSE(f.prior_diagnosis->improved_with_treatment);
}

TEST_CASE("a schema key inside the findings is accepted when it names this format") {
    Problems problems;
    CHECK(poems::parse_findings(Json::parse(R"({"schema": "poems-findings/1"})"), problems));
    CHECK(problems.empty());
}

TEST_CASE("a prior diagnosis may be a condition the screen does not know") {
    auto f = findings(R"({"prior_diagnosis": {"condition": "guillain_barre", "improved_with_treatment": true}})");
    CHECK(f.prior_diagnosis->condition == "guillain_barre");
}

TEST_CASE("without the rules an unlisted endocrine finding is accepted; with them it is refused") {
    Json j = Json::parse(R"({"endocrine_findings": ["diabetis"]})");
    Problems problems;
    CHECK(poems::parse_findings(j, problems));
    CHECK(problems.empty());
    CHECK_FALSE(poems::parse_findings(j, rules(), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/endocrine_findings/0");
}

TEST_CASE("problems inside a record carry the record's path and file") {
    Problems problems;
    CHECK_FALSE(poems::parse_findings(Json::parse(R"({"vegf": {"value": -1, "unit": "pg/mL", "sample": "serum"}})"),
                                      problems, "/findings", "me.poems.json"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "me.poems.json: /findings/vegf/value: must be greater than zero, got -1");
}

TEST_CASE("every vignette's findings parse and round-trip through findings_to_json") {
    auto files = files_in(kVignettes, ".json");
    REQUIRE(files.size() >= 15);
    for (const auto& path : files) {
        INFO(path.filename().string());
        Problems problems;
        auto f = poems::parse_findings(read_json(path.string()).at("findings"), rules(), problems);
        REQUIRE(f);
        auto again = poems::parse_findings(poems::findings_to_json(*f), rules(), problems);
        REQUIRE(again);
        CHECK(*again == *f);
    }
}

TEST_CASE("findings_to_json writes whole numbers without a decimal point") {
    auto j = poems::findings_to_json(findings(R"({"vegf": {"value": 2400, "unit": "pg/mL", "sample": "serum"}})"));
    CHECK(j["vegf"]["value"].dump() == "2400");
    CHECK(j["schema"] == "poems-findings/1");
}

// Each file of tests/fixtures/findings-bad has a sidecar .expected: the problems, one a line,
// exactly as a person sees them (JSON Pointer and message; the file name is left out).
TEST_CASE("every bad findings file is refused with the expected messages") {
    auto files = files_in(kBad, ".json");
    REQUIRE(files.size() >= 20);
    for (const auto& path : files) {
        INFO(path.filename().string());
        auto expected_path = path;
        expected_path.replace_extension(".expected");
        std::string expected = read_file(expected_path.string());
        Problems problems;
        auto doc = poems::parse_json_text(read_file(path.string()), "", problems);
        std::optional<poems::Findings> f;
        if (doc) f = poems::parse_findings(*doc, rules(), problems);
        CHECK_FALSE(f);
        std::string got;
        for (const auto& p : problems) got += p.to_string() + "\n";
        CHECK(got == expected);
    }
}

TEST_CASE("every bad findings file has its expected messages, and no expectation is orphaned") {
    for (const auto& path : files_in(kBad, ".expected")) {
        auto json_path = path;
        json_path.replace_extension(".json");
        INFO(path.filename().string());
        CHECK(std::filesystem::exists(json_path));
    }
}
