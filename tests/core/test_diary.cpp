// The diary (issue 23): record schema 3 (symptom ids, function, weights, confirmed tests), its
// migration from schema 2, the diary's content, the series the charts draw, unknown ids, and
// appointments on the schedule and in the calendar file.
#include "test_record_support.hpp"
#include "test_schedule_support.hpp"

#include "poems/chart_axes.hpp"
#include "poems/diary.hpp"
#include "poems/ics.hpp"
#include "poems/record_json.hpp"

#include <cmath>

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;

namespace {

Record diary_record() {
    Record r;
    r.symptoms.push_back({"sym-1", d("2025-05-01"), "", 3, "", "diary.symptom.numbness_tingling"});
    r.symptoms.push_back({"sym-2", d("2025-05-20"), "hiccups", 2, "after meals"});
    r.symptoms.push_back({"sym-3", d("2025-04-01"), "", 5, "", "diary.symptom.numbness_tingling"});
    r.function.push_back({"fn-1", d("2025-05-01"), "diary.walking.two_aids_or_walker", "diary.hands.small_tasks_hard", ""});
    r.function.push_back({"fn-2", d("2025-03-01"), "diary.walking.wheelchair_for_distance", "", "first day out"});
    r.function.push_back({"fn-3", d("2025-06-01"), "", "diary.hands.no_trouble", ""});
    r.weights.push_back({"wt-1", d("2025-05-01"), 154, "lb", ""});
    r.weights.push_back({"wt-2", d("2025-04-01"), 72.5, "kg", "morning"});
    r.appointments.push_back({"appt-1", d("2025-07-01"), "Haematology, follow-up", {"labs.vegf_serum", "workup.cbc", "my.own.test"},
                              "fasting; bring the diary"});
    r.appointments.push_back({"appt-2", d("2025-05-02"), "Neurology", {"monitoring.test.nerve_conduction"}, "",
                              {"monitoring.test.nerve_conduction"}});
    return r;
}

std::string problems_text(const RecordLoad& l) {
    std::string out;
    for (const auto& p : l.problems) out += p.to_string() + "\n";
    return out;
}

}  // namespace

// ---- Record schema 3 ------------------------------------------------------------------------

TEST_CASE("a schema 3 record with every diary section round-trips exactly", "[diary][record]") {
    const Record r = diary_record();
    for (int indent : {-1, 2}) {
        RecordLoad l = record_from_json_text(dump_record(r, indent));
        INFO(problems_text(l));
        REQUIRE(l.record);
        CHECK_FALSE(l.migrated);
        CHECK(l.from_schema == 3);
        CHECK(*l.record == r);
    }
    const Json j = record_to_json(r);
    CHECK(j["schema"] == "poems-record/3");
    CHECK(j["symptoms"][0] == Json::parse(R"({"id": "sym-1", "date": "2025-05-01", "symptom_id": "diary.symptom.numbness_tingling", "severity": 3})"));
    CHECK(j["symptoms"][1] == Json::parse(R"({"id": "sym-2", "date": "2025-05-20", "symptom": "hiccups", "severity": 2, "note": "after meals"})"));
    CHECK(j["function"][2] == Json::parse(R"({"id": "fn-3", "date": "2025-06-01", "hands": "diary.hands.no_trouble"})"));
    CHECK(j["weights"][0] == Json::parse(R"({"id": "wt-1", "date": "2025-05-01", "value": 154, "unit": "lb"})"));
    CHECK(j["appointments"][1]["done_test_ids"] == Json::parse(R"(["monitoring.test.nerve_conduction"])"));
    CHECK_FALSE(j["appointments"][0].contains("done_test_ids"));
}

