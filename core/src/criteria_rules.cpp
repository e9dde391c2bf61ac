#include "poems/criteria_rules.hpp"

#include "poems/lang_text.hpp"
#include "poems/text.hpp"

#include <algorithm>
#include <set>

namespace poems {

const std::string& Text::get(const std::string& lang) const {
    static const std::string empty;
    auto it = by_lang.find(lang);
    if (it != by_lang.end()) return it->second;
    it = by_lang.find("en");
    return it != by_lang.end() ? it->second : empty;
}

// The evaluator looks these up by name; a file without one of them is refused at load time, so
// evaluate() never meets a missing sentence.
const std::vector<std::string>& reason_keys() {
    static const std::vector<std::string> keys = {
        "not_entered", "entered_unknown", "entered_present", "entered_absent",
        "vegf_uln_elevated", "vegf_uln_borderline", "vegf_uln_normal",
        "vegf_elevated", "vegf_borderline", "vegf_below_absent", "vegf_below_unknown",
        "endocrine_counts", "endocrine_none",
        "m_protein_positive", "m_protein_absent", "m_protein_not_settled", "m_protein_no_tests",
        "group_unmet",
        "screen_recommended", "screen_not_applicable",
        "screen_no_prior", "screen_other_condition", "screen_improved", "screen_not_improved",
        "screen_flags_present", "screen_flags_to_check"};
    return keys;
}

const std::vector<std::string>& warning_triggers() {
    static const std::vector<std::string> triggers = {
        "spep_negative_not_settled", "m_protein_absent", "vegf_borderline", "vegf_below_unknown", "vegf_measured",
        "vegf_uln_between_source_multiples", "entry_overridden", "endocrine_unlisted"};
    return triggers;
}

template <typename T>
static const T* find_by(const std::vector<T>& list, std::string T::*field, const std::string& value) {
    for (const auto& item : list)
        if (item.*field == value) return &item;
    return nullptr;
}

const CriterionRule* CriteriaRules::criterion(const std::string& key) const { return find_by(criteria, &CriterionRule::key, key); }
const GroupRule* CriteriaRules::group(const std::string& key) const { return find_by(groups, &GroupRule::key, key); }
const EndocrineFindingRule* CriteriaRules::endocrine_finding(const std::string& key) const {
    return find_by(endocrine_findings, &EndocrineFindingRule::key, key);
}
const MProteinTestRule* CriteriaRules::m_protein_test(const std::string& key) const {
    return find_by(m_protein.tests, &MProteinTestRule::key, key);
}
const PriorConditionRule* CriteriaRules::prior_condition(const std::string& key) const {
    return find_by(red_flags.prior_conditions, &PriorConditionRule::key, key);
}
const VegfSampleRule* CriteriaRules::vegf_sample(const std::string& sample) const {
    return find_by(vegf.samples, &VegfSampleRule::sample, sample);
}
const WarningRule* CriteriaRules::warning(const std::string& when) const { return find_by(warnings, &WarningRule::when, when); }
const VerdictText* CriteriaRules::verdict(const std::string& v) const { return find_by(verdicts, &VerdictText::verdict, v); }
const TextItem& CriteriaRules::reason(const std::string& key) const {
    static const TextItem none;
    auto it = reasons.find(key);
    return it != reasons.end() ? it->second : none;
}

namespace {

// One pass over the document; every read method records problems and returns a usable default,
// so a file with several mistakes is reported in full.
struct Loader {
    Problems& problems;
    std::string file;
    std::set<std::string> ids;

    void fail(const std::string& path, std::string message) { problems.push_back({file, path, std::move(message)}); }

    static bool is_plain_word(const std::string& s) {  // lowercase words joined by '_'
        if (s.empty()) return false;
        return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
    }

    std::optional<Text> text(ObjectReader& r, std::string_view key, bool required = true) {
        const Json* v = r.object(key, required);
        if (!v) return std::nullopt;
        Text t;
        ObjectReader tr(*v, pointer_child(r.path(), key), problems, file);
        for (const auto& [lang, value] : v->items()) {
            if (auto s = tr.string(lang)) t.by_lang[lang] = *s;
        }
        if (!v->contains("en")) tr.fail("", "missing the English text (\"en\")");
        return t;
    }

