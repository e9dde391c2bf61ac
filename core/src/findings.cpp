#include "poems/findings.hpp"

#include "poems/criteria_rules.hpp"
#include "poems/text.hpp"

#include <algorithm>
#include <cmath>

namespace poems {

const char* to_string(Tri t) {
    switch (t) {
        case Tri::present: return "present";
        case Tri::absent: return "absent";
        case Tri::unknown: break;
    }
    return "unknown";
}

std::optional<Tri> tri_from_string(std::string_view s) {
    if (s == "present") return Tri::present;
    if (s == "absent") return Tri::absent;
    if (s == "unknown") return Tri::unknown;
    return std::nullopt;
}

const std::vector<std::string>& criterion_keys() {
    static const std::vector<std::string> keys = {
        "polyneuropathy", "monoclonal_plasma_cell_disorder",                        // mandatory
        "sclerotic_bone_lesions", "castleman_disease", "vegf_elevated",            // other major
        "organomegaly", "extravascular_volume_overload", "endocrinopathy",         // minor
        "skin_changes", "papilledema", "thrombocytosis_or_polycythemia"};
    return keys;
}

const std::vector<std::string>& vegf_units() {
    static const std::vector<std::string> units = {"pg/mL"};
    return units;
}

const std::vector<std::string>& vegf_samples() {
    static const std::vector<std::string> samples = {"serum", "plasma"};
    return samples;
}

const std::vector<std::string>& m_protein_test_kinds() {
    static const std::vector<std::string> kinds = {"spep", "serum_immunofixation", "urine_immunofixation",
                                                   "free_light_chains", "bone_marrow"};
    return kinds;
}

const std::vector<std::string>& m_protein_results() {
    static const std::vector<std::string> results = {"positive", "negative"};
    return results;
}

Tri Findings::get(const std::string& key) const {
    auto it = criteria.find(key);
    return it == criteria.end() ? Tri::unknown : it->second;
}

static const std::vector<std::string>& tri_words() {
    static const std::vector<std::string> words = {"present", "absent", "unknown"};
    return words;
}

// A measured value must be above zero: zero or a negative VEGF is a typing mistake, never a result.
static std::optional<double> positive_number(ObjectReader& r, std::string_view key, bool required) {
    auto d = r.number(key, required);
    if (d && *d <= 0) {
        Json shown = *d;
        if (std::floor(*d) == *d && std::fabs(*d) < 1e15) shown = static_cast<long long>(*d);
        r.fail(key, "must be greater than zero, got " + shown.dump());
        return std::nullopt;
    }
    return d;
}

static std::optional<Findings> parse(const Json& j, const CriteriaRules* rules, Problems& problems,
                                     const std::string& path, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader r(j, path, problems, file);
    if (!r.is_object()) return std::nullopt;
    Findings f;

    // Vignette files carry the schema inside the findings; any other value is a different format.
    if (auto s = r.string("schema", false, false); s && *s != kFindingsSchema)
        r.fail("schema", "\"" + *s + "\" is not \"" + kFindingsSchema + "\"");

    for (const auto& key : criterion_keys())
        if (auto v = r.one_of(key, tri_words())) f.criteria[key] = *tri_from_string(*v);

    if (const Json* v = r.object("vegf")) {
        ObjectReader vr(*v, pointer_child(path, "vegf"), problems, file);
        VegfMeasurement m;
        auto value = positive_number(vr, "value", true);
        auto unit = vr.one_of("unit", vegf_units(), true);
        auto sample = vr.one_of("sample", vegf_samples(), true);
        m.upper_limit_of_normal = positive_number(vr, "upper_limit_of_normal", false);
        vr.finish();
        if (value && unit && sample) {
            m.value = *value;
            m.unit = *unit;
            m.sample = *sample;
            f.vegf = m;
        }
    }

    if (const Json* list = r.array("endocrine_findings")) {
        std::string lpath = pointer_child(path, "endocrine_findings");
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& v = (*list)[i];
            std::string p = pointer_child(lpath, i);
            if (!v.is_string()) {
                problems.push_back({file, p, std::string("expected a string, got ") + json_type_name(v)});
                continue;
            }
            std::string name = v.get<std::string>();
            if (is_blank(name)) {
                problems.push_back({file, p, "must not be empty"});
            } else if (std::find(out.begin(), out.end(), name) != out.end()) {
                problems.push_back({file, p, "\"" + name + "\" is listed twice"});
            } else if (rules && !rules->endocrine_finding(name)) {
                std::string known;
                for (const auto& e : rules->endocrine_findings) known += (known.empty() ? "\"" : ", \"") + e.key + "\"";
                problems.push_back({file, p, "\"" + name + "\" is not a known endocrine finding (known: " + known + ")"});
            } else {
                out.push_back(name);
            }
        }
        f.endocrine_findings = out;
    }

    if (const Json* list = r.array("m_protein_tests")) {
        std::string lpath = pointer_child(path, "m_protein_tests");
        std::vector<MProteinTest> out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader tr((*list)[i], pointer_child(lpath, i), problems, file);
            if (!tr.is_object()) continue;
            auto test = tr.one_of("test", m_protein_test_kinds(), true);
            auto result = tr.one_of("result", m_protein_results(), true);
            tr.finish();
            if (test && result) out.push_back({*test, *result});
        }
        f.m_protein_tests = out;
    }

    if (const Json* v = r.object("prior_diagnosis")) {
        ObjectReader pr(*v, pointer_child(path, "prior_diagnosis"), problems, file);
        auto condition = pr.string("condition", true);
        auto improved = pr.boolean("improved_with_treatment", true);
        pr.finish();
        if (condition && improved) f.prior_diagnosis = PriorDiagnosis{*condition, *improved};
    }

    r.finish();
    if (problems.size() != before) return std::nullopt;
    return f;
}

std::optional<Findings> parse_findings(const Json& j, Problems& problems, const std::string& path, const std::string& file) {
    return parse(j, nullptr, problems, path, file);
}

std::optional<Findings> parse_findings(const Json& j, const CriteriaRules& rules, Problems& problems,
                                       const std::string& path, const std::string& file) {
    return parse(j, &rules, problems, path, file);
}

// Whole numbers are written without ".0", as people type them.
static Json number_json(double d) {
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0) return static_cast<long long>(d);
    return d;
}

Json findings_to_json(const Findings& f) {
    Json j = Json::object();
    j["schema"] = kFindingsSchema;
    for (const auto& [key, t] : f.criteria) j[key] = to_string(t);
    if (f.vegf) {
        Json v = {{"value", number_json(f.vegf->value)}, {"unit", f.vegf->unit}, {"sample", f.vegf->sample}};
        if (f.vegf->upper_limit_of_normal) v["upper_limit_of_normal"] = number_json(*f.vegf->upper_limit_of_normal);
        j["vegf"] = v;
    }
    if (f.endocrine_findings) j["endocrine_findings"] = *f.endocrine_findings;
    if (f.m_protein_tests) {
        Json list = Json::array();
        for (const auto& t : *f.m_protein_tests) list.push_back({{"test", t.test}, {"result", t.result}});
        j["m_protein_tests"] = list;
    }
    if (f.prior_diagnosis)
        j["prior_diagnosis"] = {{"condition", f.prior_diagnosis->condition},
                                {"improved_with_treatment", f.prior_diagnosis->improved_with_treatment}};
    return j;
}

}  // namespace poems
