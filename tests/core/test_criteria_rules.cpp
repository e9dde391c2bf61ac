#include "catch.hpp"
#include "test_criteria_support.hpp"

using poems::Json;
using poems::Problems;
using namespace poems_test;

static Json criteria_doc() { return read_json(std::string(POEMS_CONTENT_DIR) + "/criteria.json"); }

static std::string load_problems(const Json& doc) {
    Problems problems;
    auto r = poems::load_criteria_rules(doc, problems);
    CHECK_FALSE(r);
    std::string all;
    for (const auto& p : problems) all += p.to_string() + "\n";
    return all;
}

TEST_CASE("content/criteria.json loads without a problem and describes every criterion once") {
    Problems problems;
    auto r = poems::load_criteria_rules(criteria_doc(), problems);
    for (const auto& p : problems) UNSCOPED_INFO(p.to_string());
    REQUIRE(r);
    CHECK(r->criteria.size() == poems::criterion_keys().size());
    for (const auto& key : poems::criterion_keys()) CHECK(r->criterion(key));
}

TEST_CASE("the compiled-in criteria are the same file and load too") {
    Problems problems;
    auto r = poems::load_embedded_criteria_rules(problems);
    REQUIRE(r);
    CHECK(r->criteria.size() == rules().criteria.size());
}

TEST_CASE("the thresholds the checker uses are the cited ones") {
    const auto& v = rules().vegf;
    CHECK(v.uln_multiple == 3);
    CHECK(v.uln_multiple_upper_in_sources == 4.0);
    CHECK(rules().vegf_sample("serum")->elevated_at_or_above == 1000);
    CHECK(rules().vegf_sample("serum")->borderline_at_or_above == 850.0);
    CHECK(rules().vegf_sample("plasma")->elevated_at_or_above == 200);
    CHECK(rules().vegf_sample("plasma")->specificity_percent == 95.0);
    CHECK(rules().vegf_sample("plasma")->sensitivity_percent == 68.0);
    CHECK_FALSE(rules().endocrine_finding("diabetes")->counts);
    CHECK_FALSE(rules().endocrine_finding("hypothyroidism")->counts);
    CHECK(rules().endocrine_finding("hypogonadism")->counts);
}

TEST_CASE("every criterion has a question, a glossary or see-also link, tests or an exam, and citations") {
    for (const auto& c : rules().criteria) {
        INFO(c.key);
        CHECK_FALSE(c.question.get().empty());
        CHECK_FALSE(c.counts.get().empty());
        CHECK_FALSE(c.excluded.get().empty());
        CHECK((!c.glossary_id.empty() || !c.also_glossary_ids.empty()));
        CHECK_FALSE(c.settled_by_ids.empty());
        CHECK_FALSE(c.sources.empty());
    }
}

TEST_CASE("a criteria file without a reason the evaluator needs is refused") {
    Json doc = criteria_doc();
    auto& reasons = doc["reasons"];
    reasons.erase(reasons.begin());
    CHECK(load_problems(doc).find("criteria.json: /reasons: the reason \"criteria.reason.not_entered\" is missing") != std::string::npos);
}

TEST_CASE("a criterion without citations is refused with its path") {
    Json doc = criteria_doc();
    doc["criteria"][0]["sources"] = Json::array();
    CHECK(load_problems(doc) == "criteria.json: /criteria/0/sources: must cite at least one source\n");
}

TEST_CASE("a borderline VEGF threshold above the elevated one is refused") {
    Json doc = criteria_doc();
    doc["vegf"]["samples"][0]["borderline_at_or_above"] = 1200;
    CHECK(load_problems(doc) == "criteria.json: /vegf/samples/0/borderline_at_or_above: must be below elevated_at_or_above\n");
}

TEST_CASE("a misspelt key in the criteria file is refused") {
    Json doc = criteria_doc();
    doc["criteria"][2]["glosary_id"] = "glossary.vegf";
    CHECK(load_problems(doc) == "criteria.json: /criteria/2/glosary_id: unknown key \"glosary_id\"\n");
}

TEST_CASE("a missing criterion and a repeated one are both reported") {
    Json doc = criteria_doc();
    doc["criteria"][1]["key"] = "polyneuropathy";
    doc["criteria"][1]["id"] = "criteria.polyneuropathy_again";
    std::string all = load_problems(doc);
    CHECK(all.find("/criteria/1/key: \"polyneuropathy\" is described twice") != std::string::npos);
    CHECK(all.find("/criteria: the criterion \"monoclonal_plasma_cell_disorder\" is missing") != std::string::npos);
}

TEST_CASE("a group asking for more present criteria than it has is refused") {
    Json doc = criteria_doc();
    doc["groups"][0]["min_present"] = 3;
    CHECK(load_problems(doc) == "criteria.json: /groups/0/min_present: asks for 3 present, but the group has 2 criteria\n");
}

TEST_CASE("a settling test missing from the test order is refused") {
    Json doc = criteria_doc();
    doc["criteria"][0]["settled_by_ids"].push_back("workup.pulmonary_function");
    CHECK(load_problems(doc) ==
          "criteria.json: /criteria/0/settled_by_ids/2: \"workup.pulmonary_function\" is not in /test_order_ids\n");
}