TEST_CASE("hundreds of generated schema 3 records round-trip, with function, weights and confirmations", "[diary][record]") {
    std::size_t function = 0, weights = 0, ids = 0, done = 0;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const Record r = record_test::any_record(seed);
        RecordLoad l = record_from_json_text(dump_record(r, seed % 2 ? 2 : -1));
        INFO("seed " << seed << "\n" << problems_text(l));
        REQUIRE(l.record);
        CHECK(*l.record == r);
        function += r.function.size();
        weights += r.weights.size();
        for (const auto& s : r.symptoms) ids += !s.symptom_id.empty();
        for (const auto& a : r.appointments) done += a.done_test_ids.size();
    }
    // The generator really exercised the new fields.
    CHECK(function > 100);
    CHECK(weights > 100);
    CHECK(ids > 100);
    CHECK(done > 20);
}

TEST_CASE("schema 3 diary entries are read strictly, each problem at its path", "[diary][record]") {
    struct Bad {
        const char* json;
        const char* problem;
    };
    const Bad cases[] = {
        {R"({"schema": "poems-record/3", "symptoms": [{"id": "s", "date": "2025-01-01", "severity": 2}]})",
         "/symptoms/0: needs a \"symptom_id\" (a symptom of the diary's list) or a \"symptom\" (your own words, for \"other\")"},
        {R"({"schema": "poems-record/3", "symptoms": [{"id": "s", "date": "2025-01-01", "symptom_id": "diary.symptom.pain", "symptom": "knees", "severity": 2}]})",
         "/symptoms/0/symptom: is only for \"other\" (an entry without a \"symptom_id\"); put your words in \"note\""},
        {R"({"schema": "poems-record/3", "symptoms": [{"id": "s", "date": "2025-01-01", "symptom_id": "", "severity": 2}]})",
         "/symptoms/0/symptom_id: must not be empty"},
        {R"({"schema": "poems-record/3", "function": [{"id": "f", "date": "2025-01-01"}]})",
         "/function/0: needs \"walking\" or \"hands\" (a level of the diary's self-report), or both"},
        {R"({"schema": "poems-record/3", "function": [{"id": "f", "date": "2025-01-01", "walking": "diary.walking.one_aid", "feet": "x"}]})",
         "/function/0/feet: unknown key"},
        {R"({"schema": "poems-record/3", "weights": [{"id": "w", "date": "2025-01-01", "value": 0, "unit": "kg"}]})",
         "/weights/0/value: must be above 0 and at most 2000, got 0"},
        {R"({"schema": "poems-record/3", "weights": [{"id": "w", "date": "2025-01-01", "value": 2500, "unit": "lb"}]})",
         "/weights/0/value: must be above 0 and at most 2000, got 2500"},
        {R"({"schema": "poems-record/3", "weights": [{"id": "w", "date": "2025-01-01", "value": 70, "unit": "stone"}]})",
         "/weights/0/unit:"},
        {R"({"schema": "poems-record/3", "weights": [{"id": "w", "date": "2025-01-01", "value": 70, "unit": "kg"}, {"id": "w", "date": "2025-01-02", "value": 71, "unit": "kg"}]})",
         "/weights/1/id: \"w\" is used twice in weights (also at /weights/0/id)"},
        {R"({"schema": "poems-record/3", "appointments": [{"id": "a", "date": "2025-01-01", "title": "x", "test_ids": ["workup.cbc"], "done_test_ids": ["workup.cmp"]}]})",
         "/appointments/0/done_test_ids/0: \"workup.cmp\" is not one of this appointment's test_ids (a test is confirmed done only where it was planned)"},
    };
    for (const auto& c : cases) {
        INFO(c.json);
        RecordLoad l = record_from_json_text(c.json);
        CHECK_FALSE(l.record);
        REQUIRE_FALSE(l.problems.empty());
        CHECK_THAT(l.problems[0].to_string(), ContainsSubstring(c.problem));
    }
}

