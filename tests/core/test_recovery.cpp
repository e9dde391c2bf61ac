#include "test_schedule_support.hpp"

using namespace poems;
using namespace poems::test;

static std::string phase_at(const char* treated, const char* today) {
    Record r;
    event(r, "treatment_start", treated);
    RecoveryStatus s = recovery_status(r, recovery(), d(today));
    if (s.stage == RecoveryStage::before_treatment) return "before";
    if (s.stage == RecoveryStage::beyond_timeline) return "beyond";
    if (s.stage == RecoveryStage::no_treatment) return "none";
    return s.phase->id;
}

TEST_CASE("recovery phases follow the guide's five phases, in whole calendar months", "[recovery]") {
    CHECK(phase_at("2024-01-15", "2024-01-15") == "recovery.phase.months_0_3");
    CHECK(phase_at("2024-01-15", "2024-04-14") == "recovery.phase.months_0_3");
    CHECK(phase_at("2024-01-15", "2024-04-15") == "recovery.phase.months_3_6");
    CHECK(phase_at("2024-01-15", "2024-07-14") == "recovery.phase.months_3_6");
    CHECK(phase_at("2024-01-15", "2024-07-15") == "recovery.phase.months_6_12");
    CHECK(phase_at("2024-01-15", "2025-01-15") == "recovery.phase.months_12_24");
    CHECK(phase_at("2024-01-15", "2026-01-14") == "recovery.phase.months_12_24");
    CHECK(phase_at("2024-01-15", "2026-01-15") == "recovery.phase.years_2_5");
    CHECK(phase_at("2024-01-15", "2029-01-14") == "recovery.phase.years_2_5");
}

TEST_CASE("a treatment on the 31st reaches 3 months at the end of the shorter month", "[recovery]") {
    CHECK(phase_at("2024-01-31", "2024-04-29") == "recovery.phase.months_0_3");
    CHECK(phase_at("2024-01-31", "2024-04-30") == "recovery.phase.months_3_6");
}

TEST_CASE("before treatment and beyond five years the status says so", "[recovery]") {
    CHECK(phase_at("2024-01-15", "2024-01-14") == "before");
    CHECK(phase_at("2024-01-15", "2029-01-15") == "beyond");
    Record none;
    RecoveryStatus s = recovery_status(none, recovery(), d("2025-01-01"));
    CHECK(s.stage == RecoveryStage::no_treatment);
    REQUIRE(s.message);
    CHECK(s.message->id == "recovery.before_treatment");
    Record old;
    event(old, "asct", "2015-01-01");
    CHECK(recovery_status(old, recovery(), d("2025-01-01")).message->id == "recovery.beyond_5_years");
}

TEST_CASE("the later of the last ASCT and the last treatment start is the treatment date", "[recovery]") {
    Record r;
    event(r, "diagnosis", "2023-11-01");
    event(r, "treatment_start", "2024-01-10");  // induction
    event(r, "asct", "2024-04-20");
    event(r, "treatment_end", "2024-06-01");    // not used
    auto a = treatment_anchor(r);
    REQUIRE(a);
    CHECK(a->date == d("2024-04-20"));
    CHECK(a->kind == "asct");
    event(r, "relapse", "2026-01-01");
    event(r, "treatment_start", "2026-02-01");  // a new course after relapse
    a = treatment_anchor(r);
    CHECK(a->date == d("2026-02-01"));
    CHECK(a->kind == "treatment_start");
    Record diag_only;
    event(diag_only, "diagnosis", "2024-01-01");
    CHECK_FALSE(treatment_anchor(diag_only));
}

TEST_CASE("the recovery content carries the Mauermann 2015 wheelchair figure with its reference", "[recovery]") {
    const CitedText* w = nullptr;
    for (const auto& h : recovery().highlights)
        if (h.id == "recovery.wheelchair_figure") w = &h;
    REQUIRE(w);
    CHECK_THAT(w->text.in(), Catch::Matchers::ContainsSubstring("45%") && Catch::Matchers::ContainsSubstring("60"));
    REQUIRE_FALSE(w->sources.empty());
    CHECK(w->sources[0].refs == std::vector<int>{8});
}

TEST_CASE("recovery phases with a gap are refused with the path", "[recovery]") {
    Json doc = content_json("recovery.json");
    doc["phases"][1]["from_months"] = 4;
    Problems problems;
    CHECK_FALSE(load_recovery(doc, problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].path == "/phases/1/from_months");
}