    std::string id(ObjectReader& r, const std::string& prefix) {
        auto s = r.string("id", true);
        if (!s) return {};
        if (s->rfind(prefix, 0) != 0) r.fail("id", "\"" + *s + "\" must start with \"" + prefix + "\"");
        else if (!ids.insert(*s).second) r.fail("id", "\"" + *s + "\" is used twice");
        return *s;
    }

    // A link to another file's item: checked for its prefix here; the content check resolves it.
    std::string link(ObjectReader& r, std::string_view key, const std::string& prefix, bool required) {
        auto s = r.string(key, required);
        if (!s) return {};
        if (s->rfind(prefix, 0) != 0) r.fail(key, "\"" + *s + "\" must start with \"" + prefix + "\"");
        return *s;
    }

    std::vector<std::string> links(ObjectReader& r, std::string_view key, const std::string& prefix, bool required,
                                   bool non_empty = true) {
        std::vector<std::string> out;
        const Json* list = r.array(key, required);
        if (!list) return out;
        std::string path = pointer_child(r.path(), key);
        if (non_empty && list->empty()) fail(path, "must not be empty");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& v = (*list)[i];
            std::string p = pointer_child(path, i);
            if (!v.is_string()) fail(p, std::string("expected a string, got ") + json_type_name(v));
            else if (v.get<std::string>().rfind(prefix, 0) != 0) fail(p, quote(v.get<std::string>()) + " must start with " + quote(prefix));
            else if (std::find(out.begin(), out.end(), v.get<std::string>()) != out.end()) fail(p, quote(v.get<std::string>()) + " is listed twice");
            else out.push_back(v.get<std::string>());
        }
        return out;
    }

    // A list of words each of which must be one of `allowed`.
    std::vector<std::string> words(ObjectReader& r, std::string_view key, const std::vector<std::string>& allowed) {
        std::vector<std::string> out;
        const Json* list = r.array(key, true);
        if (!list) return out;
        std::string path = pointer_child(r.path(), key);
        if (list->empty()) fail(path, "must not be empty");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& v = (*list)[i];
            std::string p = pointer_child(path, i);
            if (!v.is_string()) fail(p, std::string("expected a string, got ") + json_type_name(v));
            else if (std::find(allowed.begin(), allowed.end(), v.get<std::string>()) == allowed.end())
                fail(p, quote(v.get<std::string>()) + " is not a known key here");
            else if (std::find(out.begin(), out.end(), v.get<std::string>()) != out.end()) fail(p, quote(v.get<std::string>()) + " is listed twice");
            else out.push_back(v.get<std::string>());
        }
        return out;
    }

    // One object at the top of criteria.json: its id first, `read(reader)` for the keys of its own,
    // then its sources, then no key left unread.
    template <class T, class Read>
    void object(ObjectReader& top, const char* key, T& out, Read&& read) {
        const Json* v = top.object(key, true);
        if (!v) return;
        ObjectReader r(*v, pointer_child("", key), problems, file);
        out.id = id(r, "criteria.");
        read(r);
        out.sources = sources(r);
        r.finish();
    }

    // The one citation reader every topic uses (lang_text.hpp).
    Citations sources(ObjectReader& r) { return read_source_refs(r, {problems, file}); }

    std::string word(ObjectReader& r, std::string_view key) {
        auto s = r.string(key, true);
        if (!s) return {};
        if (!is_plain_word(*s)) r.fail(key, "\"" + *s + "\" must be lowercase letters, digits and '_'");
        return *s;
    }

    std::optional<double> positive(ObjectReader& r, std::string_view key, bool required) {
        auto d = r.number(key, required);
        if (d && *d <= 0) {
            r.fail(key, "must be greater than zero");
            return std::nullopt;
        }
        return d;
    }

    std::optional<double> percent(ObjectReader& r, std::string_view key) {
        auto d = r.number(key);
        if (d && (*d <= 0 || *d > 100)) {
            r.fail(key, "must be a percentage above 0 and at most 100");
            return std::nullopt;
        }
        return d;
    }