TEST_CASE("schema 2 records migrate: free-text symptoms are Other, listed tests are planned, not done", "[diary][record]") {
    RecordLoad l = record_from_json_text(record_test::slurp(std::filesystem::path(POEMS_TEST_FIXTURES) / "record-migrations" / "v2-full.json"));
    INFO(problems_text(l));
    REQUIRE(l.record);
    CHECK(l.from_schema == 2);
    CHECK(l.migrated);
    REQUIRE(l.record->symptoms.size() == 2);
    CHECK(l.record->symptoms[0].symptom == "swollen ankles");
    CHECK(l.record->symptoms[0].symptom_id.empty());
    REQUIRE(l.record->appointments.size() == 2);
    CHECK(l.record->appointments[0].test_ids == std::vector<std::string>{"labs.vegf_serum", "workup.cbc"});
    CHECK(l.record->appointments[0].done_test_ids.empty());
    CHECK(l.record->function.empty());
    CHECK(l.record->weights.empty());
    // Written back, it is schema 3 and reads without migration.
    RecordLoad again = record_from_json_text(dump_record(*l.record));
    REQUIRE(again.record);
    CHECK_FALSE(again.migrated);
    CHECK(*again.record == *l.record);
}

TEST_CASE("a schema 2 file is still read strictly: keys version 2 never had are refused", "[diary][record]") {
    const std::pair<const char*, const char*> cases[] = {
        {R"({"schema": "poems-record/2", "weights": []})", "/weights: unknown key \"weights\" (in a schema 2 record)"},
        {R"({"schema": "poems-record/2", "function": []})", "/function: unknown key \"function\" (in a schema 2 record)"},
        {R"({"schema": "poems-record/2", "symptoms": [{"id": "s", "date": "2025-01-01", "symptom_id": "diary.symptom.pain", "severity": 1}]})",
         "/symptoms/0/symptom_id: unknown key \"symptom_id\" (in a schema 2 record)"},
        {R"({"schema": "poems-record/2", "appointments": [{"id": "a", "date": "2025-01-01", "title": "x", "test_ids": ["workup.cbc"], "done_test_ids": ["workup.cbc"]}]})",
         "/appointments/0/done_test_ids: unknown key \"done_test_ids\" (in a schema 2 record)"},
        {R"({"schema": "poems-record/1", "symptoms": [{"date": "2025-01-01", "symptom_id": "diary.symptom.pain", "severity": 1}]})",
         "/symptoms/0/symptom_id: unknown key \"symptom_id\" (in a schema 1 record)"},
    };
    for (const auto& [json, problem] : cases) {
        INFO(json);
        RecordLoad l = record_from_json_text(json);
        CHECK_FALSE(l.record);
        REQUIRE(l.problems.size() == 1);
        CHECK(l.problems[0].to_string() == problem);
    }
}

TEST_CASE("the summary and the import comparison count function entries and weights", "[diary][record]") {
    Record r = diary_record();
    RecordSummary s = summarize_record(r);
    auto count = [&](const char* section) {
        for (const auto& [k, n] : s.counts)
            if (k == section) return n;
        return std::size_t(999);
    };
    CHECK(count("function") == 3);
    CHECK(count("weights") == 2);
    CHECK(to_string(*s.first_date) == "2025-03-01");
    CHECK(to_string(*s.last_date) == "2025-07-01");
    Record incoming = r;
    incoming.weights.push_back({"wt-3", d("2025-06-01"), 70, "kg", ""});
    incoming.function.erase(incoming.function.begin());
    RecordDiff diff = summarize_differences(r, incoming);
    CHECK(diff.section("weights")->added == 1);
    CHECK(diff.section("function")->removed == 1);
    CHECK(std::find(diff.lines.begin(), diff.lines.end(), "1 weight will be added") != diff.lines.end());
    CHECK(std::find(diff.lines.begin(), diff.lines.end(), "1 function entry (walking, hands) will be removed") != diff.lines.end());
}

// ---- The diary's content --------------------------------------------------------------------

