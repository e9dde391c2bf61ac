#include "poems/criteria.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace poems {

const char* to_string(Verdict v) {
    switch (v) {
        case Verdict::meets_criteria: return "meets_criteria";
        case Verdict::castleman_variant: return "castleman_variant";
        case Verdict::does_not_meet: return "does_not_meet";
        case Verdict::incomplete: break;
    }
    return "incomplete";
}

const char* to_string(Status s) {
    switch (s) {
        case Status::present: return "present";
        case Status::absent: return "absent";
        case Status::borderline: return "borderline";
        case Status::unknown: break;
    }
    return "unknown";
}

const CriterionResult* Evaluation::criterion(const std::string& key) const {
    for (const auto& c : criteria)
        if (c.key == key) return &c;
    return nullptr;
}

namespace {

using Vars = std::map<std::string, std::string>;

// Replaces each {name} of the content text by its value; unknown names are left as they are.
std::string fill(const std::string& text, const Vars& vars) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t open = text.find('{', i);
        std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        auto it = vars.find(text.substr(open + 1, close - open - 1));
        out.append(text, i, open - i);
        if (it != vars.end()) out += it->second;
        else out.append(text, open, close - open + 1);
        i = close + 1;
    }
    out.append(text, i, std::string::npos);
    return out;
}

