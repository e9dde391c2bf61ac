// The action checklists (content/checklists.json): four stages of concrete steps, in the guide's
// order, and what the person's record says about them.
//
// Which stage to open first is a suggestion only (suggest_stage); the person can open any stage.
// Ticks live in the record (Record::checklist) so they travel with it through save and export.
#pragma once

#include "poems/lang_text.hpp"
#include "poems/record.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// The stage ids the code refers to (suggest_stage); the content must define all four.
inline constexpr std::string_view kStageSuspect = "stage.suspect";
inline constexpr std::string_view kStageJustDiagnosed = "stage.just_diagnosed";
inline constexpr std::string_view kStageInTreatment = "stage.in_treatment";
inline constexpr std::string_view kStageFamily = "stage.family";

struct ChecklistPage {        // a page of the app an item can link to: "page.monitoring"
    std::string id;
    LangText title;
};

struct ChecklistItem {
    std::string id;                     // "checklist.suspect.ask_bone_imaging"
    LangText label;                     // the step, short
    LangText why;                       // why it matters
    std::vector<SourceRef> sources;
    std::vector<std::string> test_ids;  // workup ids the step is about ("workup.serum_vegf"), may be empty
    std::vector<std::string> see_ids;   // glossary, workup, center and page ids to link to
};

struct ChecklistStage {
    std::string id;  // "stage.suspect"
    LangText title;
    LangText intro;
    std::vector<SourceRef> sources;
    std::vector<ChecklistItem> items;  // in the guide's order
};

struct AskDoctorTexts {  // the fixed wording of ask_my_doctor_text(), translatable in the content
    LangText title, checklist_heading, missing_heading, nothing_open, disclaimer;
};

struct Checklists {
    LangText title, intro;
    std::vector<SourceRef> sources;
    std::vector<ChecklistPage> pages;
    AskDoctorTexts ask_doctor;
    std::vector<ChecklistStage> stages;  // in order

    const ChecklistStage* stage(std::string_view id) const;
    const ChecklistItem* item(std::string_view id) const;
    const ChecklistStage* stage_of_item(std::string_view item_id) const;
    const ChecklistPage* page(std::string_view id) const;
};

// Reads content/checklists.json strictly: unknown keys, missing text or sources, badly formed or
// duplicate ids, test_ids that are not workup ids, page links to undefined pages and a missing
// stage of the four above are problems (file, JSON Pointer, message). Whether other linked ids
// exist in other files is the content check's job (content.hpp).
Checklists load_checklists(const Json& doc, Problems& problems, const std::string& file = "content/checklists.json");

// ---- Progress and stage ---------------------------------------------------------------------

struct StageProgress {
    std::string stage_id;
    std::size_t done = 0;   // items of the stage ticked in the record
    std::size_t total = 0;  // items of the stage
};
StageProgress stage_progress(const ChecklistStage& stage, const Record& r);
std::vector<StageProgress> checklist_progress(const Checklists& c, const Record& r);  // every stage, in order

// The stage to open first, from the record's treatment events (their dates are not considered):
//   - any "treatment_start", "treatment_end", "asct", "remission" or "relapse" event -> in treatment
//     or recovery (kStageInTreatment);
//   - otherwise a "diagnosis" event -> just diagnosed (kStageJustDiagnosed);
//   - otherwise -> suspect (kStageSuspect).
// The family stage is never suggested: it is for someone else reading along.
std::string_view suggest_stage(const Record& r);

// ---- Ticks ----------------------------------------------------------------------------------

bool is_ticked(const Record& r, std::string_view item_id);
std::optional<Date> tick_date(const Record& r, std::string_view item_id);
// Marks an item done on `date`. An item already ticked keeps its first date; returns false then.
bool tick_item(Record& r, std::string_view item_id, const Date& date);
// Removes the tick (every tick of that id, should a hand-edited record hold several). Returns
// false when the item was not ticked.
bool untick_item(Record& r, std::string_view item_id);

// ---- Tests an item is about -----------------------------------------------------------------

// How the tests a record names (LabResult::test_id, Appointment::test_ids) relate to workup ids.
// content/labs.json (lab tests, e.g. "labs.vegf_serum") will say which workup test each lab
// belongs to; fill lab_to_workup from it. A test id with no entry counts as a workup id itself,
// which is how appointments that name workup ids directly are matched.
struct LabWorkupLinks {
    std::map<std::string, std::vector<std::string>, std::less<>> lab_to_workup;

    std::vector<std::string> workup_ids_of(std::string_view test_id) const;
};

// The links the content gives, from already validated documents (either may be null):
//   monitoring.json: tests[] {"id": "monitoring.test.vegf", "workup_id": "workup.serum_vegf"}
//   labs.json:       tests[] {"id": "labs.vegf_serum", "counts_for_ids": ["monitoring.test.vegf"]}
// so "labs.vegf_serum" and "monitoring.test.vegf" both lead to "workup.serum_vegf". A
// counts_for id that is itself a workup id is taken as it is.
LabWorkupLinks lab_workup_links(const Json* labs_doc, const Json* monitoring_doc);
LabWorkupLinks lab_workup_links(const Content& content);

struct ItemTestStatus {
    std::string workup_id;
    std::optional<Date> last_result;       // latest lab result of that test, on or before today
    std::optional<Date> last_appointment;  // latest past appointment (on or before today) where it was confirmed done
    std::optional<Date> unconfirmed_appointment;  // latest past appointment listing it, not confirmed done (not done)
    std::optional<Date> next_appointment;  // earliest future appointment listing it

    // A result is in the record, or it was done at a past appointment.
    bool done() const { return last_result.has_value() || last_appointment.has_value(); }
};

// For each of the item's test_ids, in order, what the record holds about it.
std::vector<ItemTestStatus> item_test_status(const ChecklistItem& item, const Record& r, const Date& today,
                                             const LabWorkupLinks& links = {});

// ---- What to ask my doctor ------------------------------------------------------------------

// Plain text for copying or printing: a header, the stage's unticked items (labels), the "what
// is missing" lines the caller passes (the criteria checker provides them; empty leaves the
// section out), and the disclaimer that the app does not diagnose. `prepared_on` adds a date line.
std::string ask_my_doctor_text(const Checklists& c, const ChecklistStage& stage, const Record& r,
                               const std::vector<std::string>& missing_lines, std::string_view lang = "en",
                               std::optional<Date> prepared_on = std::nullopt);

}  // namespace poems
