#include "catch.hpp"
#include "test_criteria_support.hpp"

using poems::Evaluation;
using poems::Json;
using poems::Status;
using poems::Verdict;
using namespace poems_test;

static Status status(const Evaluation& e, const std::string& key) { return e.criterion(key)->status; }
static bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

static const char* kBothMandatoryAndMajor =
    R"("polyneuropathy": "present", "monoclonal_plasma_cell_disorder": "present", "sclerotic_bone_lesions": "present")";

// The project's copies of the vignettes, then the shared folder the specification lives in (beside
// the repository on the team's machines and in CI), so a vignette added there is run at once.
static void check_vignettes_in(const std::filesystem::path& folder) {
    for (const auto& path : files_in(folder.string(), ".json")) {
        INFO(path.string());
        Json v = read_json(path.string());
        poems::Problems problems;
        auto f = poems::parse_findings(v.at("findings"), rules(), problems);
        REQUIRE(f);
        Evaluation e = poems::evaluate(*f, rules());
        CHECK(poems::to_string(e.verdict) == v.at("expected").at("verdict").get<std::string>());
        if (v["expected"].contains("workup_recommended"))
            CHECK(e.workup_recommended == v["expected"]["workup_recommended"].get<bool>());
    }
}

TEST_CASE("every vignette gives its expected verdict and red-flag screen through the real evaluator") {
    const std::filesystem::path ours = std::string(POEMS_TEST_FIXTURES) + "/vignettes";
    REQUIRE(files_in(ours.string(), ".json").size() >= 16);
    check_vignettes_in(ours);
    const auto shared = std::filesystem::path(POEMS_CONTENT_DIR) / ".." / ".." / "shared" / "vignettes";
    if (!std::filesystem::is_directory(shared)) SKIP("the shared vignettes are not at " << shared.string());
    check_vignettes_in(shared);
}

// --- the verdict rules ---------------------------------------------------------------------------

TEST_CASE("both mandatory, one other major and one minor meet the criteria") {
    CHECK(eval(std::string("{") + kBothMandatoryAndMajor + R"(, "papilledema": "present"})").verdict == Verdict::meets_criteria);
}

TEST_CASE("a missing minor leaves the result incomplete, listing only the minor criteria as missing") {
    auto e = eval(std::string("{") + kBothMandatoryAndMajor + "}");
    CHECK(e.verdict == Verdict::incomplete);
    REQUIRE(e.missing.size() == 6);
    for (const auto& m : e.missing) CHECK(rules().criterion(m.key)->group == "minor");
}

TEST_CASE("one absent mandatory criterion means the criteria are not met, and says why") {
    auto e = eval(R"({"polyneuropathy": "absent"})");
    CHECK(e.verdict == Verdict::does_not_meet);
    REQUIRE(e.why.size() == 1);
    CHECK(contains(e.why[0], "Polyneuropathy"));
    CHECK(e.missing.empty());
}

TEST_CASE("all three other major criteria absent means not met") {
    auto e = eval(R"({"sclerotic_bone_lesions": "absent", "castleman_disease": "absent", "vegf_elevated": "absent"})");
    CHECK(e.verdict == Verdict::does_not_meet);
}

TEST_CASE("five absent minor criteria with one unknown is still incomplete") {
    auto e = eval(std::string("{") + kBothMandatoryAndMajor +
                  R"(, "organomegaly": "absent", "extravascular_volume_overload": "absent", "endocrinopathy": "absent",
                       "skin_changes": "absent", "papilledema": "absent"})");
    CHECK(e.verdict == Verdict::incomplete);
    REQUIRE(e.missing.size() == 1);
    CHECK(e.missing[0].key == "thrombocytosis_or_polycythemia");
    REQUIRE(e.tests_to_settle.size() == 1);
    CHECK(e.tests_to_settle[0].workup_id == "workup.cbc");
}

