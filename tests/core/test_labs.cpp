#include "test_schedule_support.hpp"

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::WithinRel;

TEST_CASE("the lab catalogue loads from content and knows the guide's tests", "[labs]") {
    const auto& c = labs();
    for (const char* id : {"labs.vegf_serum", "labs.vegf_plasma", "labs.m_protein", "labs.flc_kappa", "labs.flc_lambda",
                           "labs.flc_ratio", "labs.platelets", "labs.hemoglobin", "labs.hematocrit", "labs.albumin",
                           "labs.creatinine", "labs.egfr", "labs.testosterone", "labs.tsh", "labs.prolactin"})
        CHECK(c.test(id) != nullptr);
    CHECK(c.test("labs.flc_ratio")->main_unit == "ratio");
}

TEST_CASE("every lab test counts for a monitoring test of the schedule", "[labs]") {
    for (const auto& t : labs().tests) {
        INFO(t.id);
        REQUIRE_FALSE(t.counts_for_ids.empty());
        for (const auto& m : t.counts_for_ids) CHECK(monitoring().test(m) != nullptr);
    }
}

TEST_CASE("exact conversions work both ways", "[labs]") {
    const auto& c = labs();
    CHECK(convert(c, 3.1, "g/dL", "g/L") == 31.0);
    CHECK(convert(c, 31, "g/L", "g/dL") == 3.1);
    CHECK(convert(c, 1.5, "mg/dL", "mg/L") == 15.0);
    CHECK(convert(c, 15, "mg/L", "mg/dL") == 1.5);
    CHECK(convert(c, 0.8, "g/dL", "mg/dL") == 800.0);
    CHECK(convert(c, 450, "pg/mL", "ng/L") == 450.0);
    CHECK(convert(c, 450, "×10⁹/L", "×10³/µL") == 450.0);
    CHECK(convert(c, 0.45, "L/L", "%") == 45.0);
    CHECK(convert(c, 2.5, "µIU/mL", "mIU/L") == 2.5);
}

TEST_CASE("convert refuses conversions that are not a pure change of scale", "[labs]") {
    const auto& c = labs();
    CHECK_FALSE(convert(c, 1, "mg/dL", "µmol/L"));  // needs a molar mass
    CHECK_FALSE(convert(c, 6, "%", "mmol/mol"));    // HbA1c scales are not proportional
    CHECK_FALSE(convert(c, 1, "g/dL", "furlongs"));
}

TEST_CASE("a conventional conversion is done only for its test and is marked approximate", "[labs]") {
    const auto& c = labs();
    const LabTest& creat = *c.test("labs.creatinine");
    auto up = convert_for_test(c, creat, 1.0, "mg/dL", "µmol/L");
    REQUIRE(up);
    CHECK(up->conventional);
    CHECK_THAT(up->value, WithinRel(88.4, 1e-12));
    auto down = convert_for_test(c, creat, 88.4, "µmol/L", "mg/dL");
    REQUIRE(down);
    CHECK(down->conventional);
    CHECK_THAT(down->value, WithinRel(1.0, 1e-12));
    CHECK_FALSE(convert_for_test(c, creat, 1.0, "mg/dL", "µmol/L", /*allow_conventional=*/false));
    // Albumin in g/L -> g/dL is exact, not conventional.
    auto alb = convert_for_test(c, *c.test("labs.albumin"), 32, "g/L", "g/dL");
    REQUIRE(alb);
    CHECK_FALSE(alb->conventional);
    CHECK(alb->value == 3.2);
    // Prolactin in mIU/L depends on the assay: no conversion at all.
    CHECK_FALSE(convert_for_test(c, *c.test("labs.prolactin"), 300, "mIU/L", "ng/mL"));
}

TEST_CASE("impossible lab values are errors that name the value and the limit", "[labs]") {
    const auto& c = labs();
    auto neg = check_lab_value(c, "labs.vegf_serum", -5, "pg/mL");
    CHECK(neg.level == LabCheck::error);
    CHECK_THAT(neg.message, ContainsSubstring("-5 pg/mL") && ContainsSubstring("below zero"));
    auto hct = check_lab_value(c, "labs.hematocrit", 101, "%");
    CHECK(hct.level == LabCheck::error);
    CHECK_THAT(hct.message, ContainsSubstring("101 %") && ContainsSubstring("100 %"));
    auto hct_ll = check_lab_value(c, "labs.hematocrit", 1.2, "L/L");
    CHECK(hct_ll.level == LabCheck::error);
    CHECK_THAT(hct_ll.message, ContainsSubstring("1 L/L"));
}

