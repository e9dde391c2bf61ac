// The POEMS criteria as data: content/criteria.json read into plain structs.
//
// Everything clinical the evaluator uses comes from here: which criterion is in which group, how
// many must be present, the VEGF thresholds, which endocrine findings count, which M-protein
// tests must be negative, the red-flag screen, and every sentence shown to people (reasons,
// warnings, verdict headlines, the disclaimer) with its citations. The evaluator
// (poems/criteria.hpp) holds the logic only.
#pragma once

#include "poems/content.hpp"  // SourceRef
#include "poems/embedded_files.hpp"
#include "poems/findings.hpp"
#include "poems/json_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace poems {

// A language map {"en": "..."}; English is always there.
struct Text {
    std::map<std::string, std::string> by_lang;
    // The text in `lang`, or English when there is no translation.
    const std::string& get(const std::string& lang = "en") const;
    bool operator==(const Text&) const = default;
};

// A citation as every content file writes it (content.hpp): a seed section, or a publication of
// our own list in sources.json.
using Citation = SourceRef;
using Citations = std::vector<Citation>;

// A sentence with an id and its sources (reasons, warnings, the disclaimer). Reason texts may
// hold placeholders such as {value}; the evaluator fills them in.
struct TextItem {
    std::string id;
    Text text;
    Citations sources;
};

struct CriterionRule {
    std::string id;        // "criteria.polyneuropathy"
    std::string key;       // the findings key, "polyneuropathy"
    std::string group;     // "mandatory", "major" or "minor"
    Text name;             // "Polyneuropathy"
    Text question;         // for the app: "Have nerve tests shown a polyneuropathy?"
    Text counts;           // what counts
    Text excluded;         // what does not count, and common mix-ups
    std::string glossary_id;                 // may be empty (no glossary entry)
    std::vector<std::string> also_glossary_ids;
    std::vector<std::string> settled_by_ids;  // workup ids, in the order they are usually done
    std::optional<Text> settled_by_exam;      // "a doctor's examination", when an exam settles it
    Citations sources;
};

struct GroupRule {
    std::string key;       // "mandatory", "major", "minor"
    std::string id;
    Text name;             // "Mandatory criteria"
    Text rule;             // "Both must be present."
    int min_present = 1;   // how many of the group must be present
    Citations sources;
};

struct CastlemanVariantRule {
    std::string id;
    std::vector<std::string> requires_present;     // {"castleman_disease"}
    std::string counted_group;                     // "minor"
    int min_counted_present = 2;
    std::vector<std::string> requires_any_absent;  // {"monoclonal_plasma_cell_disorder", "polyneuropathy"}
    Text text;                                     // the rule in words
    Citations sources;
};

struct VegfSampleRule {
    std::string sample;                            // "serum", "plasma"
    Text label;                                    // "serum VEGF"
    double elevated_at_or_above = 0;
    std::optional<double> borderline_at_or_above;  // below elevated; the band between is borderline
    Tri below = Tri::absent;                       // what a value under the lowest threshold means
    std::optional<double> specificity_percent;
    std::optional<double> sensitivity_percent;
    Citations sources;
};

struct VegfRules {
    std::string id;
    std::string unit;                  // "pg/mL"
    double uln_multiple = 3;           // with the lab's ULN: elevated at or above this many times it
    std::optional<double> uln_multiple_upper_in_sources;  // 003 says "3 to 4 times": 4
    std::vector<VegfSampleRule> samples;
    Text note;
    Citations sources;
};

struct EndocrineFindingRule {
    std::string key;        // "diabetes"
    std::string id;
    Text name;              // "diabetes"
    bool counts = true;     // false: does not count as endocrinopathy on its own
    std::optional<Text> alone_reason;  // required when counts is false
    Citations sources;
};

struct MProteinTestRule {
    std::string key;        // "spep"
    std::string id;
    Text name;              // "serum protein electrophoresis (SPEP)"
    std::string workup_id;  // the workup item that includes it
    Citations sources;
};

struct MProteinRules {
    std::string id;
    std::vector<std::string> absent_requires_negative;  // both immunofixations
    std::vector<MProteinTestRule> tests;
    Text text;                                          // the rule in words
    Citations sources;
};

struct PriorConditionRule {
    std::string key;        // "cidp"
    std::string id;
    Text name;              // "CIDP"
    Citations sources;
};

struct RedFlagRules {
    std::string id;
    std::vector<PriorConditionRule> prior_conditions;
    std::vector<std::string> red_flag_keys;  // criterion keys whose presence is a red flag
    Text text;                               // the screen in words
    Citations sources;
};

struct WarningRule {
    std::string id;
    std::string when;       // a trigger the evaluator knows, see warning_triggers()
    Text text;
    Citations sources;
};

struct VerdictText {
    std::string verdict;    // "meets_criteria", ...
    std::string id;
    Text headline;
    Text explanation;
    Citations sources;
};

struct CriteriaRules {
    std::vector<CriterionRule> criteria;      // one per criterion key, in the file's order
    std::vector<GroupRule> groups;            // mandatory, major, minor
    CastlemanVariantRule castleman_variant;
    VegfRules vegf;
    std::vector<EndocrineFindingRule> endocrine_findings;
    MProteinRules m_protein;
    RedFlagRules red_flags;
    std::map<std::string, TextItem> reasons;  // by short key: "entered_present" (id "criteria.reason.entered_present")
    std::vector<WarningRule> warnings;
    std::vector<VerdictText> verdicts;
    TextItem disclaimer;
    std::vector<std::string> test_order_ids;  // all workup ids, from first-to-ask to last resort

    const CriterionRule* criterion(const std::string& key) const;
    const GroupRule* group(const std::string& key) const;
    const EndocrineFindingRule* endocrine_finding(const std::string& key) const;
    const MProteinTestRule* m_protein_test(const std::string& key) const;
    const PriorConditionRule* prior_condition(const std::string& key) const;
    const VegfSampleRule* vegf_sample(const std::string& sample) const;
    const WarningRule* warning(const std::string& when) const;
    const VerdictText* verdict(const std::string& verdict) const;
    const TextItem& reason(const std::string& key) const;  // key must exist (the loader checks)
};

// The reason keys and warning triggers the evaluator uses; the loader requires each one.
const std::vector<std::string>& reason_keys();
const std::vector<std::string>& warning_triggers();

// Strict structural check of content/criteria.json: unknown keys, wrong types, missing texts or
// citations, a criterion key missing or repeated, thresholds out of order, a reason or warning
// the evaluator needs but the file lacks. Problems name the file and JSON Pointer. Links to other
// files (glossary, workup, sources) are checked for their prefix only; the content check tool
// resolves them.
std::optional<CriteriaRules> load_criteria_rules(const Json& criteria_doc, Problems& problems,
                                                 const std::string& file = "criteria.json");

// Reads criteria.json from the content compiled into the program. Inline so that only targets
// that call it need to link poems_content_bundle. Nothing, with problems, when missing or invalid.
inline std::optional<CriteriaRules> load_embedded_criteria_rules(Problems& problems) {
    for (const auto& f : embedded_content_files()) {
        if (std::string_view(f.name) != "criteria.json") continue;
        auto doc = parse_json_text(f.text, "content/criteria.json", problems);
        if (!doc) return std::nullopt;
        return load_criteria_rules(*doc, problems, "content/criteria.json");
    }
    problems.push_back({"content/criteria.json", "", "not found among the content compiled into this program"});
    return std::nullopt;
}

}  // namespace poems