    // Calls `each` with a reader for every object of a required, non-empty list.
    template <typename Each>
    void list(ObjectReader& r, std::string_view key, Each each) {
        const Json* list = r.array(key, true);
        if (!list) return;
        std::string path = pointer_child(r.path(), key);
        if (list->empty()) fail(path, "must not be empty");
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader item((*list)[i], pointer_child(path, i), problems, file);
            if (!item.is_object()) continue;
            each(item);
            item.finish();
        }
    }
};

}  // namespace

std::optional<CriteriaRules> load_criteria_rules(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t problems_before = problems.size();
    Loader L{problems, file, {}};
    CriteriaRules rules;
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;

    if (auto s = top.string("schema", true); s && *s != "poems-content/1")
        top.fail("schema", "\"" + *s + "\" is not \"poems-content/1\"");
    if (auto s = top.string("topic", true); s && *s != "criteria") top.fail("topic", "\"" + *s + "\" is not \"criteria\"");
    L.text(top, "note", false);

    // Groups first: criteria refer to them.
    std::vector<std::string> group_keys;
    L.list(top, "groups", [&](ObjectReader& r) {
        GroupRule g;
        g.key = L.word(r, "key");
        g.id = L.id(r, "criteria.group.");
        if (auto t = L.text(r, "name")) g.name = *t;
        if (auto t = L.text(r, "rule")) g.rule = *t;
        if (auto n = r.integer("min_present", true)) {
            if (*n < 1) r.fail("min_present", "must be at least 1");
            else g.min_present = static_cast<int>(*n);
        }
        g.sources = L.sources(r);
        if (std::find(group_keys.begin(), group_keys.end(), g.key) != group_keys.end()) r.fail("key", "\"" + g.key + "\" is used twice");
        group_keys.push_back(g.key);
        rules.groups.push_back(std::move(g));
    });

    L.list(top, "criteria", [&](ObjectReader& r) {
        CriterionRule c;
        c.id = L.id(r, "criteria.");
        if (auto k = r.one_of("key", criterion_keys(), true)) c.key = *k;
        if (auto g = r.one_of("group", group_keys, true)) c.group = *g;
        if (auto t = L.text(r, "name")) c.name = *t;
        if (auto t = L.text(r, "question")) c.question = *t;
        if (auto t = L.text(r, "counts")) c.counts = *t;
        if (auto t = L.text(r, "excluded")) c.excluded = *t;
        c.glossary_id = L.link(r, "glossary_id", "glossary.", false);
        c.also_glossary_ids = L.links(r, "also_glossary_ids", "glossary.", false);
        c.settled_by_ids = L.links(r, "settled_by_ids", "workup.", true, false);
        c.settled_by_exam = L.text(r, "settled_by_exam", false);
        if (c.settled_by_ids.empty() && !c.settled_by_exam)
            r.fail("settled_by_ids", "is empty: give at least one workup id, or \"settled_by_exam\"");
        c.sources = L.sources(r);
        if (!c.key.empty() && rules.criterion(c.key)) r.fail("key", "\"" + c.key + "\" is described twice");
        rules.criteria.push_back(std::move(c));
    });
    for (const auto& key : criterion_keys())
        if (!rules.criterion(key)) L.fail("/criteria", "the criterion \"" + key + "\" is missing");
    for (std::size_t i = 0; i < rules.groups.size(); ++i) {
        const auto& g = rules.groups[i];
        auto size = std::count_if(rules.criteria.begin(), rules.criteria.end(), [&](const CriterionRule& c) { return c.group == g.key; });
        if (g.min_present > size)
            L.fail(pointer_child(pointer_child("/groups", i), "min_present"),
                   "asks for " + std::to_string(g.min_present) + " present, but the group has " + std::to_string(size) + " criteria");
    }

    L.object(top, "castleman_variant", rules.castleman_variant, [&](ObjectReader& r) {
        auto& cv = rules.castleman_variant;
        if (auto t = L.text(r, "text")) cv.text = *t;
        cv.requires_present = L.words(r, "requires_present", criterion_keys());
        if (auto g = r.one_of("counted_group", group_keys, true)) cv.counted_group = *g;
        if (auto n = r.integer("min_counted_present", true)) {
            if (*n < 1) r.fail("min_counted_present", "must be at least 1");
            else cv.min_counted_present = static_cast<int>(*n);
        }
        cv.requires_any_absent = L.words(r, "requires_any_absent", criterion_keys());
    });

    L.object(top, "vegf", rules.vegf, [&](ObjectReader& r) {
        auto& vg = rules.vegf;
        if (auto u = r.one_of("unit", vegf_units(), true)) vg.unit = *u;
        if (auto m = L.positive(r, "uln_multiple", true)) {
            if (*m <= 1) r.fail("uln_multiple", "must be more than 1 (a multiple of the upper limit of normal)");
            else vg.uln_multiple = *m;
        }
        vg.uln_multiple_upper_in_sources = L.positive(r, "uln_multiple_upper_in_sources", false);
        if (vg.uln_multiple_upper_in_sources && *vg.uln_multiple_upper_in_sources <= vg.uln_multiple)
            r.fail("uln_multiple_upper_in_sources", "must be above uln_multiple");
        if (auto t = L.text(r, "note")) vg.note = *t;
        L.list(r, "samples", [&](ObjectReader& s) {
            VegfSampleRule sr;
            if (auto k = s.one_of("sample", vegf_samples(), true)) sr.sample = *k;
            if (auto t = L.text(s, "label")) sr.label = *t;
            if (auto d = L.positive(s, "elevated_at_or_above", true)) sr.elevated_at_or_above = *d;
            sr.borderline_at_or_above = L.positive(s, "borderline_at_or_above", false);
            if (sr.borderline_at_or_above && *sr.borderline_at_or_above >= sr.elevated_at_or_above)
                s.fail("borderline_at_or_above", "must be below elevated_at_or_above");
            if (auto b = s.one_of("below", {"absent", "unknown"}, true)) sr.below = *tri_from_string(*b);
            sr.specificity_percent = L.percent(s, "specificity_percent");
            sr.sensitivity_percent = L.percent(s, "sensitivity_percent");
            if (sr.below == Tri::unknown && !sr.sensitivity_percent)
                s.fail("sensitivity_percent", "is needed when a low value leaves the item unknown (the reason quotes it)");
            sr.sources = L.sources(s);
            if (!sr.sample.empty() && rules.vegf_sample(sr.sample)) s.fail("sample", "\"" + sr.sample + "\" is described twice");
            rules.vegf.samples.push_back(std::move(sr));
        });
        for (const auto& s : vegf_samples())
            if (!rules.vegf_sample(s)) L.fail("/vegf/samples", "the sample \"" + s + "\" is missing");
    });

    L.list(top, "endocrine_findings", [&](ObjectReader& r) {
        EndocrineFindingRule e;
        e.key = L.word(r, "key");
        e.id = L.id(r, "criteria.endocrine.");
        if (auto t = L.text(r, "name")) e.name = *t;
        if (auto b = r.boolean("counts", true)) e.counts = *b;
        e.alone_reason = L.text(r, "alone_reason", false);
        if (!e.counts && !e.alone_reason) r.fail("alone_reason", "is needed for a finding that does not count on its own");
        e.sources = L.sources(r);
        if (!e.key.empty() && rules.endocrine_finding(e.key)) r.fail("key", "\"" + e.key + "\" is described twice");
        rules.endocrine_findings.push_back(std::move(e));
    });

    L.object(top, "m_protein", rules.m_protein, [&](ObjectReader& r) {
        auto& mp = rules.m_protein;
        if (auto t = L.text(r, "text")) mp.text = *t;
        mp.absent_requires_negative = L.words(r, "absent_requires_negative", m_protein_test_kinds());
        L.list(r, "tests", [&](ObjectReader& t) {
            MProteinTestRule tr;
            if (auto k = t.one_of("key", m_protein_test_kinds(), true)) tr.key = *k;
            tr.id = L.id(t, "criteria.m_protein_test.");
            if (auto n = L.text(t, "name")) tr.name = *n;
            tr.workup_id = L.link(t, "workup_id", "workup.", true);
            tr.sources = L.sources(t);
            if (!tr.key.empty() && rules.m_protein_test(tr.key)) t.fail("key", "\"" + tr.key + "\" is described twice");
            mp.tests.push_back(std::move(tr));
        });
        for (const auto& k : m_protein_test_kinds())
            if (!rules.m_protein_test(k)) L.fail("/m_protein/tests", "the test \"" + k + "\" is missing");
    });

    L.object(top, "red_flag_screen", rules.red_flags, [&](ObjectReader& r) {
        auto& rf = rules.red_flags;
        if (auto t = L.text(r, "text")) rf.text = *t;
        L.list(r, "prior_conditions", [&](ObjectReader& p) {
            PriorConditionRule pc;
            pc.key = L.word(p, "key");
            pc.id = L.id(p, "criteria.prior.");
            if (auto t = L.text(p, "name")) pc.name = *t;
            pc.sources = L.sources(p);
            if (!pc.key.empty() && rules.prior_condition(pc.key)) p.fail("key", "\"" + pc.key + "\" is described twice");
            rf.prior_conditions.push_back(std::move(pc));
        });
        rf.red_flag_keys = L.words(r, "red_flag_keys", criterion_keys());
    });

    L.list(top, "reasons", [&](ObjectReader& r) {
        TextItem t;
        t.id = L.id(r, "criteria.reason.");
        if (auto x = L.text(r, "text")) t.text = *x;
        t.sources = L.sources(r);
        std::string key = t.id.size() > 16 ? t.id.substr(16) : std::string();  // after "criteria.reason."
        if (!key.empty()) rules.reasons[key] = std::move(t);
    });
    for (const auto& key : reason_keys())
        if (!rules.reasons.count(key)) L.fail("/reasons", "the reason \"criteria.reason." + key + "\" is missing");

    L.list(top, "warnings", [&](ObjectReader& r) {
        WarningRule w;
        w.id = L.id(r, "criteria.warning.");
        if (auto s = r.one_of("when", warning_triggers(), true)) {
            if (rules.warning(*s)) r.fail("when", "\"" + *s + "\" has a warning already");
            w.when = *s;
        }
        if (auto x = L.text(r, "text")) w.text = *x;
        w.sources = L.sources(r);
        rules.warnings.push_back(std::move(w));
    });
    for (const auto& when : warning_triggers())
        if (!rules.warning(when)) L.fail("/warnings", "no warning for \"" + when + "\"");

    const std::vector<std::string> verdict_words = {"meets_criteria", "castleman_variant", "incomplete", "does_not_meet"};
    L.list(top, "verdicts", [&](ObjectReader& r) {
        VerdictText v;
        if (auto s = r.one_of("verdict", verdict_words, true)) {
            if (rules.verdict(*s)) r.fail("verdict", "\"" + *s + "\" is described twice");
            v.verdict = *s;
        }
        v.id = L.id(r, "criteria.verdict.");
        if (auto t = L.text(r, "headline")) v.headline = *t;
        if (auto t = L.text(r, "explanation")) v.explanation = *t;
        v.sources = L.sources(r);
        rules.verdicts.push_back(std::move(v));
    });
    for (const auto& v : verdict_words)
        if (!rules.verdict(v)) L.fail("/verdicts", "the verdict \"" + v + "\" is missing");

    L.object(top, "disclaimer", rules.disclaimer, [&](ObjectReader& r) {
        if (auto t = L.text(r, "text")) rules.disclaimer.text = *t;
    });

    rules.test_order_ids = L.links(top, "test_order_ids", "workup.", true);
    // Every test a criterion or an M-protein test names must have a place in the order.
    for (std::size_t i = 0; i < rules.criteria.size(); ++i)
        for (std::size_t k = 0; k < rules.criteria[i].settled_by_ids.size(); ++k) {
            const auto& w = rules.criteria[i].settled_by_ids[k];
            if (std::find(rules.test_order_ids.begin(), rules.test_order_ids.end(), w) == rules.test_order_ids.end())
                L.fail(pointer_child(pointer_child(pointer_child("/criteria", i), "settled_by_ids"), k),
                       "\"" + w + "\" is not in /test_order_ids");
        }

    top.finish();
    if (problems.size() != problems_before) return std::nullopt;
    return rules;
}

}  // namespace poems
