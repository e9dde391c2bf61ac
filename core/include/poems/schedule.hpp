// The monitoring schedule: content/monitoring.json turned into dated items for one record.
//
// How dates are made (docs/monitoring.md has the long version):
//   - Everything counts from the treatment anchor T (recovery.hpp: the later of the last ASCT and
//     the last treatment start).
//   - Each row of the guide's table (every 3 / 6 / 12 months) puts a date every `interval` months
//     after T: T+3, T+6, ... (add_months from T, never chained, so day 31 does not drift).
//   - Sustained remission: the latest remission event on or after T, with no relapse after it.
//     The extension starts at E = the later of T + 24 months and remission + 24 months. After E
//     each step of the extension lengthens every shorter interval to the step's own (6, then 12
//     months). Dates always stay on the grid of T (T + k x interval), so spacing out skips
//     visits instead of moving them. A date on E belongs to the phase before; a date on a step's
//     end belongs to that step. Without a remission date the 3-monthly rhythm simply continues
//     (and a note says why).
//   - Dates that fall on the same day are one item.
// Status of an item (the app's rule, parameters in content "statuses"):
//   - a test is done when a lab result counting for it, or an appointment where the person
//     confirmed it done (Appointment::done_test_ids), lies in the test's window and on or before
//     today. Windows tile the timeline: from halfway since the test's previous date (or T) to
//     halfway to its next date, so one result marks one date only. An appointment after today in
//     the window marks the test "planned"; a past appointment that lists it without a
//     confirmation marks it "not confirmed", never done (SAFETY.md H17).
//   - done: every test that applies is done; else overdue when today is more than
//     overdue_after_days after the date; due from due_soon_days before it; upcoming before that.
//   - A test with a condition (the 6-monthly echocardiogram) applies when the condition is met,
//     is left out when it is not, and is listed as "ask your care team" when unknown; only tests
//     that apply decide the status.
// Newly diagnosed (a diagnosis but no treatment, or treatment dated after today): a baseline
// item lists the tests to have before treatment; results from `counts_from_months_before_diagnosis`
// before the diagnosis on count. "As indicated" tests are listed without dates.
#pragma once

#include "poems/findings.hpp"  // Tri
#include "poems/labs.hpp"
#include "poems/recovery.hpp"  // TreatmentAnchor

#include <optional>
#include <string>
#include <vector>

namespace poems {

struct RiskFactorReport;  // risk_factors.hpp

// ---- Content ---------------------------------------------------------------------------------

struct MonitoringTest {
    std::string id;         // "monitoring.test.cbc"
    LangText short_name, name;
    std::optional<LangText> note;
    std::string workup_id;  // "workup.cbc", or "" when the workup has no such test
    std::vector<SourceRef> sources;
};

struct TestCondition {
    std::string id;       // "monitoring.condition.ph_or_risk_factors"
    std::string test_id;  // the test it limits
    LangText text;
    std::vector<std::string> met_if_any_present_ids;  // prognostic factor ids
    std::vector<SourceRef> sources;
};

struct ScheduleRow {
    std::string id;  // "monitoring.row.every_3_months"
    int interval_months = 3;
    LangText name, why;
    std::vector<std::string> test_ids;
    std::vector<TestCondition> conditions;
    std::vector<SourceRef> sources;
};

struct MonitoringPhase {
    std::string id;                   // "monitoring.phase.first_2_years"
    std::optional<int> months;        // length, for the first phase
    int interval_months = 0;          // extension steps: the shortest interval in this step
    std::optional<int> lasts_months;  // extension steps: none for the last step
    LangText name, text;
    std::vector<SourceRef> sources;
};

struct AsIndicatedTest {
    std::string id, test_id;
    LangText when;
    std::vector<SourceRef> sources;
};

struct SignalRule {
    std::string id;    // "monitoring.signal.vegf_rising"
    std::string kind;  // "rising_results" or "symptom_entries"
    std::vector<std::string> test_ids;  // rising_results: each test separately, never mixed
    int consecutive_rises = 2;          // rising_results
    int lookback_days = 90;             // symptom_entries
    std::vector<std::string> symptom_ids;  // symptom_entries: diary.symptom.* ids of content/diary.json
    LangText name, text, rule;
    std::vector<SourceRef> sources;
};

struct MonitoringPlan {
    LangText title, intro;
    std::vector<MonitoringTest> tests;
    MonitoringPhase first_phase, until_extension;
    std::vector<ScheduleRow> rows;
    std::vector<AsIndicatedTest> as_indicated;