TEST_CASE("the Castleman variant needs two minor criteria and an absent mandatory one") {
    std::string base = R"("castleman_disease": "present", "monoclonal_plasma_cell_disorder": "absent", "organomegaly": "present")";
    CHECK(eval("{" + base + "}").verdict == Verdict::does_not_meet);
    CHECK(eval("{" + base + R"(, "skin_changes": "present"})").verdict == Verdict::castleman_variant);
    auto no_absent = eval(R"({"castleman_disease": "present", "organomegaly": "present", "skin_changes": "present"})");
    CHECK(no_absent.verdict == Verdict::incomplete);
}

TEST_CASE("meeting the criteria wins over the Castleman variant pattern") {
    auto e = eval(R"({"polyneuropathy": "present", "monoclonal_plasma_cell_disorder": "present", "castleman_disease": "present",
                      "organomegaly": "present", "skin_changes": "present"})");
    CHECK(e.verdict == Verdict::meets_criteria);
}

// --- VEGF --------------------------------------------------------------------------------------

static Evaluation vegf(const std::string& measurement) { return eval(R"({"vegf": )" + measurement + "}"); }

TEST_CASE("serum VEGF at 1000 pg/mL or more counts as raised") {
    auto e = vegf(R"({"value": 1000, "unit": "pg/mL", "sample": "serum"})");
    CHECK(status(e, "vegf_elevated") == Status::present);
    CHECK(contains(e.criterion("vegf_elevated")->reason, "1000 pg/mL"));
}

TEST_CASE("serum VEGF from 850 up to 1000 pg/mL is borderline, with a warning, and not absent") {
    for (double v : {850.0, 870.0, 999.0}) {
        auto e = vegf(R"({"value": )" + std::to_string(v) + R"(, "unit": "pg/mL", "sample": "serum"})");
        CHECK(status(e, "vegf_elevated") == Status::borderline);
        CHECK(has_warning(e, "criteria.warning.vegf_borderline"));
    }
}

TEST_CASE("serum VEGF under 850 pg/mL is not raised") {
    CHECK(status(vegf(R"({"value": 849, "unit": "pg/mL", "sample": "serum"})"), "vegf_elevated") == Status::absent);
}

TEST_CASE("plasma VEGF at 200 pg/mL counts, and below it stays unknown with a warning") {
    CHECK(status(vegf(R"({"value": 200, "unit": "pg/mL", "sample": "plasma"})"), "vegf_elevated") == Status::present);
    auto low = vegf(R"({"value": 150, "unit": "pg/mL", "sample": "plasma"})");
    CHECK(status(low, "vegf_elevated") == Status::unknown);
    CHECK(has_warning(low, "criteria.warning.vegf_below_not_ruled_out"));
    CHECK(contains(low.criterion("vegf_elevated")->reason, "68%"));
}

TEST_CASE("the same number reads differently in serum and plasma") {
    CHECK(status(vegf(R"({"value": 500, "unit": "pg/mL", "sample": "plasma"})"), "vegf_elevated") == Status::present);
    CHECK(status(vegf(R"({"value": 500, "unit": "pg/mL", "sample": "serum"})"), "vegf_elevated") == Status::absent);
}

TEST_CASE("with the lab's upper limit, 3 times it counts, above it is borderline, at it is normal") {
    CHECK(status(vegf(R"({"value": 300, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 100})"), "vegf_elevated") == Status::present);
    CHECK(status(vegf(R"({"value": 299, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 100})"), "vegf_elevated") == Status::borderline);
    CHECK(status(vegf(R"({"value": 100, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 100})"), "vegf_elevated") == Status::absent);
}

TEST_CASE("a VEGF between 3 and 4 times the upper limit is flagged, because 003 says 3 to 4 times") {
    CHECK(has_warning(vegf(R"({"value": 350, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 100})"),
                      "criteria.warning.vegf_uln_range"));
    CHECK_FALSE(has_warning(vegf(R"({"value": 400, "unit": "pg/mL", "sample": "serum", "upper_limit_of_normal": 100})"),
                            "criteria.warning.vegf_uln_range"));
}

