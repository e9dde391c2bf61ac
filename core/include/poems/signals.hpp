// Signals: things in a person's record that the guide says to report to the care team. A signal
// is never a diagnosis: it says "tell your care team", shows the rule that fired, the data that
// fired it and the sources. The rules and their parameters live in content/monitoring.json
// ("signals"):
//   rising_results  the last (consecutive_rises + 1) results of one lab test, in date order, each
//                   strictly higher than the one before. Each listed test is looked at on its own
//                   (serum and plasma VEGF are never mixed); results are converted exactly to the
//                   test's main unit, and results that convert only approximately are left out,
//                   so a unit change can never fake a rise. Results after today are ignored.
//   symptom_words   a symptom entry dated within the last lookback_days (today included) whose
//                   text contains one of the words, case-insensitively ("numb" matches "Numbness").
#pragma once

#include "poems/labs.hpp"
#include "poems/schedule.hpp"

#include <string>
#include <vector>

namespace poems {

struct Signal {
    std::string rule_id;            // "monitoring.signal.vegf_rising"
    const SignalRule* rule = nullptr;  // into the plan content: name, text ("tell your care team ..."), rule, sources
    std::string test_id;            // rising_results: the test that rose
    std::vector<std::string> data;  // what fired it, one line each: "2025-01-10: 450 pg/mL", "2025-03-02: swollen ankles"
    std::vector<std::string> entry_ids;  // the record entries (lab result or symptom ids)
};

// In content order; at most one signal per rule and test.
std::vector<Signal> find_signals(const Record& record, const LabCatalogue& catalogue, const MonitoringPlan& plan,
                                 Date today);

}  // namespace poems
