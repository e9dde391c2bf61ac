// The criteria checker: compares findings with the published POEMS criteria, item by item.
//
// It never diagnoses. It says whether what was entered matches the criteria, why, what is still
// unknown and which tests would settle it, with the sources of every sentence. All rules and
// sentences come from content/criteria.json (poems/criteria_rules.hpp); this is logic only, pure
// and deterministic: the same findings and rules always give the same evaluation.
#pragma once

#include "poems/criteria_rules.hpp"
#include "poems/findings.hpp"
#include "poems/json_reader.hpp"

#include <string>
#include <vector>

namespace poems {

enum class Verdict { meets_criteria, castleman_variant, incomplete, does_not_meet };
const char* to_string(Verdict v);

// borderline: a result exists but does not settle the item (a VEGF in the grey zone, negative
// M-protein tests short of both immunofixations). It counts as unknown for the verdict.
enum class Status { present, absent, unknown, borderline };
const char* to_string(Status s);

struct CriterionResult {
    std::string key;             // "vegf_elevated"
    std::string id;              // "criteria.vegf_elevated"
    std::string group;           // "major"
    std::string name;            // "Raised VEGF"
    Tri entered = Tri::unknown;  // what the findings said for this key itself
    bool decided_by_results = false;  // a VEGF value, endocrine list or M-protein tests decided it
    Status status = Status::unknown;
    std::string reason;          // plain language, from the content, placeholders filled in
    std::vector<std::string> reason_ids;
    Citations sources;           // the criterion's and the reason's, without repeats
    std::string glossary_id;     // may be empty
    std::vector<std::string> settled_by_ids;  // workup ids; empty when present or absent

    bool operator==(const CriterionResult&) const = default;
};

struct GroupResult {
    std::string key;             // "minor"
    std::string name;            // "Minor criteria"
    std::string rule;            // "At least one must be present."
    int min_present = 1;
    std::vector<std::string> present, absent, open;  // criterion keys; open = unknown or borderline
    std::string state;           // "met", "cannot_be_met", "open"

    bool operator==(const GroupResult&) const = default;
};

struct MissingItem {             // an unknown criterion that could still change the verdict
    std::string key;
    Status status = Status::unknown;
    std::vector<std::string> settled_by_ids;

    bool operator==(const MissingItem&) const = default;
};

struct SettlingTest {            // a test to ask about, with the missing criteria it would settle
    std::string workup_id;
    std::vector<std::string> settles;

    bool operator==(const SettlingTest&) const = default;
};

struct EvaluationWarning {
    std::string id;              // "criteria.warning.spep_negative_only"
    std::string criterion;       // the criterion key it is about, may be empty
    std::string text;
    Citations sources;

    bool operator==(const EvaluationWarning&) const = default;
};

struct Evaluation {
    Verdict verdict = Verdict::incomplete;
    std::string verdict_id;      // "criteria.verdict.incomplete"
    std::string headline;        // one plain sentence
    std::string explanation;
    Citations verdict_sources;
    std::vector<std::string> why;  // does_not_meet: each requirement that can no longer be met
    std::vector<GroupResult> groups;
    std::vector<CriterionResult> criteria;  // every criterion, in the content's order
    std::vector<MissingItem> missing;       // incomplete only: mandatory first, then major, minor
    std::vector<SettlingTest> tests_to_settle;  // incomplete only: deduplicated, most useful first
    std::vector<EvaluationWarning> warnings;
    // The red-flag screen (004 "Red flags"): recommended whenever a listed condition has not
    // improved with treatment; red flags present make it more pressing, never a condition of it.
    bool workup_recommended = false;
    std::vector<std::string> red_flags;          // red-flag criteria present, in the content's order
    std::vector<std::string> red_flags_unknown;  // red-flag criteria still unknown: worth checking
    std::string red_flag_headline;               // one sentence: recommended, or does not apply
    std::string red_flag_reason;
    std::string red_flag_reason_id;
    Citations red_flag_sources;
    std::string disclaimer;                   // "only a doctor diagnoses"
    std::string disclaimer_id;
    Citations disclaimer_sources;

    const CriterionResult* criterion(const std::string& key) const;
    bool operator==(const Evaluation&) const = default;
};

// Pure: no clock, no files. `lang` picks the text's language (English when missing).
Evaluation evaluate(const Findings& findings, const CriteriaRules& rules, const std::string& lang = "en");

// {"schema": "poems-evaluation/1", "verdict", "headline", "explanation", "why", "groups",
//  "criteria": {<key>: {"status", "reason", "sources", "glossary_id", "settled_by_ids", ...}},
//  "missing", "tests_to_settle", "warnings", "workup_recommended", "red_flags", "red_flag_screen",
//  "disclaimer", ...}. See docs/criteria.md.
Json evaluation_to_json(const Evaluation& e);
Json citations_to_json(const Citations& c);

}  // namespace poems
