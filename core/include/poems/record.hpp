// The record a person keeps: everything they enter, theirs alone, stored on their device.
// These are the in-memory types; record_json.hpp turns them into the saved JSON (with a `schema`
// version and migrations) and back, and record_store.hpp saves them safely.
// Every list entry has an `id` so the UI and exports can refer to one entry without ambiguity.
#pragma once

#include "poems/dates.hpp"
#include "poems/json_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poems {

struct Profile {                    // all optional; used only where the content needs it
    std::string display_name;
    std::optional<int> birth_year;  // e.g. "age over 50" among the prognostic factors
    std::string sex;                // "", "female", "male", "other": endocrine findings differ

    bool operator==(const Profile&) const = default;
};

struct ChecklistTick {              // an item of content/checklists.json marked done
    std::string item_id;
    Date date;

    bool operator==(const ChecklistTick&) const = default;
};

struct TreatmentEvent {
    std::string id;
    std::string kind;               // "diagnosis", "treatment_start", "treatment_end", "asct", "remission", "relapse"
    Date date;
    std::string treatment_type;     // free text for treatment_start, e.g. "radiation", "lenalidomide-dexamethasone"
    std::string note;

    bool operator==(const TreatmentEvent&) const = default;
};

struct LabResult {
    std::string id;
    std::string test_id;            // a test of content/labs.json, e.g. "labs.vegf_serum"
    double value = 0;
    std::string unit;               // one of that test's units
    Date date;
    std::string note;

    bool operator==(const LabResult&) const = default;
};

struct SymptomEntry {
    std::string id;
    Date date;
    std::string symptom;            // free text or a symptom id of the content
    int severity = 0;               // 0..10
    std::string note;

    bool operator==(const SymptomEntry&) const = default;
};

struct Appointment {
    std::string id;
    Date date;
    std::string title;
    std::vector<std::string> test_ids;  // tests done or planned at it (labs/workup ids)
    std::string note;

    bool operator==(const Appointment&) const = default;
};

struct Note {
    std::string id;
    Date date;
    std::string text;

    bool operator==(const Note&) const = default;
};

struct Record {
    Profile profile;
    Json findings = Json::object();     // a `poems-findings/1` object (see poems/findings.hpp)
    std::vector<ChecklistTick> checklist;
    std::vector<TreatmentEvent> events;
    std::vector<LabResult> labs;
    std::vector<SymptomEntry> symptoms;
    std::vector<Appointment> appointments;
    std::vector<Note> notes;
    std::vector<std::string> asked_doctor;  // ids of "what is missing" items ticked as asked

    bool operator==(const Record&) const = default;
};

// The vocabulary of the record format itself (not clinical knowledge).
const std::vector<std::string>& event_kinds();    // "diagnosis", "treatment_start", ... as above
const std::vector<std::string>& profile_sexes();  // "female", "male", "other" ("" means not given)

// A fresh id for a new entry of a list: "<prefix>-<n>" with n one above the highest number any
// entry of the list already has after "<prefix>-" (so ids are never reused after a deletion of
// the last entry only; uniqueness is what matters). E.g. next_entry_id(r.labs, "lab") == "lab-13".
std::string next_entry_id(const std::vector<std::string>& used_ids, std::string_view prefix);
template <typename Entry>
std::string next_entry_id(const std::vector<Entry>& list, std::string_view prefix) {
    std::vector<std::string> ids;
    ids.reserve(list.size());
    for (const auto& e : list) ids.push_back(e.id);
    return next_entry_id(ids, prefix);
}

// The earliest date of an event of this kind, if any.
std::optional<Date> first_event(const Record& r, std::string_view kind);
// The latest one.
std::optional<Date> last_event(const Record& r, std::string_view kind);

}  // namespace poems