    std::string extension_id;
    int extension_after_remission_months = 24;
    int extension_not_before_months = 24;
    LangText extension_name, extension_text;
    std::vector<MonitoringPhase> extension_steps;
    std::vector<SourceRef> extension_sources;

    std::string baseline_id;
    int baseline_counts_from_months = 6;
    LangText baseline_name, baseline_why;
    std::vector<std::string> baseline_test_ids;
    CitedText baseline_workup;  // text = its "why"
    std::vector<std::string> baseline_workup_test_ids;
    std::vector<SourceRef> baseline_sources;

    CitedText statuses;
    int due_soon_days = 14;
    int overdue_after_days = 30;

    std::vector<CitedText> notes;
    std::vector<SignalRule> signals;

    const MonitoringTest* test(std::string_view id) const;
    const ScheduleRow* row(std::string_view id) const;
    const CitedText* note(std::string_view id) const;
    // The first phase, the continuing phase or an extension step; nullptr for an unknown id.
    const MonitoringPhase* phase(std::string_view id) const;
};

// Strict reading of content/monitoring.json. Links inside the file (row and baseline test ids,
// condition tests) are checked here; links to other files (workup, labs, prognosis ids) by the
// content check. Returns nothing when there was any problem.
std::optional<MonitoringPlan> load_monitoring_plan(const Json& doc, Problems& problems,
                                                   const std::string& file = "monitoring.json");

// ---- The generated plan ------------------------------------------------------------------------

enum class ItemStatus { upcoming, due, overdue, done };
const char* to_string(ItemStatus s);  // "upcoming", "due", "overdue", "done"

struct PlannedTest {
    std::string test_id;       // a monitoring test id
    std::string row_id;        // the table row (or baseline) it comes from
    Tri applies = Tri::present;  // unknown: conditional, ask the care team
    std::string condition_id;  // set for a conditional test
    bool done = false;
    bool planned = false;      // an appointment after today lists it, in its window
    std::optional<Date> unconfirmed;  // a past appointment in its window lists it, not confirmed done
    std::string evidence;      // "labs.vegf_serum 2025-04-02" / "appointment 2025-04-02"
    Date window_start, window_end;  // [start, end)
};

struct Why {
    std::string row_id;
    LangText text;
    std::vector<SourceRef> sources;
};

struct PlanItem {
    std::string uid;  // stable: due date and treatment date, e.g. "poems-20250615-t20240315@poems-companion"
    Date due;
    std::string phase_id;
    ItemStatus status = ItemStatus::upcoming;
    std::vector<PlannedTest> tests;  // in row order, then the row's test order
    std::vector<Why> why;            // one per row with a test on this date
};

struct BaselinePlan {
    Date counts_from;           // results from this date on count
    ItemStatus status = ItemStatus::due;  // due or done: "before treatment" has no date to be late for
    std::vector<PlannedTest> tests;       // the checklist's baseline tests (decide the status)
    std::vector<PlannedTest> workup;      // the diagnostic workup, "if not done yet"
};

// An appointment from today on, for the Monitoring page and the calendar file.
struct PlanAppointment {
    Appointment appointment;
    std::vector<LangText> test_names;  // per test id: the monitoring test's or lab test's name, empty when unknown
};

struct Plan {
    Date today;
    Date until;  // today + horizon: the last date items are made for
    std::optional<TreatmentAnchor> anchor;
    std::optional<Date> diagnosis;
    std::optional<Date> remission;        // sustained: on or after the anchor, no relapse after it
    std::optional<Date> extension_start;  // when the extension's first step begins
    std::optional<BaselinePlan> baseline;
    std::vector<PlanItem> items;          // by date, from the first date after the anchor to `until`
    std::vector<AsIndicatedTest> as_indicated;
    std::vector<std::string> note_ids;    // monitoring.note.* that apply, in content order
    std::vector<PlanAppointment> appointments;  // dated today or later, by date
};

// `risk` decides conditions such as the echocardiogram's; without it they are unknown.
Plan make_schedule(const Record& record, const MonitoringPlan& plan, const LabCatalogue& catalogue, Date today,
                   int horizon_months = 12, const RiskFactorReport* risk = nullptr);

// A record holding only these dates (each an event: diagnosis, treatment_start, remission), for
// the CLI's --diagnosed / --treated / --remission.
Record record_from_dates(std::optional<Date> diagnosed, std::optional<Date> treated, std::optional<Date> remission);

// Items with a date on or after `from` that are not done (what a calendar export wants).
std::vector<const PlanItem*> upcoming_items(const Plan& plan, Date from);

}  // namespace poems