TEST_CASE("the diary's content: symptoms in the guide's words, the app's own scales, weight without a rule", "[diary][content]") {
    const DiaryContent& c = diary();
    std::vector<std::string> ids;
    for (const auto& s : c.symptoms) {
        ids.push_back(s.id);
        CHECK_FALSE(s.sources.empty());
    }
    CHECK(ids == std::vector<std::string>{"diary.symptom.numbness_tingling", "diary.symptom.weakness", "diary.symptom.balance_falls",
                                          "diary.symptom.pain", "diary.symptom.swelling", "diary.symptom.breathlessness",
                                          "diary.symptom.fatigue", "diary.symptom.skin_changes", "diary.symptom.vision",
                                          "diary.symptom.hormone_changes"});
    CHECK(c.walking.levels.size() == 5);
    CHECK(c.walking.rank("diary.walking.without_help") == 0);
    CHECK(c.walking.rank("diary.walking.cannot_walk") == 4);
    CHECK_FALSE(c.walking.rank("diary.hands.no_trouble"));
    CHECK(c.hands.levels.size() == 4);
    // The scales say they are the app's own, and cite the guide where it speaks of walking again.
    CHECK_THAT(c.walking.text.in(), ContainsSubstring("app's own"));
    CHECK_THAT(c.hands.text.in(), ContainsSubstring("app's own"));
    bool cites_wheelchair_study = false;
    for (const auto& s : c.walking.sources) cites_wheelchair_study |= s.section == "What Recovery Looks Like";
    CHECK(cites_wheelchair_study);
    for (const auto& l : c.walking.levels) CHECK(l.sources == c.walking.sources);
    CHECK_THAT(c.weight.text.in(), ContainsSubstring("no rule of its own"));
}

TEST_CASE("the diary's content is refused when a level or symptom id is wrong or repeated", "[diary][content]") {
    Json doc = content_json("diary.json");
    Json twice = doc;
    twice["symptoms"]["items"][1]["id"] = "diary.symptom.numbness_tingling";
    Problems p1;
    CHECK_FALSE(load_diary_content(twice, p1));
    REQUIRE(p1.size() == 1);
    CHECK(p1[0].to_string() == "diary.json: /symptoms/items/1/id: \"diary.symptom.numbness_tingling\" is listed twice");
    Json prefix = doc;
    prefix["walking"]["levels"][0]["id"] = "diary.hands.without_help";
    Problems p2;
    CHECK_FALSE(load_diary_content(prefix, p2));
    REQUIRE_FALSE(p2.empty());
    CHECK_THAT(p2[0].to_string(), ContainsSubstring("/walking/levels/0/id"));
}

// ---- A record against the content ------------------------------------------------------------

TEST_CASE("ids the content does not know are listed, never dropped", "[diary]") {
    Record r = diary_record();
    r.symptoms.push_back({"sym-9", d("2025-05-03"), "", 4, "", "diary.symptom.from_a_newer_version"});
    r.function.push_back({"fn-9", d("2025-05-03"), "diary.walking.run", "diary.hands.no_trouble", ""});
    auto unknown = unknown_diary_ids(r, diary(), monitoring(), labs());
    REQUIRE(unknown.size() == 3);
    CHECK(unknown[0].section == "symptoms");
    CHECK(unknown[0].entry_id == "sym-9");
    CHECK(unknown[0].value == "diary.symptom.from_a_newer_version");
    CHECK(unknown[1].key == "walking");
    CHECK(unknown[1].value == "diary.walking.run");
    CHECK(unknown[2].section == "appointments");
    CHECK(unknown[2].value == "my.own.test");  // labs.vegf_serum (a lab) and workup.cbc (a monitoring test's workup id) are known
}

TEST_CASE("chart series: severities, scale ranks and weights in kilograms, in date order", "[diary]") {
    const Record r = diary_record();
    auto numb = symptom_series(r, "diary.symptom.numbness_tingling");
    REQUIRE(numb.size() == 2);
    CHECK(to_string(numb[0].date) == "2025-04-01");
    CHECK(numb[0].value == 5);
    CHECK(numb[1].entry_id == "sym-1");
    auto other = symptom_series(r, "");
    REQUIRE(other.size() == 1);
    CHECK(other[0].entry_id == "sym-2");

    auto walk = function_series(r, diary().walking, false);
    REQUIRE(walk.size() == 2);  // fn-3 has hands only
    CHECK(walk[0].value == 3);  // wheelchair for distance, 2025-03-01
    CHECK(walk[1].value == 2);  // two aids or a walker
    auto hands = function_series(r, diary().hands, true);
    REQUIRE(hands.size() == 2);
    CHECK(hands[1].value == 0);

    auto kg = weight_series_kg(r);
    REQUIRE(kg.size() == 2);
    CHECK(kg[0].value == 72.5);
    CHECK(std::abs(kg[1].value - 154 * 0.45359237) < 1e-12);
}