TEST_CASE("a VEGF without the lab's limit carries the sample-type warning") {
    CHECK(has_warning(vegf(R"({"value": 2400, "unit": "pg/mL", "sample": "serum"})"), "criteria.warning.vegf_sample_type"));
}

// --- endocrine findings ------------------------------------------------------------------------

TEST_CASE("diabetes alone does not count as endocrinopathy, and the reason says so") {
    auto e = eval(R"({"endocrine_findings": ["diabetes"]})");
    CHECK(status(e, "endocrinopathy") == Status::absent);
    CHECK(contains(e.criterion("endocrinopathy")->reason, "Diabetes alone does not count as endocrinopathy"));
}

TEST_CASE("thyroid disease alone does not count either") {
    CHECK(status(eval(R"({"endocrine_findings": ["hypothyroidism", "hyperthyroidism"]})"), "endocrinopathy") == Status::absent);
}

TEST_CASE("hypogonadism counts, also next to diabetes") {
    auto e = eval(R"({"endocrine_findings": ["diabetes", "hypogonadism"]})");
    CHECK(status(e, "endocrinopathy") == Status::present);
    CHECK(contains(e.criterion("endocrinopathy")->reason, "hypogonadism"));
}

TEST_CASE("an endocrine finding the list does not know counts, with a spelling warning") {
    poems::Problems problems;
    auto f = poems::parse_findings(Json::parse(R"({"endocrine_findings": ["acromegaly"]})"), problems);
    REQUIRE(f);
    auto e = poems::evaluate(*f, rules());
    CHECK(status(e, "endocrinopathy") == Status::present);
    CHECK(has_warning(e, "criteria.warning.endocrine_unlisted"));
}

// --- M-protein ---------------------------------------------------------------------------------

TEST_CASE("any positive M-protein test means present") {
    auto e = eval(R"({"m_protein_tests": [{"test": "spep", "result": "negative"}, {"test": "free_light_chains", "result": "positive"}]})");
    CHECK(status(e, "monoclonal_plasma_cell_disorder") == Status::present);
}

TEST_CASE("a single negative SPEP leaves the M-protein open, with the 30-46% warning") {
    auto e = eval(R"({"m_protein_tests": [{"test": "spep", "result": "negative"}]})");
    CHECK(status(e, "monoclonal_plasma_cell_disorder") == Status::borderline);
    REQUIRE(has_warning(e, "criteria.warning.spep_negative_only"));
    CHECK(contains(e.warnings[0].text, "30–46%"));
}

TEST_CASE("negative SPEP and serum immunofixation without urine immunofixation are still open") {
    auto e = eval(R"({"m_protein_tests": [{"test": "spep", "result": "negative"}, {"test": "serum_immunofixation", "result": "negative"},
                                          {"test": "free_light_chains", "result": "negative"}]})");
    CHECK(status(e, "monoclonal_plasma_cell_disorder") == Status::borderline);
}

TEST_CASE("negative serum and urine immunofixation count as absent") {
    auto e = eval(R"({"m_protein_tests": [{"test": "urine_immunofixation", "result": "negative"}, {"test": "serum_immunofixation", "result": "negative"}]})");
    CHECK(status(e, "monoclonal_plasma_cell_disorder") == Status::absent);
    CHECK(e.verdict == Verdict::does_not_meet);
}

TEST_CASE("an absent M-protein always warns that it may have been missed, whether entered or from results") {
    auto by_tests = eval(R"({"m_protein_tests": [{"test": "urine_immunofixation", "result": "negative"}, {"test": "serum_immunofixation", "result": "negative"}]})");
    CHECK(has_warning(by_tests, "criteria.warning.m_protein_absent"));
    CHECK(has_warning(eval(R"({"monoclonal_plasma_cell_disorder": "absent"})"), "criteria.warning.m_protein_absent"));
    CHECK_FALSE(has_warning(eval(R"({"monoclonal_plasma_cell_disorder": "unknown"})"), "criteria.warning.m_protein_absent"));
    const std::string text = poems_test::rules().warning("m_protein_absent")->text.get();
    CHECK(contains(text, "15–25%"));
    CHECK(contains(text, "bone marrow"));
}

