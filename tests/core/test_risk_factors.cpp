#include "test_schedule_support.hpp"

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;

namespace {

const FactorResult& factor(const RiskFactorReport& r, const std::string& id) {
    for (const auto& f : r.factors)
        if (f.factor_id == id) return f;
    FAIL("no factor " << id);
    throw 0;
}

RiskFactorReport evaluate(const Record& r, const char* today = "2025-06-01", const FactorAnswers& answers = {}) {
    return evaluate_risk_factors(r, prognosis(), labs(), d(today), answers);
}

}  // namespace

TEST_CASE("the prognosis content lists the guide's seven factors", "[risk_factors]") {
    CHECK(prognosis().factors.size() == 7);
    CHECK(prognosis().three_or_more_count == 3);
}

TEST_CASE("albumin below 3.2 g/dL is present, from the latest result, in any unit", "[risk_factors]") {
    Record r;
    lab(r, "labs.albumin", 3.6, "g/dL", "2024-01-01");
    lab(r, "labs.albumin", 29, "g/L", "2025-01-01");
    auto f = factor(evaluate(r), "prognosis.low_albumin");
    CHECK(f.state == Tri::present);
    CHECK_THAT(f.reason, ContainsSubstring("29 g/L on 2025-01-01") && ContainsSubstring("below 3.2 g/dL"));
    lab(r, "labs.albumin", 32, "g/L", "2025-03-01");  // exactly 3.2 g/dL: not below
    CHECK(factor(evaluate(r), "prognosis.low_albumin").state == Tri::absent);
    CHECK(factor(evaluate(Record{}), "prognosis.low_albumin").state == Tri::unknown);
}

TEST_CASE("reduced eGFR has no threshold: unknown from the number, present from a lab note", "[risk_factors]") {
    Record r;
    lab(r, "labs.egfr", 40, "mL/min/1.73 m²", "2025-01-01");
    auto f = factor(evaluate(r), "prognosis.reduced_egfr");
    CHECK(f.state == Tri::unknown);
    CHECK_THAT(f.reason, ContainsSubstring("no threshold"));
    r.labs[0].note = "Reduced - flagged L by the lab";
    CHECK(factor(evaluate(r), "prognosis.reduced_egfr").state == Tri::present);
}

TEST_CASE("age over 50 at diagnosis, and unknown when the birth year cannot tell", "[risk_factors]") {
    Record r;
    event(r, "diagnosis", "2020-06-01");
    r.profile.birth_year = 1960;  // 59 or 60 at diagnosis
    CHECK(factor(evaluate(r), "prognosis.age_over_50").state == Tri::present);
    r.profile.birth_year = 1970;  // 49 or 50
    CHECK(factor(evaluate(r), "prognosis.age_over_50").state == Tri::absent);
    r.profile.birth_year = 1969;  // 50 or 51
    auto f = factor(evaluate(r), "prognosis.age_over_50");
    CHECK(f.state == Tri::unknown);
    CHECK_THAT(f.reason, ContainsSubstring("50 or 51"));
    r.profile.birth_year.reset();
    CHECK(factor(evaluate(r), "prognosis.age_over_50").state == Tri::unknown);
}

TEST_CASE("fluid overload: absent in the findings means absent, present is left to the doctor", "[risk_factors]") {
    Record r;
    r.findings = {{"extravascular_volume_overload", "absent"}};
    CHECK(factor(evaluate(r), "prognosis.volume_overload").state == Tri::absent);
    r.findings = {{"extravascular_volume_overload", "present"}};
    CHECK(factor(evaluate(r), "prognosis.volume_overload").state == Tri::unknown);
}

TEST_CASE("an answer wins over the record, and factors with no rule need one", "[risk_factors]") {
    Record r;
    lab(r, "labs.albumin", 2.5, "g/dL", "2025-01-01");
    CHECK(factor(evaluate(r), "prognosis.pulmonary_hypertension").state == Tri::unknown);
    FactorAnswers a = {{"prognosis.pulmonary_hypertension", Tri::present}, {"prognosis.low_albumin", Tri::absent}};
    auto report = evaluate(r, "2025-06-01", a);
    CHECK(factor(report, "prognosis.pulmonary_hypertension").state == Tri::present);
    CHECK(factor(report, "prognosis.low_albumin").state == Tri::absent);
    CHECK_THAT(factor(report, "prognosis.low_albumin").reason, ContainsSubstring("you answered"));
}

TEST_CASE("three or more present factors give the guide's text about expert centres", "[risk_factors]") {
    Record r;
    lab(r, "labs.albumin", 2.5, "g/dL", "2025-01-01");
    FactorAnswers a = {{"prognosis.pulmonary_hypertension", Tri::present}, {"prognosis.clubbing", Tri::present}};
    auto report = evaluate(r, "2025-06-01", a);
    CHECK(report.present == 3);
    CHECK(report.three_or_more);
    REQUIRE(report.summary);
    CHECK_THAT(report.summary->in(), ContainsSubstring("expert"));
}

TEST_CASE("no factor present and none unknown gives the guide's text for none", "[risk_factors]") {
    Record r;
    FactorAnswers a;
    for (const auto& f : prognosis().factors) a[f.id] = Tri::absent;
    auto report = evaluate(r, "2025-06-01", a);
    CHECK(report.absent == 7);
    CHECK(report.summary == &prognosis().none);
    CHECK_THAT(report.summary->in(), ContainsSubstring("14 years"));
    // With unknowns the app does not claim "none".
    CHECK(evaluate(Record{}).summary == &prognosis().unknown);
}
