// The guide's prognostic factors (content/prognosis.json): which ones a record shows as present,
// absent or unknown, and why. No points and no score: the guide gives none, and the app only
// repeats what the guide says about "none" and "three or more".
//
// How each factor is told is content (a rule kind per factor):
//   lab_below             the latest result of a lab test, below a threshold in a unit
//   lab_note_words        the latest result's note contains a word ("reduced eGFR": no threshold exists)
//   age_over              birth year, at the diagnosis date if recorded, otherwise today
//   findings_absent_only  a poems-findings/1 key: "absent" there means absent; "present" is not enough
//   ask                   only the person's (or doctor's) answer
// An answer always wins over a rule: the person or their doctor knows more than the app.
#pragma once

#include "poems/findings.hpp"  // Tri
#include "poems/labs.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace poems {

struct FactorRule {
    std::string kind;               // one of the kinds above
    std::string test_id;            // lab_below, lab_note_words
    double below = 0;               // lab_below, in `unit`
    std::string unit;               // lab_below
    int years = 0;                  // age_over
    std::string findings_key;       // findings_absent_only
    std::vector<std::string> words;  // lab_note_words, English, lowercase
};

struct PrognosticFactor {
    std::string id;  // "prognosis.low_albumin"
    LangText name, how;
    std::optional<LangText> detail;
    FactorRule rule;
    std::vector<SourceRef> sources;
};

struct PrognosisContent {
    LangText title, intro;
    std::vector<PrognosticFactor> factors;
    std::string summary_id;
    LangText none, some, three_or_more, unknown, phenotype;
    int three_or_more_count = 3;
    std::vector<SourceRef> summary_sources;

    const PrognosticFactor* factor(std::string_view id) const;
};

std::optional<PrognosisContent> load_prognosis(const Json& doc, Problems& problems,
                                               const std::string& file = "prognosis.json");

// A person's or doctor's answers: factor id -> present / absent (unknown = not answered).
using FactorAnswers = std::map<std::string, Tri, std::less<>>;

struct FactorResult {
    std::string factor_id;
    Tri state = Tri::unknown;
    std::string reason;  // plain sentence: what decided it, with the value and date when a lab did
};

struct RiskFactorReport {
    std::vector<FactorResult> factors;  // content order
    int present = 0, absent = 0, unknown = 0;
    bool three_or_more = false;
    const LangText* summary = nullptr;  // none / three_or_more / unknown / some, into the content

    Tri state(std::string_view factor_id) const;  // unknown for an id not in the report
};

RiskFactorReport evaluate_risk_factors(const Record& record, const PrognosisContent& content,
                                       const LabCatalogue& catalogue, Date today, const FactorAnswers& answers = {});

}  // namespace poems
