// The diary's vocabulary (content/diary.json): the symptoms a diary entry can name, in the guide's
// words; the app's own plain self-report steps for walking and for the hands; and what the app
// says about weight (charted, never judged: no source gives a threshold). The record stores the
// ids (SymptomEntry::symptom_id, FunctionEntry::walking / hands); an entry without a symptom id
// is "other", with the person's own words. Pure functions of (record, content) for the pages, the
// CLI and the signals.
#pragma once

#include "poems/labs.hpp"  // CitedText, LangText
#include "poems/record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poems {

struct MonitoringPlan;  // schedule.hpp

struct DiaryChoice {
    std::string id;  // "diary.symptom.swelling", "diary.walking.one_aid"
    LangText name;
    std::vector<SourceRef> sources;  // a level inherits its scale's
};

// A self-report scale: levels from the best (rank 0) to the worst.
struct DiaryScale {
    std::string id;  // "diary.walking"
    LangText name, question, text;
    std::vector<DiaryChoice> levels;
    std::vector<SourceRef> sources;

    // The level's position (0 = best), or nothing for an id that is not one of its levels.
    std::optional<int> rank(std::string_view level_id) const;
    const DiaryChoice* level(std::string_view level_id) const;
};

struct DiaryContent {
    LangText title, intro;
    CitedText symptoms_text;
    std::vector<DiaryChoice> symptoms;
    DiaryScale walking, hands;
    LangText weight_name;
    CitedText weight;

    const DiaryChoice* symptom(std::string_view id) const;
};

// Strict; ids are unique and carry their prefix ("diary.symptom.", "diary.walking.", "diary.hands.").
std::optional<DiaryContent> load_diary_content(const Json& doc, Problems& problems, const std::string& file = "diary.json");

// ---- Checking a record against the content (for `poems record check` and the Diary page) ----

struct UnknownDiaryId {
    std::string section;   // "symptoms", "function", "appointments"
    std::string entry_id;  // the record entry
    std::string key;       // "symptom_id", "walking", "hands", "test_ids"
    std::string value;     // the id this version does not know
};

// Ids in the diary sections that this version's content does not know. The entries are valid and
// kept; the app shows them with the id instead of a name. Appointment test ids are known when
// they are a monitoring test, its workup id or a lab test of the catalogue.
std::vector<UnknownDiaryId> unknown_diary_ids(const Record& record, const DiaryContent& diary,
                                              const MonitoringPlan& plan, const LabCatalogue& catalogue);

// ---- Series for the charts -------------------------------------------------------------------

struct DiaryPoint {
    Date date;
    double value = 0;      // severity 0-10, a scale's rank, or kg
    std::string entry_id;  // the record entry it comes from
};

// One symptom's entries in date order (same-day entries keep their record order). For "other"
// (an empty symptom_id) every entry without an id.
std::vector<DiaryPoint> symptom_series(const Record& record, std::string_view symptom_id);
// A scale's entries (walking or hands), value = rank (0 = best); entries with an unknown level
// are left out (they are listed by unknown_diary_ids).
std::vector<DiaryPoint> function_series(const Record& record, const DiaryScale& scale, bool hands);
// Weights in kilograms (pounds converted exactly: 1 lb = 0.45359237 kg), in date order.
std::vector<DiaryPoint> weight_series_kg(const Record& record);
inline constexpr double kKilogramsPerPound = 0.45359237;

}  // namespace poems