TEST_CASE("serum VEGF below 850 pg/mL is described against the guide's levels, never as normal") {
    auto e = vegf(R"({"value": 700, "unit": "pg/mL", "sample": "serum"})");
    const std::string& why = e.criterion("vegf_elevated")->reason;
    CHECK(contains(why, "upper limit of normal"));
    CHECK_FALSE(contains(why, "is normal"));
    CHECK_FALSE(contains(why, "normal VEGF"));
}

TEST_CASE("an empty list of M-protein tests is unknown") {
    CHECK(status(eval(R"({"m_protein_tests": []})"), "monoclonal_plasma_cell_disorder") == Status::unknown);
}

TEST_CASE("results decide over a different entry for the same item, with a warning") {
    auto e = eval(R"({"monoclonal_plasma_cell_disorder": "present", "m_protein_tests": [{"test": "spep", "result": "negative"}]})");
    CHECK(status(e, "monoclonal_plasma_cell_disorder") == Status::borderline);
    CHECK(has_warning(e, "criteria.warning.entry_overridden"));
}

// --- red flags ---------------------------------------------------------------------------------

TEST_CASE("each listed condition that did not improve recommends a workup, with no red flag needed") {
    for (const char* condition : {"cidp", "mgus_neuropathy", "diabetic_neuropathy"}) {
        INFO(condition);
        auto e = eval(std::string(R"({"prior_diagnosis": {"condition": ")") + condition + R"(", "improved_with_treatment": false}})");
        CHECK(e.workup_recommended);
        CHECK(e.red_flags.empty());
        CHECK(e.red_flag_reason_id == "criteria.reason.screen_not_improved");
        CHECK(e.red_flag_headline == poems_test::rules().reason("screen_recommended").text.get());
    }
}

TEST_CASE("with nothing else entered, every red flag is listed as still worth checking") {
    auto e = eval(R"({"prior_diagnosis": {"condition": "mgus_neuropathy", "improved_with_treatment": false}})");
    CHECK(e.red_flags_unknown == poems_test::rules().red_flags.red_flag_keys);
    CHECK((contains(e.red_flag_reason, "Papilledema") || contains(e.red_flag_reason, "papilledema")));
}

TEST_CASE("red flags present make the recommendation more pressing and are named; absent ones are not listed") {
    auto e = eval(R"({"papilledema": "present", "skin_changes": "absent", "prior_diagnosis": {"condition": "mgus_neuropathy", "improved_with_treatment": false}})");
    CHECK(e.workup_recommended);
    CHECK(e.red_flags == std::vector<std::string>{"papilledema"});
    CHECK(std::find(e.red_flags_unknown.begin(), e.red_flags_unknown.end(), "papilledema") == e.red_flags_unknown.end());
    CHECK(std::find(e.red_flags_unknown.begin(), e.red_flags_unknown.end(), "skin_changes") == e.red_flags_unknown.end());
    const std::string pressing = poems_test::rules().reason("screen_flags_present").text.get();
    CHECK(contains(e.red_flag_reason, pressing.substr(0, pressing.find('{'))));
}

TEST_CASE("every red flag absent still recommends the workup, without a list of flags to check") {
    std::string all_absent;
    for (const auto& k : poems_test::rules().red_flags.red_flag_keys) all_absent += "\"" + k + "\": \"absent\", ";
    auto e = eval("{" + all_absent + R"("prior_diagnosis": {"condition": "diabetic_neuropathy", "improved_with_treatment": false}})");
    CHECK(e.workup_recommended);
    CHECK(e.red_flags.empty());
    CHECK(e.red_flags_unknown.empty());
    const std::string to_check = poems_test::rules().reason("screen_flags_to_check").text.get();
    CHECK_FALSE(contains(e.red_flag_reason, to_check.substr(0, to_check.find('{'))));
}

TEST_CASE("a derived red flag counts: hypogonadism in diabetic neuropathy that did not improve") {
    auto e = eval(R"({"endocrine_findings": ["hypogonadism"], "prior_diagnosis": {"condition": "diabetic_neuropathy", "improved_with_treatment": false}})");
    CHECK(e.workup_recommended);
    CHECK(e.red_flags == std::vector<std::string>{"endocrinopathy"});
}

TEST_CASE("an improved condition or an unlisted one does not trigger the screen, and says it does not apply") {
    CHECK(eval(R"({"prior_diagnosis": {"condition": "cidp", "improved_with_treatment": true}})").red_flag_headline ==
          poems_test::rules().reason("screen_not_applicable").text.get());
    CHECK_FALSE(eval(R"({"skin_changes": "present", "prior_diagnosis": {"condition": "diabetic_neuropathy", "improved_with_treatment": true}})").workup_recommended);
    CHECK_FALSE(eval(R"({"skin_changes": "present", "prior_diagnosis": {"condition": "guillain_barre", "improved_with_treatment": false}})").workup_recommended);
    CHECK_FALSE(eval(R"({"skin_changes": "present"})").workup_recommended);
}

// --- what is missing ---------------------------------------------------------------------------

TEST_CASE("when nothing is known, mandatory criteria come first and each test is listed once") {
    auto e = eval("{}");
    REQUIRE(e.verdict == Verdict::incomplete);
    REQUIRE(e.missing.size() == 11);
    CHECK(e.missing[0].key == "polyneuropathy");
    CHECK(e.missing[1].key == "monoclonal_plasma_cell_disorder");
    std::vector<std::string> ids;
    for (const auto& t : e.tests_to_settle) ids.push_back(t.workup_id);
    auto sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    // Tests that settle a mandatory criterion come before any test that only settles others.
    REQUIRE(ids.size() >= 2);
    auto cbc = std::find(ids.begin(), ids.end(), "workup.cbc");
    auto ncs = std::find(ids.begin(), ids.end(), "workup.nerve_conduction");
    auto spep = std::find(ids.begin(), ids.end(), "workup.spep_immunofixation");
    CHECK(spep < cbc);
    CHECK(ncs < cbc);
}

TEST_CASE("the skeletal survey is listed once even though it settles several items") {
    auto e = eval("{}");
    auto it = std::find_if(e.tests_to_settle.begin(), e.tests_to_settle.end(),
                           [](const auto& t) { return t.workup_id == "workup.skeletal_survey_ct"; });
    REQUIRE(it != e.tests_to_settle.end());
    CHECK(it->settles.size() >= 3);
}

TEST_CASE("the evaluation JSON carries a status, reason and sources for every criterion key") {
    Json j = poems::evaluation_to_json(eval(R"({"polyneuropathy": "present"})"));
    CHECK(j["verdict"] == "incomplete");
    CHECK(j["workup_recommended"] == false);
    CHECK(j["red_flags"].is_array());
    for (const auto& key : poems::criterion_keys()) {
        INFO(key);
        REQUIRE(j["criteria"].contains(key));
        CHECK(j["criteria"][key]["status"].is_string());
        CHECK_FALSE(j["criteria"][key]["reason"].get<std::string>().empty());
        CHECK(j["criteria"][key]["sources"].size() >= 1);
    }
    CHECK(j["criteria"]["polyneuropathy"]["status"] == "present");
    CHECK_FALSE(j["headline"].get<std::string>().empty());
    CHECK(contains(j["disclaimer"].get<std::string>(), "only a doctor"));
    CHECK(j["missing"].size() >= 1);
}

TEST_CASE("every verdict has a headline and an explanation from the content") {
    for (const char* json : {"{}", R"({"polyneuropathy": "absent"})"}) {
        auto e = eval(json);
        CHECK_FALSE(e.headline.empty());
        CHECK_FALSE(e.explanation.empty());
        CHECK_FALSE(e.verdict_sources.empty());
    }
}
