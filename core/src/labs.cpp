#include "poems/labs.hpp"

#include "poems/by_id.hpp"

#include "monitoring_read.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace poems {

const LabTest* LabCatalogue::test(std::string_view id) const {
    return find_by_id(tests, id);
}

const LabUnit* LabCatalogue::unit(std::string_view u) const {
    for (const auto& x : units)
        if (x.unit == u) return &x;
    return nullptr;
}

std::string format_number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

static bool contains(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

static std::string quoted_list(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "\"" : ", \"") + s + "\"";
    return out;
}

// ---------------------------------------------------------------------------------------------
// Loading

static void read_units(const Json& list, const std::string& path, LabCatalogue& cat, Problems& problems,
                       const std::string& file) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        ObjectReader r(list[i], pointer_child(path, i), problems, file);
        if (!r.is_object()) continue;
        auto unit = r.string("unit", true);
        auto dimension = r.string("dimension", true);
        auto power = r.integer("power_of_ten", true);
        r.finish();
        if (!unit || !dimension || !power) continue;
        if (*power < -30 || *power > 30) {
            r.fail("power_of_ten", "must be between -30 and 30");
            continue;
        }
        if (cat.unit(*unit)) {
            r.fail("unit", "unit \"" + *unit + "\" is listed twice");
            continue;
        }
        cat.units.push_back({*unit, *dimension, static_cast<int>(*power)});
    }
}

static std::optional<LabTest> read_test(const Json& j, const std::string& path, const LabCatalogue& cat,
                                        Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader r(j, path, problems, file);
    if (!r.is_object()) return std::nullopt;
    ReadSink sink{problems, file};
    LabTest t;
    auto id = r.string("id", true);
    if (id && (!is_well_formed_id(*id) || id->rfind("labs.", 0) != 0))
        r.fail("id", "\"" + *id + "\" must be a well-formed id starting with \"labs.\"");
    t.id = id.value_or("");
    t.name = read_lang_text(r, sink, "name").value_or(LangText{});
    t.short_name = read_lang_text(r, sink, "short").value_or(LangText{});
    t.note = read_lang_text(r, sink, "note").value_or(LangText{});
    t.main_unit = r.string("main_unit", true).value_or("");
    if (const Json* units = r.array("units", true)) {
        std::string upath = pointer_child(path, "units");
        if (units->empty()) r.fail("units", "must list at least one unit");
        for (std::size_t i = 0; i < units->size(); ++i) {
            const Json& u = (*units)[i];
            std::string at = pointer_child(upath, i);
            if (!u.is_string()) {
                problems.push_back({file, at, std::string("expected a unit (a string), got ") + json_type_name(u)});
            } else if (!cat.unit(u.get<std::string>())) {
                problems.push_back({file, at, "unit \"" + u.get<std::string>() + "\" is not in the units table (/units)"});
            } else if (contains(t.units, u.get<std::string>())) {
                problems.push_back({file, at, "unit \"" + u.get<std::string>() + "\" is listed twice"});
            } else {
                t.units.push_back(u.get<std::string>());
            }
        }
    }
    if (!t.main_unit.empty() && !t.units.empty() && !contains(t.units, t.main_unit))
        r.fail("main_unit", "\"" + t.main_unit + "\" is not one of the test's units (" + quoted_list(t.units) + ")");
    if (const Json* convs = r.array("conventional_conversions")) {
        std::string cpath = pointer_child(path, "conventional_conversions");
        for (std::size_t i = 0; i < convs->size(); ++i) {
            ObjectReader c((*convs)[i], pointer_child(cpath, i), problems, file);
            if (!c.is_object()) continue;
            ConventionalConversion conv;
            auto from = c.string("from", true);
            auto to = c.string("to", true);
            auto factor = c.number("factor", true);
            auto note = read_lang_text(c, sink, "note");
            c.finish();
            if (from && !contains(t.units, *from)) c.fail("from", "\"" + *from + "\" is not one of the test's units");
            if (to && !contains(t.units, *to)) c.fail("to", "\"" + *to + "\" is not one of the test's units");
            if (factor && *factor <= 0) c.fail("factor", "must be above zero");
            if (from && to && *from == *to) c.fail("to", "converts a unit to itself");
            if (from && to && convert(cat, 1.0, *from, *to))
                c.fail("", "\"" + *from + "\" and \"" + *to + "\" already convert exactly: leave this conversion out");
            if (from && to && factor && note) t.conventional.push_back({*from, *to, *factor, *note});
        }
    }
    if (const Json* lim = r.object("limits", true)) {
        ObjectReader l(*lim, pointer_child(path, "limits"), problems, file);
        t.limits.max = l.number("max");
        t.limits.warn_below = l.number("warn_below");
        t.limits.warn_above = l.number("warn_above");
        l.finish();
        const auto& L = t.limits;
        if (L.max && *L.max <= 0) l.fail("max", "must be above zero");
        if (L.warn_below && *L.warn_below < 0) l.fail("warn_below", "must not be below zero");
        if (L.warn_below && L.warn_above && *L.warn_below >= *L.warn_above)
            l.fail("warn_below", "must be below warn_above");
        if (L.max && L.warn_above && *L.warn_above >= *L.max) l.fail("warn_above", "must be below max");
    }
    t.counts_for_ids = read_id_list(r, sink, "counts_for_ids", true, {"monitoring.test."});
    t.sources = read_source_refs(r, sink);
    r.finish();
    if (problems.size() != before) return std::nullopt;
    return t;
}

