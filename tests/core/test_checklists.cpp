#include "catch.hpp"
#include "poems/checklists.hpp"

#include <fstream>
#include <sstream>

using poems::Checklists;
using poems::Date;
using poems::Json;
using poems::Problems;
using poems::Record;

namespace {

Json checklists_json() {
    std::ifstream in(POEMS_CONTENT_DIR "/checklists.json", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Problems problems;
    auto doc = poems::parse_json_text(ss.str(), "content/checklists.json", problems);
    REQUIRE(doc);
    return *doc;
}

const Checklists& shipped() {
    static const Checklists c = [] {
        Problems problems;
        auto out = poems::load_checklists(checklists_json(), problems);
        for (const auto& p : problems) UNSCOPED_INFO(p.to_string());
        REQUIRE(problems.empty());
        return out;
    }();
    return c;
}

std::string problems_text(const Problems& problems) {
    std::string all;
    for (const auto& p : problems) all += p.to_string() + "\n";
    return all;
}

Problems load_with(const std::function<void(Json&)>& edit) {
    Json doc = checklists_json();
    edit(doc);
    Problems problems;
    poems::load_checklists(doc, problems);
    return problems;
}

poems::TreatmentEvent event(std::string kind, Date date) { return {"e-" + kind, std::move(kind), date, "", ""}; }

}  // namespace

// ---- The shipped content --------------------------------------------------------------------

TEST_CASE("the shipped checklists have the guide's four stages in order") {
    const auto& c = shipped();
    REQUIRE(c.stages.size() == 4);
    CHECK(c.stages[0].id == "stage.suspect");
    CHECK(c.stages[1].id == "stage.just_diagnosed");
    CHECK(c.stages[2].id == "stage.in_treatment");
    CHECK(c.stages[3].id == "stage.family");
    CHECK(c.stages[0].items.size() == 4);
    CHECK(c.stages[1].items.size() == 5);
    CHECK(c.stages[2].items.size() == 5);
    CHECK(c.stages[3].items.size() == 4);
}

TEST_CASE("every shipped checklist item cites a source and its tests are workup ids") {
    for (const auto& stage : shipped().stages)
        for (const auto& item : stage.items) {
            INFO(item.id);
            CHECK_FALSE(item.sources.empty());
            CHECK_FALSE(item.label.in().empty());
            CHECK_FALSE(item.why.in().empty());
            for (const auto& t : item.test_ids) CHECK(t.rfind("workup.", 0) == 0);
        }
    const auto* first = shipped().item("checklist.suspect.ask_mprotein_tests");
    REQUIRE(first);
    CHECK(first->test_ids == std::vector<std::string>{"workup.spep_immunofixation", "workup.urine_24h",
                                                      "workup.free_light_chains", "workup.serum_vegf"});
}

TEST_CASE("the shipped checklists define the six page ids items link to") {
    std::vector<std::string> ids;
    for (const auto& p : shipped().pages) ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"page.criteria", "page.checklist", "page.monitoring", "page.labs",
                                          "page.centers", "page.guide"});
}

// ---- Strict loading -------------------------------------------------------------------------

