// Mitigations that SAFETY.md cites (H13 onward) and that no other test pinned: the wording that
// keeps a signal, a recovery phase or a count of prognostic factors from reading as a verdict,
// and what the schedule says when a past appointment is taken as a test done.
#include "test_schedule_support.hpp"

#include "poems/signals.hpp"

#include <algorithm>
#include <cctype>

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

const PlannedTest& planned(const Plan& p, const char* due, const char* test_id) {
    for (const auto& item : p.items)
        if (item.due == d(due))
            for (const auto& t : item.tests)
                if (t.test_id == test_id) return t;
    FAIL("no " << test_id << " on " << due);
    throw 0;
}

const PlanItem& item_on(const Plan& p, const char* due) {
    for (const auto& item : p.items)
        if (item.due == d(due)) return item;
    FAIL("no item on " << due);
    throw 0;
}

}  // namespace

TEST_CASE("every signal asks the person to tell their care team and none states a diagnosis", "[signals][hazard]") {
    REQUIRE_FALSE(monitoring().signals.empty());
    for (const auto& rule : monitoring().signals) {
        INFO(rule.id);
        const std::string text = rule.text.in();
        CHECK_THAT(text, ContainsSubstring("Tell your care team"));
        const std::string low = lower(text);
        for (const char* verdict : {"diagnos", "you have relapsed", "relapse detected", "relapse is confirmed",
                                    "disease is back", "has come back", "is returning"})
            CHECK(low.find(verdict) == std::string::npos);
    }
    // The one signal read from numbers says in so many words who interprets them.
    bool vegf = false;
    for (const auto& rule : monitoring().signals)
        if (rule.kind == "rising_results") {
            vegf = true;
            CHECK_THAT(rule.text.in(), ContainsSubstring("Only your care team can say what these results mean"));
        }
    CHECK(vegf);
}

TEST_CASE("the monitoring plan puts the care team's own plan first", "[schedule][hazard]") {
    CHECK_THAT(monitoring().intro.in(), ContainsSubstring("their plan always comes first"));
    CHECK_THAT(monitoring().statuses.text.in(), ContainsSubstring("the app's own rule, not the guide's"));
}

TEST_CASE("the recovery timeline says it is neither a promise nor a test of how the person is doing", "[recovery][hazard]") {
    CHECK_THAT(recovery().intro.in(), ContainsSubstring("not a promise") &&
                                          ContainsSubstring("not a test of how you are doing"));
}

TEST_CASE("some factors present and the rest absent: the guide's words for in between, and no score", "[risk_factors][hazard]") {
    FactorAnswers a;
    for (const auto& f : prognosis().factors) a[f.id] = Tri::absent;
    a["prognosis.low_albumin"] = Tri::present;
    a["prognosis.age_over_50"] = Tri::present;
    RiskFactorReport r = evaluate_risk_factors(Record{}, prognosis(), labs(), d("2025-06-01"), a);
    CHECK(r.present == 2);
    CHECK(r.absent == 5);
    CHECK(r.unknown == 0);
    CHECK_FALSE(r.three_or_more);
    REQUIRE(r.summary);
    CHECK(r.summary == &prognosis().some);
    CHECK_THAT(r.summary->in(), ContainsSubstring("nothing specific in between"));
    CHECK_THAT(prognosis().intro.in(), ContainsSubstring("does not add them up into a score"));
}

// H17, decided in issue 23: a past appointment that lists a test does not count the test as done
// (the record cannot tell whether it was drawn); the test is "not confirmed" and the date stays
// overdue until the person confirms it. A confirmed test names that appointment as its evidence,
// so the page can say "done, an appointment on <date>", and the other tests of the date stay open.
TEST_CASE("a past appointment alone does not mark its test done; confirmed, it is named as the evidence", "[schedule][hazard]") {
    Record r;
    event(r, "asct", "2024-05-15");
    appointment(r, "2024-08-14", {"monitoring.test.vegf"});
    Plan before = make_schedule(r, monitoring(), labs(), d("2024-10-01"), 0);
    const PlannedTest& open = planned(before, "2024-08-15", "monitoring.test.vegf");
    CHECK_FALSE(open.done);
    CHECK(open.unconfirmed == d("2024-08-14"));
    CHECK(item_on(before, "2024-08-15").status == ItemStatus::overdue);
    r.appointments[0].done_test_ids = {"monitoring.test.vegf"};
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-10-01"), 0);
    const PlannedTest& vegf = planned(p, "2024-08-15", "monitoring.test.vegf");
    CHECK(vegf.done);
    CHECK(vegf.evidence == "appointment 2024-08-14");
    CHECK_FALSE(planned(p, "2024-08-15", "monitoring.test.cbc").done);
    CHECK(item_on(p, "2024-08-15").status == ItemStatus::overdue);
}