std::optional<LabCatalogue> load_lab_catalogue(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;
    ReadSink sink{problems, file};
    monitoring_detail::read_header(top, "labs");
    read_lang_text(top, sink, "title");
    read_lang_text(top, sink, "intro");
    read_lang_text(top, sink, "exact_units_note");
    LabCatalogue cat;
    if (const Json* units = top.array("units", true)) read_units(*units, "/units", cat, problems, file);
    if (const Json* tests = top.array("tests", true)) {
        for (std::size_t i = 0; i < tests->size(); ++i) {
            auto t = read_test((*tests)[i], pointer_child("/tests", i), cat, problems, file);
            if (!t) continue;
            if (cat.test(t->id)) {
                problems.push_back({file, pointer_child(pointer_child("/tests", i), "id"), "duplicate id \"" + t->id + "\""});
                continue;
            }
            cat.tests.push_back(std::move(*t));
        }
    }
    top.finish();
    if (problems.size() != before) return std::nullopt;
    return cat;
}

// ---------------------------------------------------------------------------------------------
// Conversions

// 10^n as a double; exact for |n| <= 22, which covers every unit table.
static double pow10(int n) {
    double p = 1;
    for (int i = 0; i < (n < 0 ? -n : n); ++i) p *= 10;
    return p;
}

std::optional<double> convert(const LabCatalogue& cat, double value, std::string_view from, std::string_view to) {
    const LabUnit* a = cat.unit(from);
    const LabUnit* b = cat.unit(to);
    if (!a || !b || a->dimension != b->dimension) return std::nullopt;
    int shift = a->power_of_ten - b->power_of_ten;
    // Multiply or divide by an exact power of ten so 3.1 g/dL gives 31 g/L, not 31.000000000000004.
    return shift >= 0 ? value * pow10(shift) : value / pow10(-shift);
}