// 2400 -> "2400", 2.5 -> "2.5": as a lab report would print it.
std::string number(double d) {
    char buf[64];
    if (std::floor(d) == d && std::fabs(d) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", d);
    else std::snprintf(buf, sizeof buf, "%.6g", d);
    return buf;
}

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

void add_sources(Citations& to, const Citations& from) {
    for (const auto& c : from)
        if (std::find(to.begin(), to.end(), c) == to.end()) to.push_back(c);
}

Tri effective(Status s) {
    if (s == Status::present) return Tri::present;
    if (s == Status::absent) return Tri::absent;
    return Tri::unknown;
}

Status status_of(Tri t) {
    if (t == Tri::present) return Status::present;
    if (t == Tri::absent) return Status::absent;
    return Status::unknown;
}

struct Context {
    const Findings& f;
    const CriteriaRules& rules;
    const std::string& lang;
    Evaluation& e;

    void reason(CriterionResult& r, const std::string& key, const Vars& vars = {}) {
        const TextItem& item = rules.reason(key);
        std::string text = fill(item.text.get(lang), vars);
        r.reason += (r.reason.empty() ? "" : " ") + text;
        r.reason_ids.push_back(item.id);
        add_sources(r.sources, item.sources);
    }

    void warn(const std::string& when, const std::string& criterion, const Vars& vars = {}) {
        const WarningRule* w = rules.warning(when);
        if (!w) return;  // the loader guarantees every trigger has a warning
        e.warnings.push_back({w->id, criterion, fill(w->text.get(lang), vars), w->sources});
    }

    std::string name_of(const std::string& key) {
        const CriterionRule* c = rules.criterion(key);
        return c ? c->name.get(lang) : key;
    }

    void vegf(CriterionResult& r) {
        const VegfMeasurement& m = *f.vegf;
        const VegfSampleRule* s = rules.vegf_sample(m.sample);
        if (!s) return;  // the parser and the loader agree on the samples
        Vars v = {{"measurement", s->label.get(lang)}, {"value", number(m.value)}, {"unit", m.unit},
                  {"multiple", number(rules.vegf.uln_multiple)}, {"threshold", number(s->elevated_at_or_above)}};
        if (s->sensitivity_percent) v["sensitivity"] = number(*s->sensitivity_percent);
        if (s->specificity_percent) v["specificity"] = number(*s->specificity_percent);
        r.decided_by_results = true;
        if (m.upper_limit_of_normal) {
            // The lab's own limit is the most specific rule there is.
            double uln = *m.upper_limit_of_normal;
            v["uln"] = number(uln);
            if (m.value >= rules.vegf.uln_multiple * uln) {
                r.status = Status::present;
                reason(r, "vegf_uln_elevated", v);
                auto upper = rules.vegf.uln_multiple_upper_in_sources;
                if (upper && m.value < *upper * uln) warn("vegf_uln_between_source_multiples", r.key, v);
            } else if (m.value > uln) {
                r.status = Status::borderline;
                reason(r, "vegf_uln_borderline", v);
                warn("vegf_borderline", r.key, v);
            } else {
                r.status = Status::absent;
                reason(r, "vegf_uln_normal", v);
            }
            return;
        }
        warn("vegf_measured", r.key, v);
        if (m.value >= s->elevated_at_or_above) {
            r.status = Status::present;
            reason(r, "vegf_elevated", v);
        } else if (s->borderline_at_or_above && m.value >= *s->borderline_at_or_above) {
            v["borderline"] = number(*s->borderline_at_or_above);
            r.status = Status::borderline;
            reason(r, "vegf_borderline", v);
            warn("vegf_borderline", r.key, v);
        } else if (s->below == Tri::absent) {
            v["below"] = number(s->borderline_at_or_above.value_or(s->elevated_at_or_above));
            r.status = Status::absent;
            reason(r, "vegf_below_absent", v);
        } else {
            r.status = Status::unknown;
            reason(r, "vegf_below_unknown", v);
            warn("vegf_below_unknown", r.key, v);
        }
    }

    void endocrine(CriterionResult& r) {
        const auto& list = *f.endocrine_findings;
        r.decided_by_results = true;
        std::vector<std::string> counting, unlisted;
        for (const auto& key : list) {
            const EndocrineFindingRule* rule = rules.endocrine_finding(key);
            if (!rule) {
                // The format says any other endocrine finding counts; say so, in case of a typo.
                counting.push_back(key);
                unlisted.push_back(key);
            } else if (rule->counts) {
                counting.push_back(rule->name.get(lang));
            }
        }
        if (!counting.empty()) {
            r.status = Status::present;
            reason(r, "endocrine_counts", {{"findings", join(counting)}});
        } else if (list.empty()) {
            r.status = Status::absent;
            reason(r, "endocrine_none");
        } else {
            r.status = Status::absent;
            for (const auto& key : list) {
                const EndocrineFindingRule* rule = rules.endocrine_finding(key);
                r.reason += (r.reason.empty() ? "" : " ") + rule->alone_reason->get(lang);
                r.reason_ids.push_back(rule->id);
                add_sources(r.sources, rule->sources);
            }
        }
        for (const auto& key : unlisted) warn("endocrine_unlisted", r.key, {{"findings", key}});
    }

    std::string test_names(const std::vector<std::string>& kinds) {
        std::vector<std::string> names;
        for (const auto& k : kinds) {
            const MProteinTestRule* t = rules.m_protein_test(k);
            std::string n = t ? t->name.get(lang) : k;
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
        return join(names);
    }

    void m_protein(CriterionResult& r) {
        const auto& tests = *f.m_protein_tests;
        r.decided_by_results = true;
        std::vector<std::string> positive, negative;
        for (const auto& t : tests) (t.result == "positive" ? positive : negative).push_back(t.test);
        const auto& needed = rules.m_protein.absent_requires_negative;
        bool all_needed_negative = std::all_of(needed.begin(), needed.end(), [&](const std::string& k) {
            return std::find(negative.begin(), negative.end(), k) != negative.end();
        });
        if (!positive.empty()) {
            r.status = Status::present;
            reason(r, "m_protein_positive", {{"tests", test_names(positive)}});
        } else if (all_needed_negative) {
            r.status = Status::absent;
            reason(r, "m_protein_absent", {{"tests", test_names(negative)}});
        } else if (tests.empty()) {
            r.status = Status::unknown;
            reason(r, "m_protein_no_tests");
        } else {
            r.status = Status::borderline;
            std::vector<std::string> needed_names;
            for (const auto& k : needed) needed_names.push_back(test_names({k}));
            reason(r, "m_protein_not_settled", {{"tests", test_names(negative)}, {"needed", join(needed_names, " and ")}});
            if (std::find(negative.begin(), negative.end(), "spep") != negative.end())
                warn("spep_negative_not_settled", r.key);
        }
    }

    void criterion(const CriterionRule& rule, CriterionResult& r) {
        r.key = rule.key;
        r.id = rule.id;
        r.group = rule.group;
        r.name = rule.name.get(lang);
        r.glossary_id = rule.glossary_id;
        r.sources = rule.sources;
        auto given = f.criteria.find(rule.key);
        r.entered = given == f.criteria.end() ? Tri::unknown : given->second;

        if (rule.key == "vegf_elevated" && f.vegf) vegf(r);
        else if (rule.key == "endocrinopathy" && f.endocrine_findings) endocrine(r);
        else if (rule.key == "monoclonal_plasma_cell_disorder" && f.m_protein_tests) m_protein(r);
        else {
            r.status = status_of(r.entered);
            if (given == f.criteria.end()) reason(r, "not_entered");
            else reason(r, r.entered == Tri::present ? "entered_present"
                           : r.entered == Tri::absent ? "entered_absent" : "entered_unknown");
        }

        // Results decide, but a different entry for the same item is worth a second look.
        if (r.decided_by_results && r.entered != Tri::unknown && r.status != status_of(r.entered))
            warn("entry_overridden", r.key, {{"criterion", r.name}, {"entered", to_string(r.entered)}, {"derived", to_string(r.status)}});

        // However it came to be absent (entered, or both immunofixations negative), an absent
        // M-protein may still have been missed (004 "M — Monoclonal protein"): say so every time.
        if (rule.key == "monoclonal_plasma_cell_disorder" && r.status == Status::absent) warn("m_protein_absent", r.key);

        if (r.status != Status::present && r.status != Status::absent) r.settled_by_ids = rule.settled_by_ids;
    }
};

int group_index(const CriteriaRules& rules, const std::string& key) {
    for (std::size_t i = 0; i < rules.groups.size(); ++i)
        if (rules.groups[i].key == key) return static_cast<int>(i);
    return static_cast<int>(rules.groups.size());
}

int test_rank(const CriteriaRules& rules, const std::string& id) {
    auto it = std::find(rules.test_order_ids.begin(), rules.test_order_ids.end(), id);
    return static_cast<int>(it - rules.test_order_ids.begin());
}

}  // namespace

Evaluation evaluate(const Findings& findings, const CriteriaRules& rules, const std::string& lang) {
    Evaluation e;
    Context ctx{findings, rules, lang, e};
    e.criteria.resize(rules.criteria.size());
    for (std::size_t i = 0; i < rules.criteria.size(); ++i) ctx.criterion(rules.criteria[i], e.criteria[i]);

    auto state = [&](const std::string& key) {
        const CriterionResult* c = e.criterion(key);
        return c ? effective(c->status) : Tri::unknown;
    };

    // Each group: met, cannot be met any more, or still open.
    bool all_met = true, any_cannot = false;
    for (const auto& g : rules.groups) {
        GroupResult gr{g.key, g.name.get(lang), g.rule.get(lang), g.min_present, {}, {}, {}, {}};
        for (const auto& c : e.criteria) {
            if (c.group != g.key) continue;
            Tri t = effective(c.status);
            (t == Tri::present ? gr.present : t == Tri::absent ? gr.absent : gr.open).push_back(c.key);
        }
        int present = static_cast<int>(gr.present.size());
        int possible = present + static_cast<int>(gr.open.size());
        if (present >= g.min_present) gr.state = "met";
        else if (possible < g.min_present) gr.state = "cannot_be_met";
        else gr.state = "open";
        all_met = all_met && gr.state == "met";
        any_cannot = any_cannot || gr.state == "cannot_be_met";
        e.groups.push_back(std::move(gr));
    }

    const auto& cv = rules.castleman_variant;
    bool castleman = std::all_of(cv.requires_present.begin(), cv.requires_present.end(),
                                 [&](const std::string& k) { return state(k) == Tri::present; }) &&
                     std::any_of(cv.requires_any_absent.begin(), cv.requires_any_absent.end(),
                                 [&](const std::string& k) { return state(k) == Tri::absent; });
    if (castleman) {
        int counted = 0;
        for (const auto& c : e.criteria)
            if (c.group == cv.counted_group && effective(c.status) == Tri::present) ++counted;
        castleman = counted >= cv.min_counted_present;
    }

    if (all_met) e.verdict = Verdict::meets_criteria;
    else if (castleman) e.verdict = Verdict::castleman_variant;
    else if (any_cannot) e.verdict = Verdict::does_not_meet;
    else e.verdict = Verdict::incomplete;

    if (const VerdictText* vt = rules.verdict(to_string(e.verdict))) {
        e.verdict_id = vt->id;
        e.headline = vt->headline.get(lang);
        e.explanation = vt->explanation.get(lang);
        e.verdict_sources = vt->sources;
    }

    if (e.verdict == Verdict::does_not_meet) {
        for (const auto& g : e.groups) {
            if (g.state != "cannot_be_met") continue;
            std::vector<std::string> absent;
            for (const auto& k : g.absent) absent.push_back(ctx.name_of(k));
            e.why.push_back(fill(rules.reason("group_unmet").text.get(lang),
                                 {{"group", g.name}, {"rule", g.rule}, {"absent", join(absent)}}));
        }
    }

    // What is missing: only the open items of groups that are not met yet can change the verdict.
    if (e.verdict == Verdict::incomplete) {
        std::map<std::string, std::pair<std::pair<int, int>, std::vector<std::string>>> tests;
        for (const auto& g : e.groups) {
            if (g.state == "met") continue;
            int gi = group_index(rules, g.key);
            for (const auto& c : e.criteria) {
                if (c.group != g.key || effective(c.status) != Tri::unknown) continue;
                e.missing.push_back({c.key, c.status, c.settled_by_ids});
                for (const auto& w : c.settled_by_ids) {
                    auto [it, fresh] = tests.try_emplace(w, std::make_pair(gi, test_rank(rules, w)), std::vector<std::string>{});
                    it->second.second.push_back(c.key);
                }
            }
        }
        for (auto& [id, v] : tests) e.tests_to_settle.push_back({id, v.second});
        std::stable_sort(e.tests_to_settle.begin(), e.tests_to_settle.end(), [&](const SettlingTest& a, const SettlingTest& b) {
            return tests[a.workup_id].first < tests[b.workup_id].first;
        });
    }

    // The red-flag screen (004 "Red flags"): a listed condition that has not improved with
    // first-line treatment "deserves a dedicated POEMS workup", *especially* with a red flag. Not
    // improving is enough; red flags present make it more pressing, unknown ones are worth checking.
    for (const auto& k : rules.red_flags.red_flag_keys) {
        if (state(k) == Tri::present) e.red_flags.push_back(k);
        if (state(k) == Tri::unknown) e.red_flags_unknown.push_back(k);
    }
    auto names_of = [&](const std::vector<std::string>& keys) {
        std::vector<std::string> names;
        for (const auto& k : keys) names.push_back(ctx.name_of(k));
        return join(names);
    };
    e.red_flag_sources = rules.red_flags.sources;
    auto say = [&](const std::string& key, const Vars& vars) {
        const TextItem& item = rules.reason(key);
        std::string sentence = fill(item.text.get(lang), vars);
        e.red_flag_reason += (e.red_flag_reason.empty() ? "" : " ") + sentence;
        if (e.red_flag_reason_id.empty()) e.red_flag_reason_id = item.id;
        add_sources(e.red_flag_sources, item.sources);
    };
    const PriorDiagnosis* p = findings.prior_diagnosis ? &*findings.prior_diagnosis : nullptr;
    const PriorConditionRule* pc = p ? rules.prior_condition(p->condition) : nullptr;
    Vars vars = {{"condition", pc ? pc->name.get(lang) : p ? p->condition : std::string()}};
    if (!p) {
        say("screen_no_prior", vars);
    } else if (!pc) {
        say("screen_other_condition", vars);
    } else if (p->improved_with_treatment) {
        say("screen_improved", vars);
    } else {
        e.workup_recommended = true;
        say("screen_not_improved", vars);
        if (!e.red_flags.empty()) say("screen_flags_present", {{"flags", names_of(e.red_flags)}});
        if (!e.red_flags_unknown.empty()) say("screen_flags_to_check", {{"flags", names_of(e.red_flags_unknown)}});
    }
    if (pc) add_sources(e.red_flag_sources, pc->sources);
    e.red_flag_headline = rules.reason(e.workup_recommended ? "screen_recommended" : "screen_not_applicable").text.get(lang);

    e.disclaimer = rules.disclaimer.text.get(lang);
    e.disclaimer_id = rules.disclaimer.id;
    e.disclaimer_sources = rules.disclaimer.sources;
    return e;
}

Json citations_to_json(const Citations& list) {
    Json out = Json::array();
    for (const auto& c : list) out.push_back(source_ref_to_json(c));
    return out;
}

Json evaluation_to_json(const Evaluation& e) {
    Json j;
    j["schema"] = "poems-evaluation/1";
    j["verdict"] = to_string(e.verdict);
    j["verdict_id"] = e.verdict_id;
    j["headline"] = e.headline;
    j["explanation"] = e.explanation;
    j["verdict_sources"] = citations_to_json(e.verdict_sources);
    j["why"] = e.why;
    j["groups"] = Json::object();
    for (const auto& g : e.groups)
        j["groups"][g.key] = {{"name", g.name}, {"rule", g.rule}, {"min_present", g.min_present}, {"state", g.state},
                              {"present", g.present}, {"absent", g.absent}, {"open", g.open}};
    j["criteria_order"] = Json::array();
    j["criteria"] = Json::object();
    for (const auto& c : e.criteria) {
        j["criteria_order"].push_back(c.key);
        j["criteria"][c.key] = {{"id", c.id},
                                {"group", c.group},
                                {"name", c.name},
                                {"status", to_string(c.status)},
                                {"entered", to_string(c.entered)},
                                {"decided_by_results", c.decided_by_results},
                                {"reason", c.reason},
                                {"reason_ids", c.reason_ids},
                                {"sources", citations_to_json(c.sources)},
                                {"glossary_id", c.glossary_id},
                                {"settled_by_ids", c.settled_by_ids}};
    }
    j["missing"] = Json::array();
    for (const auto& m : e.missing)
        j["missing"].push_back({{"criterion", m.key}, {"status", to_string(m.status)}, {"settled_by_ids", m.settled_by_ids}});
    j["tests_to_settle"] = Json::array();
    for (const auto& t : e.tests_to_settle) j["tests_to_settle"].push_back({{"workup_id", t.workup_id}, {"settles", t.settles}});
    j["warnings"] = Json::array();
    for (const auto& w : e.warnings)
        j["warnings"].push_back({{"id", w.id}, {"criterion", w.criterion}, {"text", w.text}, {"sources", citations_to_json(w.sources)}});
    j["workup_recommended"] = e.workup_recommended;
    j["red_flags"] = e.red_flags;
    j["red_flags_unknown"] = e.red_flags_unknown;
    j["red_flag_screen"] = {{"workup_recommended", e.workup_recommended},
                            {"headline", e.red_flag_headline},
                            {"red_flags", e.red_flags},
                            {"red_flags_unknown", e.red_flags_unknown},
                            {"reason", e.red_flag_reason},
                            {"reason_id", e.red_flag_reason_id},
                            {"sources", citations_to_json(e.red_flag_sources)}};
    j["disclaimer"] = e.disclaimer;
    j["disclaimer_id"] = e.disclaimer_id;
    j["disclaimer_sources"] = citations_to_json(e.disclaimer_sources);
    return j;
}

}  // namespace poems
