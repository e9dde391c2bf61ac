// Signals: things in a person's record that the guide says to report to the care team. A signal
// is never a diagnosis: it says "tell your care team", shows the rule that fired, the data that
// fired it and the sources. The rules and their parameters live in content/monitoring.json
// ("signals"):
//   rising_results  the last (consecutive_rises + 1) results of one lab test, in date order, each
//                   strictly higher than the one before. Each listed test is looked at on its own
//                   (serum and plasma VEGF are never mixed); results are converted exactly to the
//                   test's main unit, and results that convert only approximately are left out,
//                   so a unit change can never fake a rise. Results after today are ignored.
//   symptom_entries a diary entry for one of the rule's symptom ids (content/diary.json), dated
//                   within the last lookback_days (today included), with a severity above 0 that
//                   is new or worse: the first entry of that symptom in the record, or higher than
//                   the entry of the same symptom just before it (so a symptom that comes back
//                   after a 0 counts too). Entries are read by symptom id only, never by their
//                   words: "other" entries (free text) give no signal.
#pragma once

#include "poems/diary.hpp"
#include "poems/labs.hpp"
#include "poems/schedule.hpp"

#include <string>
#include <vector>

namespace poems {

struct Signal {
    std::string rule_id;            // "monitoring.signal.vegf_rising"
    const SignalRule* rule = nullptr;  // into the plan content: name, text ("tell your care team ..."), rule, sources
    std::string test_id;            // rising_results: the test that rose
    std::vector<std::string> data;  // what fired it, one line each: "2025-01-10: 450 pg/mL",
                                    // "2025-03-02: Swelling or fluid build-up, severity 4/10 (first entry)"
    std::vector<std::string> entry_ids;  // the record entries (lab result or symptom ids)
};

// In content order; at most one signal per rule and test. `diary` names the symptoms in the data
// lines (without it they show their ids).
std::vector<Signal> find_signals(const Record& record, const LabCatalogue& catalogue, const MonitoringPlan& plan,
                                 Date today, const DiaryContent* diary = nullptr);

}  // namespace poems