std::optional<Converted> convert_for_test(const LabCatalogue& cat, const LabTest& test, double value,
                                          std::string_view from, std::string_view to, bool allow_conventional) {
    if (!contains(test.units, from) || !contains(test.units, to)) return std::nullopt;
    if (auto exact = convert(cat, value, from, to)) return Converted{*exact, false};
    if (!allow_conventional) return std::nullopt;
    // A conventional factor may be listed between any two units of exact families: go to the
    // factor's `from` unit exactly, apply it, then go exactly to the wanted unit.
    for (const auto& c : test.conventional) {
        for (bool forward : {true, false}) {
            std::string_view start = forward ? c.from : c.to;
            std::string_view end = forward ? c.to : c.from;
            auto in = convert(cat, value, from, start);
            if (!in) continue;
            double mid = forward ? *in * c.factor : *in / c.factor;
            if (auto out = convert(cat, mid, end, to)) return Converted{*out, true};
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Entry checks

LabCheckResult check_lab_value(const LabCatalogue& cat, std::string_view test_id, double value, std::string_view unit) {
    const LabTest* t = cat.test(test_id);
    if (!t) return {LabCheck::error, "unknown lab test \"" + std::string(test_id) + "\""};
    std::string name = t->name.in();
    if (!contains(t->units, unit))
        return {LabCheck::error, name + ": unit \"" + std::string(unit) + "\" is not allowed (use one of " +
                                     quoted_list(t->units) + ")"};
    if (!std::isfinite(value)) return {LabCheck::error, name + ": the value is not a number"};
    std::string typed = format_number(value) + " " + std::string(unit);
    if (value < 0) return {LabCheck::error, name + ": " + typed + " is impossible (a result cannot be below zero)"};
    // Limits are in the main unit; express them in the unit typed so the message reads naturally.
    auto in_unit = [&](double limit_main) -> std::string {
        if (unit == t->main_unit) return format_number(limit_main) + " " + t->main_unit;
        if (auto c = convert_for_test(cat, *t, limit_main, t->main_unit, unit))
            return (c->conventional ? "about " : "") + format_number(c->value) + " " + std::string(unit) + " (" +
                   format_number(limit_main) + " " + t->main_unit + ")";
        return format_number(limit_main) + " " + t->main_unit;
    };
    auto main_value = convert_for_test(cat, *t, value, unit, t->main_unit);
    if (!main_value) return {LabCheck::ok, ""};  // no conversion to the main unit: only the zero check applies
    double v = main_value->value;
    const auto& L = t->limits;
    if (L.max && v > *L.max)
        return {LabCheck::error, name + ": " + typed + " is impossible (it cannot be above " + in_unit(*L.max) + ")"};
    if (L.warn_above && v > *L.warn_above)
        return {LabCheck::warning, name + ": " + typed + " is unusually high (above " + in_unit(*L.warn_above) +
                                       "); check the value and the unit"};
    if (L.warn_below && v < *L.warn_below)
        return {LabCheck::warning, name + ": " + typed + " is unusually low (below " + in_unit(*L.warn_below) +
                                       "); check the value and the unit"};
    return {LabCheck::ok, ""};
}

// ---------------------------------------------------------------------------------------------
// Trends

std::vector<const LabResult*> results_of_unknown_tests(const Record& record, const LabCatalogue& catalogue) {
    std::vector<const LabResult*> out;
    for (const auto& l : record.labs)
        if (!catalogue.test(l.test_id)) out.push_back(&l);
    return out;
}

Series series(const Record& record, const LabCatalogue& cat, std::string_view test_id, bool allow_conventional) {
    Series s;
    s.test_id = std::string(test_id);
    const LabTest* t = cat.test(test_id);
    if (t) s.unit = t->main_unit;
    for (const auto& r : record.labs) {
        if (r.test_id != test_id) continue;
        if (!t || check_lab_value(cat, test_id, r.value, r.unit).level == LabCheck::error) {
            s.skipped.push_back(r.id);
            continue;
        }
        auto c = convert_for_test(cat, *t, r.value, r.unit, t->main_unit, allow_conventional);
        if (!c) {
            s.skipped.push_back(r.id);
            continue;
        }
        s.points.push_back({r.date, c->value, c->conventional, r.id});
    }
    std::stable_sort(s.points.begin(), s.points.end(),
                     [](const SeriesPoint& a, const SeriesPoint& b) { return a.date < b.date; });
    return s;
}

}  // namespace poems

namespace poems::monitoring_detail {

void read_header(ObjectReader& top, const std::string& topic) {
    if (auto schema = top.string("schema", true); schema && *schema != "poems-content/1")
        top.fail("schema", "expected \"poems-content/1\", got \"" + *schema + "\"");
    if (auto t = top.string("topic", true); t && *t != topic)
        top.fail("topic", "expected \"" + topic + "\", got \"" + *t + "\"");
}

std::optional<std::string> read_id(ObjectReader& r, const std::string& prefix, std::string_view key) {
    auto id = r.string(key, true);
    if (!id) return std::nullopt;
    if (!is_well_formed_id(*id) || id->rfind(prefix, 0) != 0) {
        r.fail(key, "\"" + *id + "\" must be a well-formed id (lowercase words joined by dots) starting with \"" +
                        prefix + "\"");
        return std::nullopt;
    }
    return id;
}

std::optional<CitedText> read_cited_text(ObjectReader& r, ReadSink sink, const std::string& prefix,
                                         std::string_view text_key) {
    auto id = read_id(r, prefix);
    auto text = read_lang_text(r, sink, text_key);
    auto sources = read_source_refs(r, sink);
    if (!id || !text || sources.empty()) return std::nullopt;
    return CitedText{*id, *text, sources};
}

}  // namespace poems::monitoring_detail