TEST_CASE("a misspelt key in an item is reported with its path") {
    auto problems = load_with([](Json& d) { d["stages"][1]["items"][2]["lable"] = {{"en", "x"}}; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "content/checklists.json: /stages/1/items/2/lable: unknown key \"lable\"");
}

TEST_CASE("a missing stage is reported") {
    auto problems = load_with([](Json& d) { d["stages"].erase(3); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/stages");
    CHECK(problems[0].message == "the stage \"stage.family\" is missing");
}

TEST_CASE("an item without sources is refused") {
    auto problems = load_with([](Json& d) { d["stages"][0]["items"][0]["sources"] = Json::array(); });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/stages/0/items/0/sources");
    CHECK(problems[0].message == "must cite at least one source");
}

TEST_CASE("a test id that is not a workup id is refused") {
    auto problems = load_with([](Json& d) { d["stages"][0]["items"][1]["test_ids"] = {"labs.vegf_serum"}; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/stages/0/items/1/test_ids/0");
}

TEST_CASE("an item id must belong to its stage and be unique") {
    auto problems = load_with([](Json& d) { d["stages"][0]["items"][1]["id"] = "checklist.family.x"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "\"checklist.family.x\" should start with \"checklist.suspect.\"");
    problems = load_with([](Json& d) { d["stages"][0]["items"][1]["id"] = "checklist.suspect.ask_mprotein_tests"; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "\"checklist.suspect.ask_mprotein_tests\" is defined twice");
}

TEST_CASE("a link to a page that is not defined is refused") {
    auto problems = load_with([](Json& d) { d["stages"][2]["items"][0]["see_ids"] = {"page.nowhere"}; });
    INFO(problems_text(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "/stages/2/items/0/see_ids");
}

TEST_CASE("text without English is refused") {
    auto problems = load_with([](Json& d) { d["stages"][0]["title"] = {{"fr", "Si vous pensez avoir POEMS"}}; });
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "content/checklists.json: /stages/0/title: missing the English text (\"en\")");
}

// ---- Progress and stage suggestion ----------------------------------------------------------

TEST_CASE("progress counts the ticked items of each stage") {
    Record r;
    r.checklist = {{"checklist.suspect.ask_mprotein_tests", {2026, 1, 5}},
                   {"checklist.suspect.ask_bone_imaging", {2026, 1, 9}},
                   {"checklist.family.caregiver_self_care", {2026, 2, 1}}};
    auto progress = poems::checklist_progress(shipped(), r);
    REQUIRE(progress.size() == 4);
    CHECK(progress[0].stage_id == "stage.suspect");
    CHECK(progress[0].done == 2);
    CHECK(progress[0].total == 4);
    CHECK(progress[1].done == 0);
    CHECK(progress[1].total == 5);
    CHECK(progress[3].done == 1);
}

TEST_CASE("progress ignores ticks of unknown items and counts a repeated tick once") {
    Record r;
    r.checklist = {{"checklist.suspect.retired_item", {2026, 1, 5}},
                   {"checklist.suspect.ask_bone_imaging", {2026, 1, 9}},
                   {"checklist.suspect.ask_bone_imaging", {2026, 1, 10}}};
    auto p = poems::stage_progress(*shipped().stage("stage.suspect"), r);
    CHECK(p.done == 1);
    CHECK(p.total == 4);
}

TEST_CASE("an empty record suggests the suspect stage") {
    CHECK(poems::suggest_stage(Record{}) == "stage.suspect");
}

TEST_CASE("a diagnosis without treatment suggests the just-diagnosed stage") {
    Record r;
    r.events = {event("diagnosis", {2026, 3, 1})};
    CHECK(poems::suggest_stage(r) == "stage.just_diagnosed");
}

TEST_CASE("a treatment start, a transplant or a remission suggests the treatment stage") {
    for (const char* kind : {"treatment_start", "asct", "remission", "relapse", "treatment_end"}) {
        INFO(kind);
        Record r;
        r.events = {event("diagnosis", {2026, 3, 1}), event(kind, {2026, 4, 1})};
        CHECK(poems::suggest_stage(r) == "stage.in_treatment");
        r.events.erase(r.events.begin());  // even without a recorded diagnosis
        CHECK(poems::suggest_stage(r) == "stage.in_treatment");
    }
}

TEST_CASE("every suggested stage exists in the shipped content") {
    Record r;
    CHECK(shipped().stage(poems::suggest_stage(r)));
    r.events = {event("diagnosis", {2026, 3, 1})};
    CHECK(shipped().stage(poems::suggest_stage(r)));
    r.events.push_back(event("asct", {2026, 6, 1}));
    CHECK(shipped().stage(poems::suggest_stage(r)));
}

// ---- Ticks ----------------------------------------------------------------------------------

TEST_CASE("ticking an item stores the date in the record") {
    Record r;
    CHECK(poems::tick_item(r, "checklist.suspect.ask_bone_imaging", {2026, 5, 2}));
    REQUIRE(r.checklist.size() == 1);
    CHECK(r.checklist[0].item_id == "checklist.suspect.ask_bone_imaging");
    CHECK(r.checklist[0].date == Date{2026, 5, 2});
    CHECK(poems::is_ticked(r, "checklist.suspect.ask_bone_imaging"));
    CHECK(poems::tick_date(r, "checklist.suspect.ask_bone_imaging") == Date{2026, 5, 2});
}

TEST_CASE("ticking an item again keeps its first date") {
    Record r;
    poems::tick_item(r, "checklist.suspect.ask_bone_imaging", {2026, 5, 2});
    CHECK_FALSE(poems::tick_item(r, "checklist.suspect.ask_bone_imaging", {2026, 6, 1}));
    CHECK(r.checklist.size() == 1);
    CHECK(poems::tick_date(r, "checklist.suspect.ask_bone_imaging") == Date{2026, 5, 2});
}

TEST_CASE("unticking removes the tick and leaves the others") {
    Record r;
    poems::tick_item(r, "checklist.suspect.ask_bone_imaging", {2026, 5, 2});
    poems::tick_item(r, "checklist.suspect.ask_echo_endocrine", {2026, 5, 3});
    CHECK(poems::untick_item(r, "checklist.suspect.ask_bone_imaging"));
    CHECK_FALSE(poems::is_ticked(r, "checklist.suspect.ask_bone_imaging"));
    CHECK(poems::is_ticked(r, "checklist.suspect.ask_echo_endocrine"));
    CHECK_FALSE(poems::untick_item(r, "checklist.suspect.ask_bone_imaging"));
}

// ---- Tests an item is about -----------------------------------------------------------------

TEST_CASE("a lab result or a past appointment where the test was confirmed done marks it done") {
    const auto& item = *shipped().item("checklist.suspect.ask_mprotein_tests");
    Record r;
    r.labs.push_back({"lab-1", "workup.serum_vegf", 1200, "pg/mL", {2026, 2, 1}, ""});
    r.labs.push_back({"lab-2", "workup.serum_vegf", 900, "pg/mL", {2026, 4, 1}, ""});
    r.appointments.push_back({"appt-1", {2026, 3, 1}, "Hematology", {"workup.spep_immunofixation"}, "", {"workup.spep_immunofixation"}});
    r.appointments.push_back({"appt-2", {2026, 9, 1}, "Hematology", {"workup.urine_24h"}, ""});
    r.appointments.push_back({"appt-3", {2026, 4, 1}, "Hematology", {"workup.free_light_chains"}, ""});  // not confirmed
    auto status = poems::item_test_status(item, r, {2026, 5, 1});
    REQUIRE(status.size() == 4);
    CHECK(status[0].workup_id == "workup.spep_immunofixation");
    CHECK(status[0].done());
    CHECK(status[0].last_appointment == Date{2026, 3, 1});
    CHECK_FALSE(status[1].done());                           // urine: only planned
    CHECK(status[1].next_appointment == Date{2026, 9, 1});
    CHECK_FALSE(status[2].done());                           // free light chains: listed, never confirmed
    CHECK(status[2].unconfirmed_appointment == Date{2026, 4, 1});
    CHECK_FALSE(status[2].last_appointment);
    CHECK(status[3].last_result == Date{2026, 4, 1});        // VEGF: the latest result
}

TEST_CASE("a result dated after today does not count as done") {
    const auto& item = *shipped().item("checklist.suspect.ask_bone_imaging");
    Record r;
    r.labs.push_back({"lab-1", "workup.skeletal_survey_ct", 1, "", {2027, 1, 1}, ""});
    CHECK_FALSE(poems::item_test_status(item, r, {2026, 5, 1})[0].done());
}

TEST_CASE("lab test ids are matched to workup tests through the links when given") {
    const auto& item = *shipped().item("checklist.in_treatment.track_markers");
    Record r;
    r.labs.push_back({"lab-1", "labs.vegf_serum", 700, "pg/mL", {2026, 2, 1}, ""});
    CHECK_FALSE(poems::item_test_status(item, r, {2026, 5, 1})[0].done());
    poems::LabWorkupLinks links;
    links.lab_to_workup["labs.vegf_serum"] = {"workup.serum_vegf"};
    auto status = poems::item_test_status(item, r, {2026, 5, 1}, links);
    CHECK(status[0].workup_id == "workup.serum_vegf");
    CHECK(status[0].last_result == Date{2026, 2, 1});
}

// ---- What to ask my doctor ------------------------------------------------------------------

TEST_CASE("the ask-my-doctor text lists the unticked items and the missing lines") {
    const auto& c = shipped();
    const auto& stage = *c.stage("stage.suspect");
    Record r;
    poems::tick_item(r, "checklist.suspect.ask_bone_imaging", {2026, 5, 2});
    std::string text = poems::ask_my_doctor_text(c, stage, r, {"Serum VEGF: not known yet"}, "en", Date{2026, 5, 3});
    CHECK(text.rfind("What to ask my doctor\n=====================\n", 0) == 0);
    CHECK(text.find("2026-05-03") != std::string::npos);
    CHECK(text.find("- " + stage.items[0].label.in()) != std::string::npos);
    CHECK(text.find(stage.items[1].label.in()) == std::string::npos);  // ticked
    CHECK(text.find("- " + stage.items[3].label.in()) != std::string::npos);
    CHECK(text.find(c.ask_doctor.missing_heading.in() + ":\n- Serum VEGF: not known yet\n") != std::string::npos);
    CHECK(text.find("does not diagnose") != std::string::npos);
}

TEST_CASE("the ask-my-doctor text leaves out an empty missing section and says when all is ticked") {
    const auto& c = shipped();
    const auto& stage = *c.stage("stage.family");
    Record r;
    for (const auto& item : stage.items) poems::tick_item(r, item.id, {2026, 5, 2});
    std::string text = poems::ask_my_doctor_text(c, stage, r, {});
    CHECK(text.find(c.ask_doctor.missing_heading.in()) == std::string::npos);
    CHECK(text.find(c.ask_doctor.nothing_open.in()) != std::string::npos);
    CHECK(text.find(c.ask_doctor.disclaimer.in()) != std::string::npos);
}

TEST_CASE("the shipped labs and monitoring files lead lab results to their workup tests") {
    auto read = [](const char* name) {
        std::ifstream in(std::string(POEMS_CONTENT_DIR "/") + name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        Problems problems;
        auto doc = poems::parse_json_text(ss.str(), name, problems);
        REQUIRE(doc);
        return *doc;
    };
    Json labs = read("labs.json"), monitoring = read("monitoring.json");
    auto links = poems::lab_workup_links(&labs, &monitoring);
    CHECK(links.workup_ids_of("labs.vegf_serum") == std::vector<std::string>{"workup.serum_vegf"});
    CHECK(links.workup_ids_of("labs.m_protein") == std::vector<std::string>{"workup.spep_immunofixation"});
    CHECK(links.workup_ids_of("monitoring.test.nerve_conduction") == std::vector<std::string>{"workup.nerve_conduction"});
    CHECK(links.workup_ids_of("workup.cbc") == std::vector<std::string>{"workup.cbc"});  // unmapped: itself

    const auto& item = *shipped().item("checklist.in_treatment.track_markers");
    Record r;
    r.labs.push_back({"lab-1", "labs.m_protein", 0.3, "g/dL", {2026, 2, 1}, ""});
    auto status = poems::item_test_status(item, r, {2026, 5, 1}, links);
    CHECK(status[1].workup_id == "workup.spep_immunofixation");
    CHECK(status[1].last_result == Date{2026, 2, 1});
}