// ---- Appointments on the schedule and in the calendar ----------------------------------------

TEST_CASE("appointments from today on are on the plan, with the names of the tests planned at them", "[diary][schedule]") {
    Record r = diary_record();
    event(r, "asct", "2025-01-10");
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-06-15"), 12);
    REQUIRE(p.appointments.size() == 1);  // the neurology appointment is past
    const PlanAppointment& a = p.appointments[0];
    CHECK(a.appointment.id == "appt-1");
    REQUIRE(a.test_names.size() == 3);
    CHECK(a.test_names[0].in() == labs().test("labs.vegf_serum")->name.in());
    CHECK(a.test_names[1].in() == monitoring().test("monitoring.test.cbc")->name.in());
    CHECK(a.test_names[2].empty());  // not in this version's content: shown by its id
    // An appointment today is still "from today on".
    Plan same_day = make_schedule(r, monitoring(), labs(), d("2025-07-01"), 12);
    CHECK(same_day.appointments.size() == 1);
}

TEST_CASE("the calendar file has an event per upcoming appointment: its title, tests and note", "[diary][ics]") {
    Record r = diary_record();
    event(r, "asct", "2025-01-10");
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-06-15"), 12);
    const std::string ics = schedule_to_ics(p, monitoring(), d("2025-06-15"));
    std::string unfolded;
    for (std::size_t i = 0; i < ics.size(); ++i) {
        if (ics.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        unfolded += ics[i];
    }
    CHECK_THAT(unfolded, ContainsSubstring("UID:poems-appointment-appt-1@poems-companion\r\n"));
    CHECK_THAT(unfolded, ContainsSubstring("DTSTART;VALUE=DATE:20250701\r\n"));
    CHECK_THAT(unfolded, ContainsSubstring("SUMMARY:Haematology\\, follow-up\r\n"));
    CHECK_THAT(unfolded, ContainsSubstring("DESCRIPTION:" + ics_escape_text("- " + labs().test("labs.vegf_serum")->name.in() +
                                                                          "\n- Complete blood count\n- my.own.test\n\nfasting; bring the diary\n") +
                                           "\r\n"));
    CHECK(unfolded.find("Neurology") == std::string::npos);  // past
    // Exported again later, the past appointment is not in it.
    Plan later = make_schedule(r, monitoring(), labs(), d("2025-07-02"), 12);
    CHECK(schedule_to_ics(later, monitoring(), d("2025-07-02")).find("poems-appointment-") == std::string::npos);
}

TEST_CASE("treatment events for a chart's time axis: those within the dates shown, by date", "[diary][chart]") {
    Record r;
    event(r, "relapse", "2025-03-01");
    event(r, "diagnosis", "2024-01-05");
    event(r, "asct", "2024-05-15");
    r.events.back().treatment_type = "melphalan";
    const double from = static_cast<double>(days_since_epoch(d("2024-02-01")));
    const double to = static_cast<double>(days_since_epoch(d("2025-03-01")));
    auto marks = axis_events(r, from, to);
    REQUIRE(marks.size() == 2);  // the diagnosis is before the dates shown
    CHECK(marks[0].kind == "asct");
    CHECK(marks[0].day == days_since_epoch(d("2024-05-15")));
    CHECK(marks[0].treatment_type == "melphalan");
    CHECK(marks[1].kind == "relapse");  // on the last day shown: included
    CHECK(marks[1].event_id == "event-1");
    CHECK(axis_events(r, to + 1, to + 400).empty());
}
