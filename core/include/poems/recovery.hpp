// Where a person stands on the guide's recovery timeline (content/recovery.json): which phase,
// counted in whole calendar months from the treatment date, and what the guide says to expect.
//
// The treatment date ("anchor") is the most recent ASCT or treatment start, whichever is later:
// an ASCT usually follows induction treatment, so it wins when it is later; a treatment start
// after the ASCT means a new course (after a relapse), so that wins. Treatment ends are not used.
// The monitoring schedule counts from the same anchor.
#pragma once

#include "poems/labs.hpp"  // CitedText
#include "poems/record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace poems {

struct TreatmentAnchor {
    Date date;
    std::string kind;  // "asct" or "treatment_start"
};
// The anchor described above, or nothing when the record has neither event.
std::optional<TreatmentAnchor> treatment_anchor(const Record& record);

struct RecoveryPhase {
    std::string id;                // "recovery.phase.months_0_3"
    int from_months = 0;           // inclusive
    std::optional<int> to_months;  // exclusive; none for an open end
    LangText name, text;
    std::vector<SourceRef> sources;
};

struct RecoveryContent {
    LangText title, intro;
    CitedText anchor;               // how the app picks the treatment date
    std::vector<RecoveryPhase> phases;  // contiguous, from 0 months, in order
    CitedText before_treatment, beyond;
    std::vector<CitedText> highlights;  // the wheelchair figure (ref 8), ...
};

// Strict; phases must start at 0 and follow each other without gaps or overlaps.
std::optional<RecoveryContent> load_recovery(const Json& doc, Problems& problems,
                                             const std::string& file = "recovery.json");

enum class RecoveryStage {
    no_treatment,      // no treatment date recorded
    before_treatment,  // the treatment date is after today
    in_phase,          // within the guide's timeline
    beyond_timeline,   // after the last phase (5 years)
};

struct RecoveryStatus {
    RecoveryStage stage = RecoveryStage::no_treatment;
    std::optional<TreatmentAnchor> anchor;
    int months_since = 0;                  // whole calendar months from the anchor to today
    const RecoveryPhase* phase = nullptr;  // into the content, for in_phase only
    const CitedText* message = nullptr;    // before_treatment / beyond text, else nullptr
};

// Phase boundaries are whole months: on the day 3 calendar months after treatment a person is in
// "3-6 months". Today equal to the treatment date is month 0.
RecoveryStatus recovery_status(const Record& record, const RecoveryContent& content, Date today);
RecoveryStatus recovery_status(std::optional<TreatmentAnchor> anchor, const RecoveryContent& content, Date today);

}  // namespace poems
