// Findings: what a person knows about each POEMS criterion, in the format `poems-findings/1`
// (docs/criteria.md; the vignettes in tests/fixtures/vignettes are examples of it).
//
// A findings document is a JSON object in which every key is optional and a missing key means
// "unknown". Besides the twelve tri-state criteria it may carry the raw results that decide some
// of them: a VEGF measurement, a list of endocrine findings, a list of M-protein tests. Which
// results count, and the thresholds, are content (content/criteria.json), not code: this file
// only knows the shape of the format.
#pragma once

#include "poems/json_reader.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

struct CriteriaRules;  // poems/criteria_rules.hpp

enum class Tri { unknown, present, absent };
const char* to_string(Tri t);                           // "unknown", "present", "absent"
std::optional<Tri> tri_from_string(std::string_view s);

// The vocabulary of the format itself (not clinical knowledge): the keys and the allowed words.
const std::vector<std::string>& criterion_keys();        // the 12 criteria, in the format's order
const std::vector<std::string>& vegf_units();             // {"pg/mL"}
const std::vector<std::string>& vegf_samples();           // {"serum", "plasma"}
const std::vector<std::string>& m_protein_test_kinds();   // {"spep", "serum_immunofixation", ...}
const std::vector<std::string>& m_protein_results();      // {"positive", "negative"}
inline constexpr const char* kFindingsSchema = "poems-findings/1";

struct VegfMeasurement {
    double value = 0;                             // > 0
    std::string unit;                             // one of vegf_units()
    std::string sample;                           // one of vegf_samples()
    std::optional<double> upper_limit_of_normal;  // the lab's ULN, same unit, > 0

    bool operator==(const VegfMeasurement&) const = default;
};

struct MProteinTest {
    std::string test;    // one of m_protein_test_kinds()
    std::string result;  // "positive" or "negative"

    bool operator==(const MProteinTest&) const = default;
};

struct PriorDiagnosis {
    std::string condition;  // "cidp", "mgus_neuropathy", "diabetic_neuropathy" or any other word
    bool improved_with_treatment = false;

    bool operator==(const PriorDiagnosis&) const = default;
};

struct Findings {
    // Criterion key -> state, only for the keys the document gave (an explicit "unknown" is kept,
    // so the document round-trips). Use get() to read: a missing key is Tri::unknown.
    std::map<std::string, Tri> criteria;
    std::optional<VegfMeasurement> vegf;                          // when given, decides vegf_elevated
    std::optional<std::vector<std::string>> endocrine_findings;   // when given, decides endocrinopathy
    std::optional<std::vector<MProteinTest>> m_protein_tests;     // when given, decides monoclonal_plasma_cell_disorder
    std::optional<PriorDiagnosis> prior_diagnosis;

    Tri get(const std::string& key) const;
    void set(const std::string& key, Tri t) { criteria[key] = t; }

    bool operator==(const Findings&) const = default;
};

// Strict reading: an unknown key, a wrong type or an impossible value (VEGF value or ULN not
// above zero, unknown unit, sample, test or result, a wrong "schema") is a Problem naming the
// JSON Pointer of the key, e.g. `/vegf/unit: "ng/mL" is not one of "pg/mL"`. Returns nothing when
// there was any problem. `path` prefixes every pointer (a findings object inside a record).
// Endocrine findings are checked only for shape here (non-empty, no repeats); the overload that
// takes the rules also checks each one against the list in content/criteria.json.
std::optional<Findings> parse_findings(const Json& j, Problems& problems, const std::string& path = "",
                                       const std::string& file = "");
std::optional<Findings> parse_findings(const Json& j, const CriteriaRules& rules, Problems& problems,
                                       const std::string& path = "", const std::string& file = "");

// The same document back (with "schema": "poems-findings/1"); round-trips with parse_findings.
Json findings_to_json(const Findings& f);

}  // namespace poems
