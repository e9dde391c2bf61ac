#include "test_schedule_support.hpp"

#include <algorithm>

using namespace poems;
using namespace poems::test;

namespace {

const std::vector<std::string> kQuarterly = {"monitoring.test.cbc", "monitoring.test.cmp",
                                             "monitoring.test.spep_immunofixation", "monitoring.test.free_light_chains",
                                             "monitoring.test.vegf", "monitoring.test.physical_exam"};
const std::vector<std::string> kHalfYearly = {"monitoring.test.nerve_conduction", "monitoring.test.echocardiogram"};
const std::vector<std::string> kYearly = {"monitoring.test.bone_imaging", "monitoring.test.ophthalmology",
                                          "monitoring.test.endocrine_panel", "monitoring.test.pulmonary_function"};

std::vector<std::string> concat(std::initializer_list<const std::vector<std::string>*> parts) {
    std::vector<std::string> out;
    for (auto* p : parts) out.insert(out.end(), p->begin(), p->end());
    return out;
}

std::vector<std::string> test_ids(const PlanItem& item) {
    std::vector<std::string> out;
    for (const auto& t : item.tests) out.push_back(t.test_id);
    return out;
}

const PlannedTest& test_in(const PlanItem& item, const std::string& id) {
    for (const auto& t : item.tests)
        if (t.test_id == id) return t;
    FAIL("test " << id << " not in the item of " << to_string(item.due));
    throw 0;
}

const PlanItem& item_on(const Plan& p, const char* date) {
    for (const auto& i : p.items)
        if (i.due == d(date)) return i;
    FAIL("no item on " << date);
    throw 0;
}

struct Expected {
    const char* date;
    std::vector<std::string> tests;
    const char* phase;
    ItemStatus status;
};

void check_items(const Plan& p, const std::vector<Expected>& expected) {
    REQUIRE(p.items.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("item " << i << " expected on " << expected[i].date);
        CHECK(to_string(p.items[i].due) == expected[i].date);
        CHECK(test_ids(p.items[i]) == expected[i].tests);
        CHECK(p.items[i].phase_id == expected[i].phase);
        CHECK(to_string(p.items[i].status) == std::string(to_string(expected[i].status)));
    }
}

// One year after an ASCT, with some results logged.
Record one_year_after_asct() {
    Record r;
    event(r, "diagnosis", "2024-01-05");
    event(r, "treatment_start", "2024-02-01");
    event(r, "asct", "2024-05-15");
    for (const char* t : {"labs.platelets", "labs.albumin", "labs.m_protein", "labs.flc_kappa"})
        lab(r, t, 1, t == std::string("labs.platelets") ? "×10⁹/L" : t == std::string("labs.flc_kappa") ? "mg/L" : "g/dL",
            "2024-08-14");
    lab(r, "labs.vegf_serum", 600, "pg/mL", "2024-08-14");
    appointment(r, "2024-08-14", {"monitoring.test.physical_exam"}, true);
    lab(r, "labs.vegf_serum", 500, "pg/mL", "2025-02-20");
    lab(r, "labs.vegf_serum", 450, "pg/mL", "2025-05-18");
    appointment(r, "2025-08-10", {"workup.cbc"});
    return r;
}

}  // namespace

TEST_CASE("the monitoring content loads and every row test is a test of the file", "[schedule]") {
    const auto& m = monitoring();
    REQUIRE(m.rows.size() == 3);
    CHECK(m.rows[0].test_ids == kQuarterly);
    CHECK(m.rows[1].test_ids == kHalfYearly);
    CHECK(m.rows[2].test_ids == kYearly);
    CHECK(m.rows[0].interval_months == 3);
    CHECK(m.extension_steps.size() == 2);
    CHECK(m.as_indicated.size() == 3);
}

TEST_CASE("schedule one year after ASCT: dates, tests and phases item by item", "[schedule]") {
    Plan p = make_schedule(one_year_after_asct(), monitoring(), labs(), d("2025-05-20"), 12);
    REQUIRE(p.anchor);
    CHECK(p.anchor->kind == "asct");
    CHECK(p.anchor->date == d("2024-05-15"));
    CHECK_FALSE(p.baseline);
    const char* first = "monitoring.phase.first_2_years";
    auto Q = kQuarterly, QS = concat({&kQuarterly, &kHalfYearly}), QSY = concat({&kQuarterly, &kHalfYearly, &kYearly});
    check_items(p, {
                       {"2024-08-15", Q, first, ItemStatus::done},
                       {"2024-11-15", QS, first, ItemStatus::overdue},
                       {"2025-02-15", Q, first, ItemStatus::overdue},
                       {"2025-05-15", QSY, first, ItemStatus::due},
                       {"2025-08-15", Q, first, ItemStatus::upcoming},
                       {"2025-11-15", QS, first, ItemStatus::upcoming},
                       {"2026-02-15", Q, first, ItemStatus::upcoming},
                       {"2026-05-15", QSY, first, ItemStatus::upcoming},
                   });
}

