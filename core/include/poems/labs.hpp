// The lab catalogue (content/labs.json): which tests a person can log, in which units, how units
// convert, and the entry checks that catch typing mistakes. Also the trend of one test over time.
//
// Two kinds of unit conversion, kept apart on purpose:
//   - exact: the two units share a dimension and differ by a power of ten (g/dL -> g/L, pg/mL ->
//     ng/L). convert() does only these, so a converted value is the same measurement.
//   - conventional: needs a molar mass or a calibration standard (creatinine mg/dL -> umol/L). Each
//     test lists its own; callers that use one must show the result as approximate.
#pragma once

#include "poems/lang_text.hpp"
#include "poems/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// A piece of content text with its id and citations (notes, phases, summaries of the monitoring topics).
struct CitedText {
    std::string id;
    LangText text;
    std::vector<SourceRef> sources;
};

struct LabUnit {
    std::string unit;       // "g/dL"
    std::string dimension;  // "mass_concentration": only units of one dimension convert exactly
    int power_of_ten = 0;   // value in the dimension's base unit = value x 10^power_of_ten
};

struct ConventionalConversion {
    std::string from, to;   // both among the test's units
    double factor = 1;      // value_to = value_from x factor
    LangText note;          // why it is a convention
};

// Entry checks, in the test's main unit. Below zero is always impossible.
struct LabLimits {
    std::optional<double> max;         // physically impossible above (a share above 100%)
    std::optional<double> warn_below;  // implausible: probably a typing mistake
    std::optional<double> warn_above;
};

struct LabTest {
    std::string id;                   // "labs.vegf_serum"
    LangText name, short_name, note;  // note: the sources' figures, or "use your lab's range"
    std::string main_unit;
    std::vector<std::string> units;   // allowed units, main unit among them
    std::vector<ConventionalConversion> conventional;
    LabLimits limits;
    std::vector<std::string> counts_for_ids;  // monitoring tests a result of this test marks done
    std::vector<SourceRef> sources;
};

struct LabCatalogue {
    std::vector<LabUnit> units;
    std::vector<LabTest> tests;

    const LabTest* test(std::string_view id) const;
    const LabUnit* unit(std::string_view unit) const;
};

// Strict: unknown keys, an id not starting with "labs.", a unit not in the units table, a main unit
// not among the test's units, a conversion between units the test does not allow, limits that
// contradict each other are all problems. Returns nothing when there was any problem.
std::optional<LabCatalogue> load_lab_catalogue(const Json& labs_doc, Problems& problems,
                                               const std::string& file = "labs.json");

// Exact conversion only (same dimension, a power of ten apart); nothing otherwise, including for
// unknown units. convert(c, 3.1, "g/dL", "g/L") == 31.
std::optional<double> convert(const LabCatalogue& catalogue, double value, std::string_view from_unit,
                              std::string_view to_unit);

// A conversion for one test: exact when possible, else the test's conventional factor (either
// direction) when `allow_conventional`.
struct Converted {
    double value = 0;
    bool conventional = false;  // true: show as approximate
};
std::optional<Converted> convert_for_test(const LabCatalogue& catalogue, const LabTest& test, double value,
                                          std::string_view from_unit, std::string_view to_unit,
                                          bool allow_conventional = true);

enum class LabCheck { ok, warning, error };
struct LabCheckResult {
    LabCheck level = LabCheck::ok;
    std::string message;  // empty when ok; names the value, the unit and the limit
};
// Checks one value as typed: unknown test, unit not allowed, not finite, below zero or above a
// physical maximum are errors; outside the warning limits is a warning.
LabCheckResult check_lab_value(const LabCatalogue& catalogue, std::string_view test_id, double value,
                               std::string_view unit);

// The lab results whose test the catalogue does not list (written by a newer version of the app,
// another program or by hand). A record that holds them is valid and keeps them as entered; the
// Labs page and `poems record check` list them instead of leaving them out. In record order.
std::vector<const LabResult*> results_of_unknown_tests(const Record& record, const LabCatalogue& catalogue);

struct SeriesPoint {
    Date date;
    double value = 0;           // in the test's main unit
    bool conventional = false;  // converted with a conventional factor: approximate
    std::string result_id;      // LabResult::id
};
struct Series {
    std::string test_id;
    std::string unit;                     // the main unit; empty for an unknown test
    std::vector<SeriesPoint> points;      // sorted by date (stable: same-day results keep record order)
    std::vector<std::string> skipped;     // result ids left out: unit that cannot be converted, or an error value
};
// The results of one test, in date order, converted to the test's main unit.
Series series(const Record& record, const LabCatalogue& catalogue, std::string_view test_id,
              bool allow_conventional = true);

// "12.5" / "1000" / "0.0347": a number for messages and tables, without trailing zeros.
std::string format_number(double value);

}  // namespace poems
