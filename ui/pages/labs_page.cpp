// Labs: add a result in a few taps, see each test's results over time as a chart and a list.
//
// Nothing typed is lost: a refused value, a bad date or an unconfirmed warning leaves every field
// as it was, with the message beside the Save button.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "pages/lab_chart.hpp"
#include "poems/decimal.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>

namespace poems::ui {

namespace {

struct LabForm {
    bool open = false;
    std::string editing_id;  // empty: a new result
    int test = 0;            // index into the catalogue's tests
    int unit = 0;            // index into that test's units
    char value[32] = "";
    char date[16] = "";
    char note[512] = "";
    std::string error;
    std::string warning;     // shown with "Save anyway"; cleared when a field changes
    std::string saved;       // "Saved: ..." after a save
};

struct LabsState {
    LabForm form;
    std::string confirm_delete;  // result id waiting for "Delete" / "Keep"
    std::set<std::string> show_all;  // test ids whose full result list is open
    int range = 0;               // 0 all, 1 five years, 2 one year
};

const char* kRangeYears[] = {nullptr, "5", "1"};

std::string test_label(const LabTest& t) { return t.name.in(); }

std::string trim(const char* s) {
    std::string t(s);
    const auto a = t.find_first_not_of(" \t"), b = t.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : t.substr(a, b - a + 1);
}


void start_form(const App& app, LabForm& f, const LabResult* edit) {
    const auto& tests = app.data().labs().tests;
    const int keep_test = f.test, keep_unit = f.unit;  // the next result is often of the same test
    f = LabForm{};
    f.open = true;
    f.test = keep_test, f.unit = keep_unit;
    std::snprintf(f.date, sizeof f.date, "%s", to_string(app.today()).c_str());
    if (!edit) return;
    f.editing_id = edit->id;
    for (int i = 0; i < int(tests.size()); ++i)
        if (tests[i].id == edit->test_id) f.test = i;
    const auto& units = tests[f.test].units;
    for (int i = 0; i < int(units.size()); ++i)
        if (units[i] == edit->unit) f.unit = i;
    std::snprintf(f.value, sizeof f.value, "%s", format_number(edit->value).c_str());
    std::snprintf(f.date, sizeof f.date, "%s", to_string(edit->date).c_str());
    std::snprintf(f.note, sizeof f.note, "%s", edit->note.c_str());
}

// Checks the form; saves when everything is fine (or the person confirmed the warning).
void try_save(App& app, LabForm& f, bool confirmed) {
    const auto& tests = app.data().labs().tests;
    const LabTest& test = tests[f.test];
    const std::string& unit = test.units[f.unit];
    f.error.clear();
    f.saved.clear();
    const std::string value_text = trim(f.value), date_text = trim(f.date);
    const DecimalRead read = read_decimal(value_text);  // one decimal-comma policy (poems/decimal.hpp)
    const auto& value = read.value;
    if (!value) {
        f.error = value_text.empty() ? std::string(words("labs.type_value")) : read.problem + ".";
        return;
    }
    const auto date = parse_date(date_text);
    if (!date) {
        f.error = fill_in(fill_in(words("labs.not_a_date"), "today", to_string(app.today())), "text", date_text);
        return;
    }
    const LabCheckResult check = check_lab_value(app.data().labs(), test.id, *value, unit);
    if (check.level == LabCheck::error) {
        f.error = check.message;
        return;
    }
    std::string warning = check.level == LabCheck::warning ? check.message : "";
    if (*date > app.today()) {
        if (!warning.empty()) warning += "\n";
        warning += fill_in(fill_in(words("labs.date_after_today"), "date", to_string(*date)), "today", to_string(app.today()));
    }
    if (!warning.empty() && !confirmed) {
        f.warning = warning;
        return;
    }

    Record& r = app.record();
    LabResult result;
    result.id = f.editing_id.empty() ? next_entry_id(r.labs, "lab") : f.editing_id;
    result.test_id = test.id;
    result.value = *value;
    result.unit = unit;
    result.date = *date;
    result.note = trim(f.note);
    auto it = std::find_if(r.labs.begin(), r.labs.end(), [&](const LabResult& l) { return l.id == result.id; });
    if (it != r.labs.end()) *it = result;
    else r.labs.push_back(result);
    app.record_changed();

    // Ready for the next result of the same test: test, unit and date stay, the value goes.
    const std::string saved =
        fill_in(fill_in(words("labs.saved"), "result", test.short_name.in() + " " + format_number(*value) + " " + unit), "date",
                to_string(*date));
    const int keep_test = f.test, keep_unit = f.unit;
    char keep_date[sizeof f.date];
    std::memcpy(keep_date, f.date, sizeof keep_date);
    const bool was_edit = !f.editing_id.empty();
    f = LabForm{};
    f.open = !was_edit;
    f.test = keep_test, f.unit = keep_unit;
    std::memcpy(f.date, keep_date, sizeof keep_date);
    f.saved = saved;
}

// The label above a field, described as it is drawn, so the field after it is named by it (a
// raw ImGui::TextUnformatted was read from ImGui's text log a widget too late: the value field
// was named "Test", the label before the one above it).
void field_label(const char* text) {
    ImGui::Spacing();
    text_wrapped(text);
}

// What is wrong with the form, in the error colour, announced at once (an alert).
void error_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
    text_wrapped(text);
    ImGui::PopStyleColor();
    describe_last_text(Role::alert, text);
    name_last_item("labs:error");
}

void draw_form(App& app, LabsState& s) {
    LabForm& f = s.form;
    const auto& tests = app.data().labs().tests;
    if (tests.empty()) return;
    f.test = std::clamp(f.test, 0, int(tests.size()) - 1);
    card_begin("labs-form");
    heading(f.editing_id.empty() ? words("labs.add") : words("labs.edit_heading"));
    bool changed = false;

    field_label(words("labs.test"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    const bool combo_open = ImGui::BeginCombo("##test", test_label(tests[f.test]).c_str(), ImGuiComboFlags_HeightRegular);
    ImGui::PopStyleVar();
    if (combo_open) {
        for (int i = 0; i < int(tests.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(test_label(tests[i]).c_str(), i == f.test)) {
                if (f.test != i) f.unit = 0, changed = true;
                f.test = i;
                // The main unit first: most reports use it.
                const auto& units = tests[i].units;
                for (int u = 0; u < int(units.size()); ++u)
                    if (units[u] == tests[i].main_unit) f.unit = u;
            }
            name_last_item("labs:test:" + tests[i].id);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    name_last_item("labs:test");
    const LabTest& test = tests[f.test];

    field_label(words("labs.value"));
    changed |= number_field("##value", f.value, sizeof f.value);
    name_last_item("labs:value");

    field_label(words("labs.unit"));
    std::vector<std::string> units = test.units;
    f.unit = std::clamp(f.unit, 0, int(units.size()) - 1);
    changed |= choice_buttons("labs:unit", units, &f.unit);

    field_label(words("labs.date"));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 12));
    changed |= input_field("##date", f.date, sizeof f.date);
    name_last_item("labs:date");

    field_label(words("labs.note"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    changed |= input_field("##note", f.note, sizeof f.note);
    name_last_item("labs:note");
    if (changed) f.warning.clear(), f.saved.clear();

    ImGui::Spacing();
    if (!f.warning.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::warning));
        text_wrapped(fill_in(words("labs.please_check"), "warning", f.warning));
        ImGui::PopStyleColor();
        if (ImGui::Button(words("labs.save_anyway"))) try_save(app, f, true);
        name_last_item("labs:confirm");
        ImGui::SameLine();
        if (ImGui::Button(words("labs.fix_it"))) f.warning.clear();
        name_last_item("labs:fix");
    } else {
        if (ImGui::Button(f.editing_id.empty() ? words("labs.save") : words("labs.save_changes"))) try_save(app, f, false);
        name_last_item("labs:save");
        ImGui::SameLine();
        if (ImGui::Button(f.editing_id.empty() ? words("labs.close") : words("labs.cancel"))) {
            const int keep_test = f.test, keep_unit = f.unit;
            f = LabForm{};
            f.test = keep_test, f.unit = keep_unit;
        }
        name_last_item("labs:cancel");
    }
    if (!f.error.empty()) error_text(f.error);
    if (!f.saved.empty()) text_muted(f.saved);
    text_muted(test.note.in());
    sources_line(app, test.sources);
    card_end();
}

// Reference lines for one test, in its main unit, from content: the prognostic factors that
// compare a lab value with a figure (albumin below 3.2 g/dL) and the criteria's VEGF figures.
struct Guides {
    std::vector<ChartGuide> lines;
    std::vector<std::string> legend;
    std::vector<SourceRef> sources;
};

Guides guides_for(const App& app, const LabTest& test) {
    Guides g;
    const auto& data = app.data();
    auto in_main = [&](double v, const std::string& unit) -> std::optional<double> {
        auto c = convert_for_test(data.labs(), test, v, unit, test.main_unit, false);
        return c ? std::optional<double>(c->value) : std::nullopt;
    };
    for (const auto& f : data.prognosis().factors) {
        if (f.rule.kind != "lab_below" || f.rule.test_id != test.id) continue;
        const auto v = in_main(f.rule.below, f.rule.unit);
        if (!v) continue;
        const std::string fig = format_number(*v) + " " + test.main_unit;
        g.lines.push_back({*v, *v, fig});
        g.legend.push_back(fill_in(fill_in(words("labs.line_factor"), "figure", fig), "factor", f.name.in()));
        g.sources.insert(g.sources.end(), f.sources.begin(), f.sources.end());
    }
    for (const auto& sample : data.criteria().vegf.samples) {
        if (test.id != "labs.vegf_" + sample.sample) continue;
        const auto hi = in_main(sample.elevated_at_or_above, data.criteria().vegf.unit);
        if (!hi) continue;
        std::optional<double> lo;
        if (sample.borderline_at_or_above) lo = in_main(*sample.borderline_at_or_above, data.criteria().vegf.unit);
        const std::string fig = format_number(*hi) + " " + test.main_unit;
        g.lines.push_back({lo.value_or(*hi), *hi, fig});
        std::string text = fill_in(fill_in(words("labs.line_criteria"), "figure", fig), "sample", sample.label.get());
        if (lo) text += fill_in(words("labs.band_borderline"), "figure", format_number(*lo) + " " + test.main_unit);
        g.legend.push_back(text + ".");
        g.sources.insert(g.sources.end(), sample.sources.begin(), sample.sources.end());
    }
    return g;
}

void draw_results(App& app, LabsState& s, const LabTest& test, const Series& series) {
    ImGui::PushID(test.id.c_str());
    card_begin("test");
    heading(test.name.in() + " " +
            (series.points.size() == 1 ? std::string(words("labs.one_result"))
                                       : fill_in(words("labs.results_count"), "n", std::to_string(series.points.size()))));

    ChartView view{series.points.front().date, std::max(series.points.back().date, app.today())};
    if (kRangeYears[s.range]) {
        const Date from = add_months(app.today(), -12 * std::atoi(kRangeYears[s.range]));
        view.from = std::max(view.from, from);
        view.to = app.today();
    }
    const Guides guides = guides_for(app, test);
    const float height = std::clamp(ImGui::GetContentRegionAvail().x * 0.45f, 220.0f, 280.0f);
    draw_lab_chart(test.id, series, guides.lines, view, height, treatment_marks(app.record(), view));
    text_muted(fill_in(words("labs.values_in"), "unit", series.unit));
    for (const auto& l : guides.legend) text_muted(l);
    sources_line(app, guides.sources);
    if (!series.skipped.empty())
        text_muted(fill_in(fill_in(words("labs.not_drawn"), "n", std::to_string(series.skipped.size())), "unit", series.unit));

    // The list, newest first; the last ten unless the person asks for all.
    std::vector<const LabResult*> rows;
    for (const auto& l : app.record().labs)
        if (l.test_id == test.id) rows.push_back(&l);
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->date > b->date; });
    const bool all = s.show_all.count(test.id) > 0;
    const std::size_t shown = all ? rows.size() : std::min<std::size_t>(rows.size(), 10);
    ImGui::Spacing();
    std::string remove_id;
    for (std::size_t i = 0; i < shown; ++i) {
        const LabResult& l = *rows[i];
        ImGui::PushID(l.id.c_str());
        ImGui::Separator();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s", to_string(l.date).c_str());
        ImGui::SameLine();
        {
            FontScope bold(kFontBold);
            ImGui::TextUnformatted(format_number(l.value).c_str());
        }
        // The unit in the body face: it is what the person typed, and only that face has all
        // the Latin letters (ui/CMakeLists.txt, font_ranges).
        ImGui::SameLine(0, ImGui::CalcTextSize(" ").x);
        ImGui::TextUnformatted(l.unit.c_str());
        name_last_item("labs:row:" + l.id);
        switch (edit_remove_buttons(l.id, s.confirm_delete,
                                    {words("labs.edit"), words("labs.delete"), words("labs.keep"), words("labs.delete_question")}, "labs",
                                    "delete")) {
            case RowAction::edit: start_form(app, s.form, &l); break;
            case RowAction::remove: remove_id = l.id; break;
            case RowAction::none: break;
        }
        if (!l.note.empty()) text_muted(l.note);
        ImGui::PopID();
    }
    if (rows.size() > 10) {
        if (ImGui::Button(all ? words("labs.show_last_10") : fill_in(words("labs.show_all"), "n", std::to_string(rows.size())).c_str())) {
            if (all) s.show_all.erase(test.id);
            else s.show_all.insert(test.id);
        }
    }
    card_end();
    ImGui::PopID();
    if (!remove_id.empty()) {
        auto& labs = app.record().labs;
        labs.erase(std::remove_if(labs.begin(), labs.end(), [&](const LabResult& l) { return l.id == remove_id; }),
                   labs.end());
        s.confirm_delete.clear();
        app.record_changed();
    }
}


void draw_page(App& app, LabsState& s) {
    text_wrapped(words("labs.intro"));
    text_muted(words("labs.intro_muted"));
    ImGui::Spacing();

    if (!s.form.open) {
        if (ImGui::Button(words("labs.add"))) start_form(app, s.form, nullptr);
        name_last_item("labs:add");
        if (!s.form.saved.empty()) text_muted(s.form.saved);
    } else {
        draw_form(app, s);
    }

    // One card per test with results, in the catalogue's order.
    bool any = false;
    for (const auto& test : app.data().labs().tests) {
        bool has = false;
        for (const auto& l : app.record().labs)
            if (l.test_id == test.id) {
                has = true;
                break;
            }
        if (!has) continue;
        if (!any) {
            heading(words("labs.your_results"));
            choice_buttons("labs:range", {words("labs.range_all"), words("labs.range_5_years"), words("labs.range_year")}, &s.range);
            any = true;
        }
        const Series series = poems::series(app.record(), app.data().labs(), test.id);
        if (series.points.empty()) {
            card_begin(test.id.c_str());
            heading(test.name.in());
            text_muted(fill_in(words("labs.cannot_draw"), "unit", test.main_unit));
            card_end();
            continue;
        }
        draw_results(app, s, test, series);
    }
    // Results for a test the catalogue does not list (written by a newer version, another program
    // or by hand) are valid and kept in the record: list them rather than leave them out.
    const auto unknown = results_of_unknown_tests(app.record(), app.data().labs());
    if (!unknown.empty()) {
        if (!any) heading(words("labs.your_results"));
        card_begin("labs:unknown_tests");
        heading(words("labs.unknown_tests"));
        text_muted(words("labs.unknown_tests_note"));
        for (const LabResult* l : unknown) {
            text_wrapped(to_string(l->date) + "   " + l->test_id + ": " + format_number(l->value) + " " + l->unit);
            name_last_item("labs:unknown_row:" + l->id);
            if (!l->note.empty()) text_muted(l->note);
        }
        card_end();
    }
    if (!any && unknown.empty()) text_muted(words("labs.none_yet"));
}

}  // namespace

std::unique_ptr<PageView> make_labs_page() { return std::make_unique<PageOf<LabsState, draw_page>>(); }

}  // namespace poems::ui