TEST_CASE("a partly done item stays overdue and shows which tests are done", "[schedule]") {
    Plan p = make_schedule(one_year_after_asct(), monitoring(), labs(), d("2025-05-20"), 12);
    const PlanItem& feb = item_on(p, "2025-02-15");
    CHECK(test_in(feb, "monitoring.test.vegf").done);
    CHECK(test_in(feb, "monitoring.test.vegf").evidence == "labs.vegf_serum 2025-02-20");
    CHECK_FALSE(test_in(feb, "monitoring.test.cbc").done);
    CHECK(feb.status == ItemStatus::overdue);
}

TEST_CASE("an appointment after today marks a test planned, not done", "[schedule]") {
    Plan p = make_schedule(one_year_after_asct(), monitoring(), labs(), d("2025-05-20"), 12);
    const PlannedTest& cbc = test_in(item_on(p, "2025-08-15"), "monitoring.test.cbc");
    CHECK(cbc.planned);
    CHECK_FALSE(cbc.done);
    // Once that day has passed, the appointment alone does not make the test done (SAFETY.md H17):
    // it is "not confirmed" until the person confirms it was done.
    Record r = one_year_after_asct();
    Plan later = make_schedule(r, monitoring(), labs(), d("2025-08-11"), 12);
    const PlannedTest& open = test_in(item_on(later, "2025-08-15"), "monitoring.test.cbc");
    CHECK_FALSE(open.done);
    CHECK_FALSE(open.planned);
    REQUIRE(open.unconfirmed);
    CHECK(*open.unconfirmed == d("2025-08-10"));
    r.appointments.back().done_test_ids = {"workup.cbc"};
    Plan confirmed = make_schedule(r, monitoring(), labs(), d("2025-08-11"), 12);
    const PlannedTest& done = test_in(item_on(confirmed, "2025-08-15"), "monitoring.test.cbc");
    CHECK(done.done);
    CHECK_FALSE(done.unconfirmed);
    CHECK(done.evidence == "appointment 2025-08-10");
}

TEST_CASE("windows tile the timeline: a result counts for exactly one date", "[schedule]") {
    Record r;
    event(r, "asct", "2024-05-15");
    lab(r, "labs.vegf_serum", 500, "pg/mL", "2024-09-29");
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-01-01"), 0);
    const PlannedTest& aug = test_in(item_on(p, "2024-08-15"), "monitoring.test.vegf");
    CHECK(aug.window_start == d("2024-06-30"));
    CHECK(aug.window_end == d("2024-09-30"));
    CHECK(aug.done);
    CHECK_FALSE(test_in(item_on(p, "2024-11-15"), "monitoring.test.vegf").done);
    r.labs[0].date = d("2024-09-30");
    Plan q = make_schedule(r, monitoring(), labs(), d("2025-01-01"), 0);
    CHECK_FALSE(test_in(item_on(q, "2024-08-15"), "monitoring.test.vegf").done);
    CHECK(test_in(item_on(q, "2024-11-15"), "monitoring.test.vegf").done);
}

TEST_CASE("a result on the treatment day does not count for the first date", "[schedule]") {
    Record r;
    event(r, "asct", "2024-05-15");
    lab(r, "labs.vegf_serum", 500, "pg/mL", "2024-05-15");
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-08-01"), 1);
    CHECK_FALSE(test_in(item_on(p, "2024-08-15"), "monitoring.test.vegf").done);
}

TEST_CASE("statuses change with today: upcoming, due from 14 days before, overdue after 30 days", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2024-01-10"), std::nullopt);
    auto status_on = [&](const char* today) {
        Plan p = make_schedule(r, monitoring(), labs(), d(today), 12);
        return item_on(p, "2024-04-10").status;
    };
    CHECK(status_on("2024-03-26") == ItemStatus::upcoming);
    CHECK(status_on("2024-03-27") == ItemStatus::due);
    CHECK(status_on("2024-04-10") == ItemStatus::due);
    CHECK(status_on("2024-05-10") == ItemStatus::due);
    CHECK(status_on("2024-05-11") == ItemStatus::overdue);
}

