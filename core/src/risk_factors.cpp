#include "poems/risk_factors.hpp"

#include "poems/by_id.hpp"
#include "poems/text.hpp"
#include "monitoring_read.hpp"

#include <algorithm>
#include <cctype>

namespace poems {

const PrognosticFactor* PrognosisContent::factor(std::string_view id) const {
    return find_by_id(factors, id);
}

Tri RiskFactorReport::state(std::string_view id) const {
    for (const auto& f : factors)
        if (f.factor_id == id) return f.state;
    return Tri::unknown;
}


static std::optional<FactorRule> read_rule(const Json& j, const std::string& path, Problems& problems,
                                           const std::string& file) {
    ObjectReader r(j, path, problems, file);
    if (!r.is_object()) return std::nullopt;
    const std::size_t before = problems.size();
    FactorRule rule;
    auto kind = r.one_of("kind", {"lab_below", "lab_note_words", "age_over", "findings_absent_only", "ask"}, true);
    if (!kind) {
        for (const char* k : {"test_id", "below", "unit", "years", "key", "words"}) r.ignore(k);
        r.finish();
        return std::nullopt;
    }
    rule.kind = *kind;
    if (rule.kind == "lab_below") {
        rule.test_id = r.string("test_id", true).value_or("");
        rule.below = r.number("below", true).value_or(0);
        rule.unit = r.string("unit", true).value_or("");
        if (rule.below <= 0) r.fail("below", "must be above zero");
    } else if (rule.kind == "lab_note_words") {
        rule.test_id = r.string("test_id", true).value_or("");
        if (const Json* words = r.object("words", true)) {
            const Json* en = words->contains("en") ? &(*words)["en"] : nullptr;
            if (!en || !en->is_array() || en->empty()) {
                r.fail("words", "expected {\"en\": [\"word\", ...]} with at least one word");
            } else {
                for (const auto& w : *en)
                    if (w.is_string() && !w.get<std::string>().empty()) rule.words.push_back(ascii_lower(w.get<std::string>()));
                    else r.fail("words", "every word must be a non-empty string");
            }
        }
    } else if (rule.kind == "age_over") {
        auto years = r.integer("years", true);
        if (years && (*years < 1 || *years > 150)) r.fail("years", "must be between 1 and 150");
        rule.years = static_cast<int>(years.value_or(0));
    } else if (rule.kind == "findings_absent_only") {
        rule.findings_key = r.string("key", true).value_or("");
    }
    r.finish();
    if (problems.size() != before) return std::nullopt;
    return rule;
}

std::optional<PrognosisContent> load_prognosis(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;
    ReadSink sink{problems, file};
    monitoring_detail::read_header(top, "prognosis");
    PrognosisContent c;
    c.title = read_lang_text(top, sink, "title").value_or(LangText{});
    c.intro = read_lang_text(top, sink, "intro").value_or(LangText{});
    if (const Json* factors = top.array("factors", true)) {
        for (std::size_t i = 0; i < factors->size(); ++i) {
            std::string path = pointer_child("/factors", i);
            ObjectReader r((*factors)[i], path, problems, file);
            if (!r.is_object()) continue;
            PrognosticFactor f;
            auto id = monitoring_detail::read_id(r, "prognosis.");
            auto name = read_lang_text(r, sink, "name");
            auto how = read_lang_text(r, sink, "how");
            f.detail = read_lang_text(r, sink, "detail", false);
            std::optional<FactorRule> rule;
            if (const Json* rj = r.object("rule", true)) rule = read_rule(*rj, pointer_child(path, "rule"), problems, file);
            f.sources = read_source_refs(r, sink);
            r.finish();
            if (!id || !name || !how || !rule) continue;
            if (c.factor(*id)) {
                r.fail("id", "duplicate id \"" + *id + "\"");
                continue;
            }
            f.id = *id;
            f.name = *name;
            f.how = *how;
            f.rule = *rule;
            c.factors.push_back(std::move(f));
        }
    }
    if (const Json* s = top.object("summary", true)) {
        ObjectReader r(*s, "/summary", problems, file);
        c.summary_id = monitoring_detail::read_id(r, "prognosis.").value_or("");
        c.none = read_lang_text(r, sink, "none").value_or(LangText{});
        c.some = read_lang_text(r, sink, "some").value_or(LangText{});
        c.three_or_more = read_lang_text(r, sink, "three_or_more").value_or(LangText{});
        c.unknown = read_lang_text(r, sink, "unknown").value_or(LangText{});
        c.phenotype = read_lang_text(r, sink, "phenotype").value_or(LangText{});
        auto n = r.integer("three_or_more_count", true);
        if (n && (*n < 1 || *n > 100)) r.fail("three_or_more_count", "must be between 1 and 100");
        c.three_or_more_count = static_cast<int>(n.value_or(3));
        c.summary_sources = read_source_refs(r, sink);
        r.finish();
    }
    top.finish();
    if (problems.size() != before) return std::nullopt;
    return c;
}

// ---------------------------------------------------------------------------------------------

static const LabResult* latest_result(const Record& record, std::string_view test_id, Date today) {
    const LabResult* best = nullptr;
    for (const auto& r : record.labs)
        if (r.test_id == test_id && r.date <= today && (!best || r.date >= best->date)) best = &r;
    return best;
}

static FactorResult evaluate(const PrognosticFactor& f, const Record& record, const LabCatalogue& cat, Date today) {
    FactorResult out{f.id, Tri::unknown, ""};
    const FactorRule& rule = f.rule;
    if (rule.kind == "lab_below") {
        const LabResult* r = latest_result(record, rule.test_id, today);
        const LabTest* t = cat.test(rule.test_id);
        if (!r || !t) {
            out.reason = "no result recorded";
            return out;
        }
        auto v = convert_for_test(cat, *t, r->value, r->unit, rule.unit);
        if (!v) {
            out.reason = "latest result (" + format_number(r->value) + " " + r->unit + " on " + to_string(r->date) +
                         ") cannot be compared with " + format_number(rule.below) + " " + rule.unit;
            return out;
        }
        bool below = v->value < rule.below;
        out.state = below ? Tri::present : Tri::absent;
        out.reason = "latest result " + format_number(r->value) + " " + r->unit + " on " + to_string(r->date) + " is " +
                     (below ? "below " : "not below ") + format_number(rule.below) + " " + rule.unit;
        if (v->conventional) out.reason += " (converted approximately)";
        return out;
    }
    if (rule.kind == "lab_note_words") {
        const LabResult* r = latest_result(record, rule.test_id, today);
        if (!r) {
            out.reason = "no result recorded, and the sources give no threshold: ask your doctor";
            return out;
        }
        std::string note = ascii_lower(r->note);
        for (const auto& w : rule.words) {
            if (!note.empty() && note.find(w) != std::string::npos) {
                out.state = Tri::present;
                out.reason = "the note on your result of " + to_string(r->date) + " says \"" + r->note + "\"";
                return out;
            }
        }
        out.reason = "latest result " + format_number(r->value) + " " + r->unit + " on " + to_string(r->date) +
                     "; the sources give no threshold: ask your doctor whether it is reduced";
        return out;
    }
    if (rule.kind == "age_over") {
        if (!record.profile.birth_year) {
            out.reason = "no birth year recorded";
            return out;
        }
        auto diagnosis = first_event(record, "diagnosis");
        Date at = diagnosis && *diagnosis <= today ? *diagnosis : today;
        std::string when = diagnosis && *diagnosis <= today ? "at diagnosis (" + to_string(at) + ")" : "today";
        // Without a birthday the age is (year difference - 1) or (year difference).
        int oldest = at.year - *record.profile.birth_year;
        int youngest = oldest - 1;
        if (youngest > rule.years) {
            out.state = Tri::present;
            out.reason = "age " + when + " is " + (oldest == youngest ? std::to_string(oldest)
                                                                       : std::to_string(youngest) + " or " + std::to_string(oldest));
        } else if (oldest <= rule.years) {
            out.state = Tri::absent;
            out.reason = "age " + when + " is " + std::to_string(std::max(0, youngest)) + " or " + std::to_string(std::max(0, oldest));
        } else {
            out.reason = "age " + when + " is " + std::to_string(youngest) + " or " + std::to_string(oldest) +
                         " (the birth year alone cannot tell)";
        }
        return out;
    }
    if (rule.kind == "findings_absent_only") {
        const Json& fj = record.findings;
        auto it = fj.is_object() ? fj.find(rule.findings_key) : fj.end();
        std::string value = (fj.is_object() && it != fj.end() && it->is_string()) ? it->get<std::string>() : "";
        if (value == "absent") {
            out.state = Tri::absent;
            out.reason = "your findings record no " + rule.findings_key;
        } else if (value == "present") {
            out.reason = "your findings record " + rule.findings_key + "; whether it counts is for your doctor to say";
        } else {
            out.reason = "not in your findings";
        }
        std::replace(out.reason.begin(), out.reason.end(), '_', ' ');
        return out;
    }
    out.reason = "the app cannot tell from the record";
    return out;
}

RiskFactorReport evaluate_risk_factors(const Record& record, const PrognosisContent& content, const LabCatalogue& cat,
                                       Date today, const FactorAnswers& answers) {
    RiskFactorReport report;
    for (const auto& f : content.factors) {
        FactorResult r;
        auto a = answers.find(f.id);
        if (a != answers.end() && a->second != Tri::unknown) {
            r = {f.id, a->second, a->second == Tri::present ? "you answered: present" : "you answered: absent"};
        } else {
            r = evaluate(f, record, cat, today);
        }
        if (r.state == Tri::present) ++report.present;
        else if (r.state == Tri::absent) ++report.absent;
        else ++report.unknown;
        report.factors.push_back(std::move(r));
    }
    report.three_or_more = report.present >= content.three_or_more_count;
    if (report.three_or_more) report.summary = &content.three_or_more;
    else if (report.present == 0 && report.unknown == 0) report.summary = &content.none;
    else if (report.unknown > 0) report.summary = &content.unknown;
    else report.summary = &content.some;
    return report;
}

}  // namespace poems