TEST_CASE("unknown tests and units that a test does not allow are errors", "[labs]") {
    const auto& c = labs();
    auto unknown = check_lab_value(c, "labs.unobtainium", 1, "g/L");
    CHECK(unknown.level == LabCheck::error);
    CHECK_THAT(unknown.message, ContainsSubstring("labs.unobtainium"));
    auto unit = check_lab_value(c, "labs.albumin", 3.5, "mg/L");
    CHECK(unit.level == LabCheck::error);
    CHECK_THAT(unit.message, ContainsSubstring("\"mg/L\"") && ContainsSubstring("\"g/dL\", \"g/L\""));
}

TEST_CASE("implausible lab values are warnings, plausible ones are ok", "[labs]") {
    const auto& c = labs();
    // 35 typed as g/dL is almost certainly 35 g/L.
    auto alb = check_lab_value(c, "labs.albumin", 35, "g/dL");
    CHECK(alb.level == LabCheck::warning);
    CHECK_THAT(alb.message, ContainsSubstring("35 g/dL") && ContainsSubstring("unusually high"));
    CHECK(check_lab_value(c, "labs.albumin", 35, "g/L").level == LabCheck::ok);
    CHECK(check_lab_value(c, "labs.albumin", 2.9, "g/dL").level == LabCheck::ok);
    // Limits are shown in the unit typed.
    auto plt = check_lab_value(c, "labs.platelets", 5000, "×10³/µL");
    CHECK(plt.level == LabCheck::warning);
    CHECK_THAT(plt.message, ContainsSubstring("3000 ×10³/µL"));
    CHECK(check_lab_value(c, "labs.flc_ratio", 0.0001, "ratio").level == LabCheck::warning);
    CHECK(check_lab_value(c, "labs.vegf_serum", 1200, "pg/mL").level == LabCheck::ok);
}

TEST_CASE("a series is sorted by date and converted to the main unit", "[labs]") {
    Record r;
    lab(r, "labs.albumin", 30, "g/L", "2025-03-01");
    lab(r, "labs.albumin", 2.8, "g/dL", "2025-01-01");
    lab(r, "labs.albumin", 3.4, "g/dL", "2025-06-01");
    lab(r, "labs.platelets", 400, "×10⁹/L", "2025-02-01");
    Series s = series(r, labs(), "labs.albumin");
    CHECK(s.unit == "g/dL");
    REQUIRE(s.points.size() == 3);
    CHECK(s.points[0].date == d("2025-01-01"));
    CHECK(s.points[0].value == 2.8);
    CHECK(s.points[1].value == 3.0);
    CHECK(s.points[2].value == 3.4);
    CHECK(s.skipped.empty());
}

TEST_CASE("a series leaves out results it cannot convert or that are impossible, and says which", "[labs]") {
    Record r;
    lab(r, "labs.creatinine", 1.1, "mg/dL", "2025-01-01");
    lab(r, "labs.creatinine", 97, "µmol/L", "2025-02-01");
    lab(r, "labs.creatinine", -1, "mg/dL", "2025-03-01");
    lab(r, "labs.creatinine", 1.0, "mmol/L", "2025-04-01");
    Series exact = series(r, labs(), "labs.creatinine", /*allow_conventional=*/false);
    REQUIRE(exact.points.size() == 1);
    CHECK(exact.skipped == std::vector<std::string>{"lab-2", "lab-3", "lab-4"});
    Series approx = series(r, labs(), "labs.creatinine");
    REQUIRE(approx.points.size() == 2);
    CHECK(approx.points[1].conventional);
    CHECK_THAT(approx.points[1].value, WithinRel(97 / 88.4, 1e-12));
}

TEST_CASE("the lab catalogue loader reports problems with the file and the JSON Pointer", "[labs]") {
    Json doc = content_json("labs.json");
    doc["tests"][0]["main_unit"] = "mg/L";
    doc["tests"][1]["colour"] = "red";
    doc["tests"][2]["units"].push_back("parsecs");
    doc["tests"][3]["limits"]["warn_below"] = 5000000;
    Problems problems;
    CHECK_FALSE(load_lab_catalogue(doc, problems));
    std::string all;
    for (const auto& p : problems) all += p.to_string() + "\n";
    CHECK_THAT(all, ContainsSubstring("labs.json: /tests/0/main_unit: \"mg/L\" is not one of the test's units"));
    CHECK_THAT(all, ContainsSubstring("labs.json: /tests/1/colour: unknown key"));
    CHECK_THAT(all, ContainsSubstring("/tests/2/units/3: unit \"parsecs\" is not in the units table"));
    CHECK_THAT(all, ContainsSubstring("/tests/3/limits/warn_below: must be below warn_above"));
}