TEST_CASE("schedule after 3 years of sustained remission: tests are spaced out on the treatment grid", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2021-01-15"), d("2021-07-01"));
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-07-01"), 12);
    REQUIRE(p.remission);
    REQUIRE(p.extension_start);
    CHECK(*p.extension_start == d("2023-07-01"));  // 2 years after the remission, later than 2 years after treatment
    const char* first = "monitoring.phase.first_2_years";
    const char* until = "monitoring.phase.until_extension";
    const char* six = "monitoring.phase.extended_6_months";
    auto Q = kQuarterly, QS = concat({&kQuarterly, &kHalfYearly}), QSY = concat({&kQuarterly, &kHalfYearly, &kYearly});
    auto O = ItemStatus::overdue;
    check_items(p, {
                       {"2021-04-15", Q, first, O},
                       {"2021-07-15", QS, first, O},
                       {"2021-10-15", Q, first, O},
                       {"2022-01-15", QSY, first, O},
                       {"2022-04-15", Q, first, O},
                       {"2022-07-15", QS, first, O},
                       {"2022-10-15", Q, first, O},
                       {"2023-01-15", QSY, first, O},
                       {"2023-04-15", Q, until, O},
                       {"2023-07-15", QS, six, O},
                       {"2024-01-15", QSY, six, O},
                       {"2024-07-15", QS, six, ItemStatus::due},
                       {"2025-01-15", QSY, six, ItemStatus::upcoming},
                   });
    CHECK(std::find(p.note_ids.begin(), p.note_ids.end(), "monitoring.note.no_remission_date") == p.note_ids.end());
}

TEST_CASE("after the 6-monthly step the app's reading moves every test to once a year", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2021-01-15"), d("2021-07-01"));
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-06-01"), 24);
    // The 6-monthly step runs from 2023-07-01 to 2025-07-01; yearly after that.
    CHECK(item_on(p, "2025-01-15").phase_id == "monitoring.phase.extended_6_months");
    const PlanItem& y = item_on(p, "2026-01-15");
    CHECK(y.phase_id == "monitoring.phase.extended_yearly");
    CHECK(test_ids(y) == concat({&kQuarterly, &kHalfYearly, &kYearly}));
    CHECK(p.items.back().due == d("2027-01-15"));
    for (const auto& i : p.items) CHECK(i.due != d("2025-07-15"));
}

TEST_CASE("without a remission date the 3-monthly rhythm continues after 2 years, with a note", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2021-01-15"), std::nullopt);
    Plan p = make_schedule(r, monitoring(), labs(), d("2023-06-01"), 6);
    CHECK_FALSE(p.extension_start);
    CHECK(item_on(p, "2023-04-15").phase_id == "monitoring.phase.until_extension");
    CHECK(test_ids(item_on(p, "2023-10-15")) == kQuarterly);
    CHECK(std::find(p.note_ids.begin(), p.note_ids.end(), "monitoring.note.no_remission_date") != p.note_ids.end());
}

TEST_CASE("a relapse after the remission cancels the extension and adds a note", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2021-01-15"), d("2021-07-01"));
    event(r, "relapse", "2023-03-01");
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-07-01"), 12);
    CHECK_FALSE(p.remission);
    CHECK_FALSE(p.extension_start);
    CHECK(std::find(p.note_ids.begin(), p.note_ids.end(), "monitoring.note.relapse_recorded") != p.note_ids.end());
    CHECK(test_ids(item_on(p, "2024-04-15")) == kQuarterly);
}

TEST_CASE("schedule for the newly diagnosed: the baseline tests before treatment", "[schedule]") {
    Record r = record_from_dates(d("2025-01-10"), std::nullopt, std::nullopt);
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-02-01"), 12);
    CHECK(p.items.empty());
    REQUIRE(p.baseline);
    CHECK(p.baseline->status == ItemStatus::due);
    CHECK(p.baseline->counts_from == d("2024-07-10"));
    std::vector<std::string> ids;
    for (const auto& t : p.baseline->tests) ids.push_back(t.test_id);
    CHECK(ids == std::vector<std::string>{"monitoring.test.echocardiogram", "monitoring.test.ophthalmology",
                                          "monitoring.test.nerve_conduction", "monitoring.test.endocrine_panel"});
    CHECK(p.baseline->workup.size() == 9);
    CHECK(p.note_ids == std::vector<std::string>{"monitoring.note.starts_after_treatment"});
}

TEST_CASE("baseline tests done at the diagnostic workup count, by workup id or lab result", "[schedule]") {
    Record r = record_from_dates(d("2025-01-10"), std::nullopt, std::nullopt);
    appointment(r, "2024-12-01", {"workup.echocardiogram", "workup.ophthalmology"}, true);
    appointment(r, "2025-01-05", {"workup.nerve_conduction"}, true);
    lab(r, "labs.tsh", 2.1, "mIU/L", "2025-01-20");
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-02-01"), 12);
    REQUIRE(p.baseline);
    for (const auto& t : p.baseline->tests) CHECK(t.done);
    CHECK(p.baseline->status == ItemStatus::done);
    // Too long before the diagnosis: does not count.
    r.appointments[0].date = d("2024-07-09");
    Plan q = make_schedule(r, monitoring(), labs(), d("2025-02-01"), 12);
    CHECK(q.baseline->status == ItemStatus::due);
}

TEST_CASE("a treatment planned after today gives both the baseline and the dates after it", "[schedule]") {
    Record r = record_from_dates(d("2025-01-10"), d("2025-03-01"), std::nullopt);
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-02-01"), 12);
    REQUIRE(p.baseline);
    REQUIRE_FALSE(p.items.empty());
    CHECK(p.items.front().due == d("2025-06-01"));
}

TEST_CASE("an empty record gives no dates and asks for one", "[schedule]") {
    Plan p = make_schedule(Record{}, monitoring(), labs(), d("2025-02-01"), 12);
    CHECK(p.items.empty());
    CHECK_FALSE(p.baseline);
    CHECK(p.note_ids == std::vector<std::string>{"monitoring.note.no_dates"});
}

TEST_CASE("the echocardiogram's condition: met, not met, unknown", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2024-01-10"), std::nullopt);
    RiskFactorReport yes, no;
    yes.factors.push_back({"prognosis.pulmonary_hypertension", Tri::present, ""});
    for (const auto& f : prognosis().factors) no.factors.push_back({f.id, Tri::absent, ""});
    Plan met = make_schedule(r, monitoring(), labs(), d("2024-02-01"), 12, &yes);
    CHECK(test_in(item_on(met, "2024-07-10"), "monitoring.test.echocardiogram").applies == Tri::present);
    Plan not_met = make_schedule(r, monitoring(), labs(), d("2024-02-01"), 12, &no);
    const std::vector<std::string> ncs_only = {"monitoring.test.nerve_conduction"};
    CHECK(test_ids(item_on(not_met, "2024-07-10")) == concat({&kQuarterly, &ncs_only}));
    CHECK(std::find(not_met.note_ids.begin(), not_met.note_ids.end(), "monitoring.note.condition_not_met") !=
          not_met.note_ids.end());
    Plan unknown = make_schedule(r, monitoring(), labs(), d("2024-02-01"), 12);
    const PlannedTest& echo = test_in(item_on(unknown, "2024-07-10"), "monitoring.test.echocardiogram");
    CHECK(echo.applies == Tri::unknown);
    CHECK(echo.condition_id == "monitoring.condition.ph_or_risk_factors");
}

TEST_CASE("an unknown conditional test does not keep an item from being done", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2024-01-10"), std::nullopt);
    for (const char* t : {"labs.platelets", "labs.albumin", "labs.m_protein", "labs.flc_ratio", "labs.vegf_plasma"})
        lab(r, t, 1, labs().test(t)->main_unit.c_str(), "2024-07-11");
    appointment(r, "2024-07-11", {"monitoring.test.physical_exam", "workup.nerve_conduction"}, true);
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-08-01"), 0);
    CHECK(item_on(p, "2024-07-10").status == ItemStatus::done);
}

TEST_CASE("dates on the 31st clamp to the end of shorter months without drifting", "[schedule]") {
    Record r = record_from_dates(std::nullopt, d("2024-08-31"), std::nullopt);
    Plan p = make_schedule(r, monitoring(), labs(), d("2024-09-01"), 12);
    std::vector<std::string> dates;
    for (const auto& i : p.items) dates.push_back(to_string(i.due));
    CHECK(dates == std::vector<std::string>{"2024-11-30", "2025-02-28", "2025-05-31", "2025-08-31"});
}

TEST_CASE("item uids are stable and name the due date and the treatment date", "[schedule]") {
    Plan a = make_schedule(one_year_after_asct(), monitoring(), labs(), d("2025-05-20"), 12);
    Plan b = make_schedule(one_year_after_asct(), monitoring(), labs(), d("2025-06-20"), 12);
    CHECK(a.items[0].uid == "poems-20240815-t20240515@poems-companion");
    CHECK(a.items[0].uid == b.items[0].uid);
}

TEST_CASE("the monitoring loader refuses a row test that is not in the file, with the path", "[schedule]") {
    Json doc = content_json("monitoring.json");
    doc["rows"][0]["test_ids"].push_back("monitoring.test.crystal_ball");
    doc["extension"]["steps"][1]["interval_months"] = 3;
    Problems problems;
    CHECK_FALSE(load_monitoring_plan(doc, problems));
    std::string all;
    for (const auto& p : problems) all += p.to_string() + "\n";
    CHECK_THAT(all, Catch::Matchers::ContainsSubstring(
                        "monitoring.json: /rows/0/test_ids: \"monitoring.test.crystal_ball\" is not a test of /tests"));
    CHECK_THAT(all, Catch::Matchers::ContainsSubstring("/extension/steps/1: each step must space tests out more"));
}
