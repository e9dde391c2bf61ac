// The Diary (issue 23): what a person lives with between visits, logged in a few taps on a phone.
// Five sections (symptoms, walking and hands, weight, appointments, notes), each with its form,
// its charts (the Labs page's chart code, treatment dates on the time axis) and its list, grouped
// by month, newest first, with the Labs page's edit and delete confirmation. The symptoms, the
// walking and hands levels and what is said about weight come from content/diary.json; the
// page's own words are the "diary." words of content/ui.json. State lives in the view.
#include "pages/pages.hpp"

#include "app/palette.hpp"
#include "app/test_hooks.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "pages/lab_chart.hpp"
#include "poems/by_id.hpp"
#include "poems/decimal.hpp"
#include "poems/diary.hpp"
#include "poems/record_json.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <functional>

namespace poems::ui {

namespace {

enum Section { kSymptoms, kFunction, kWeight, kAppointments, kNotes };

// Each section's Add button, in the order of Section.
constexpr const char* kAddIds[] = {"diary.add_symptoms", "diary.add_function", "diary.add_weight",
                                   "diary.add_appointments", "diary.add_notes"};
constexpr const char* kMonthIds[] = {"diary.month_1", "diary.month_2", "diary.month_3",  "diary.month_4",
                                     "diary.month_5", "diary.month_6", "diary.month_7",  "diary.month_8",
                                     "diary.month_9", "diary.month_10", "diary.month_11", "diary.month_12"};

struct Form {
    bool open = false;
    std::string editing_id;  // empty: a new entry
    char date[16] = "";
    int choice = 0;          // symptom index (the list's size = Other); weight unit
    int walking = 0, hands = 0;  // 0: not logged, else level index + 1
    char words_[200] = "";   // Other's words; an appointment's title
    char value[32] = "";     // severity or weight
    char note[1000] = "";
    std::vector<std::string> tests;  // an appointment: planned test ids
    std::vector<std::string> done;   // of them, confirmed done
    std::string error;
};

// A section shows its newest rows first, this many at a time: ten years of a diary is thousands of
// rows, and drawing (and describing for the screen reader) every one on every frame made each
// frame take 70-230 ms in the browser (issue 21). The charts above the rows still show them all.
constexpr std::size_t kRowsAtATime = 50;

struct DiaryState {
    int section = kSymptoms;
    Form form;
    std::string confirm_delete;
    std::size_t rows_shown = kRowsAtATime;
};

// Another section, or another record: no open form, confirmation or older rows from before.
void start_over(DiaryState& s) {
    s.form = Form{};
    s.confirm_delete.clear();
    s.rows_shown = kRowsAtATime;
}

std::string trim(const char* s) {
    std::string t(s);
    const auto a = t.find_first_not_of(" \t"), b = t.find_last_not_of(" \t");
    return a == std::string::npos ? std::string() : t.substr(a, b - a + 1);
}

void copy(char* dst, std::size_t n, const std::string& src) { std::snprintf(dst, n, "%s", src.c_str()); }

void field_label(const char* text) {
    ImGui::Spacing();
    ImGui::TextUnformatted(text);
}

void error_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
    text_wrapped(text);
    ImGui::PopStyleColor();
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

template <typename Entry>
void upsert(std::vector<Entry>& list, Entry e) {
    auto it = std::find_if(list.begin(), list.end(), [&](const Entry& x) { return x.id == e.id; });
    if (it != list.end()) *it = std::move(e);
    else list.push_back(std::move(e));
}

template <typename Entry>
void erase_id(std::vector<Entry>& list, const std::string& id) {
    list.erase(std::remove_if(list.begin(), list.end(), [&](const Entry& x) { return x.id == id; }), list.end());
}

const char* month_name(int m) { return words(kMonthIds[std::clamp(m, 1, 12) - 1]); }

// ---- Names -----------------------------------------------------------------------------------

std::string symptom_name(const DiaryContent& c, const SymptomEntry& e) {
    if (e.symptom_id.empty()) return std::string(words("diary.other")) + ": " + e.symptom;
    if (const DiaryChoice* s = c.symptom(e.symptom_id)) return s->name.in();
    return fill_in(words("diary.not_in_list"), "id", e.symptom_id);
}

std::string level_name(const DiaryScale& scale, const std::string& id) {
    if (const DiaryChoice* l = scale.level(id)) return l->name.in();
    return fill_in(words("diary.not_in_list"), "id", id);
}

std::string test_name(const App& app, const std::string& id) {
    for (const auto& t : app.data().monitoring().tests)
        if (t.id == id || (!t.workup_id.empty() && t.workup_id == id)) return t.name.in();
    if (const LabTest* t = app.data().labs().test(id)) return t->name.in();
    return id;
}

std::string tests_text(const App& app, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + test_name(app, id);
    return out;
}

// ---- Forms -----------------------------------------------------------------------------------

void start_form(App& app, DiaryState& s, const std::string& edit_id) {
    Form& f = s.form;
    f = Form{};
    f.open = true;
    f.editing_id = edit_id;
    copy(f.date, sizeof f.date, to_string(app.today()));
    const Record& r = app.record();
    const DiaryContent& c = app.data().diary();
    if (s.section == kSymptoms) copy(f.value, sizeof f.value, "0");
    if (edit_id.empty()) return;
    // The entry being edited: its date and note, then what its section adds.
    auto dated = [&](const auto* e, const std::string& note) {
        if (e) copy(f.date, sizeof f.date, to_string(e->date)), copy(f.note, sizeof f.note, note);
        return e;
    };
    switch (s.section) {
        case kSymptoms:
            if (const auto* e = find_by_id(r.symptoms, edit_id); dated(e, e ? e->note : "")) {
                f.choice = int(c.symptoms.size());
                for (std::size_t i = 0; i < c.symptoms.size(); ++i)
                    if (c.symptoms[i].id == e->symptom_id) f.choice = int(i);
                copy(f.words_, sizeof f.words_, e->symptom_id.empty() ? e->symptom : "");
                copy(f.value, sizeof f.value, std::to_string(e->severity));
            }
            break;
        case kFunction:
            if (const auto* e = find_by_id(r.function, edit_id); dated(e, e ? e->note : "")) {
                f.walking = e->walking.empty() ? 0 : c.walking.rank(e->walking).value_or(-1) + 1;
                f.hands = e->hands.empty() ? 0 : c.hands.rank(e->hands).value_or(-1) + 1;
            }
            break;
        case kWeight:
            if (const auto* e = find_by_id(r.weights, edit_id); dated(e, e ? e->note : "")) {
                copy(f.value, sizeof f.value, format_number(e->value));
                f.choice = e->unit == "lb" ? 1 : 0;
            }
            break;
        case kAppointments:
            if (const auto* e = find_by_id(r.appointments, edit_id); dated(e, e ? e->note : "")) {
                copy(f.words_, sizeof f.words_, e->title);
                f.tests = e->test_ids;
                f.done = e->done_test_ids;
            }
            break;
        case kNotes: {
            const auto* e = find_by_id(r.notes, edit_id);
            dated(e, e ? e->text : "");
            break;
        }
    }
}

void try_save(App& app, DiaryState& s) {
    Form& f = s.form;
    f.error.clear();
    const std::string date_text = trim(f.date);
    const auto date = parse_date(date_text);
    if (!date) {
        f.error = fill_in(fill_in(words("diary.not_a_date"), "text", date_text), "today", to_string(app.today()));
        return;
    }
    Record& r = app.record();
    const DiaryContent& c = app.data().diary();
    const std::string note = trim(f.note);
    switch (s.section) {
        case kSymptoms: {
            const bool other = f.choice >= int(c.symptoms.size());
            const std::string words_ = trim(f.words_);
            if (other && words_.empty()) {
                f.error = words("diary.need_other_words");
                return;
            }
            const auto sev = read_decimal(trim(f.value));
            if (!sev.value || *sev.value < 0 || *sev.value > 10 || *sev.value != double(int(*sev.value))) {
                f.error = words("diary.bad_severity");
                return;
            }
            SymptomEntry e{f.editing_id.empty() ? next_entry_id(r.symptoms, "sym") : f.editing_id, *date,
                           other ? words_ : "", int(*sev.value), note, other ? "" : c.symptoms[std::size_t(f.choice)].id};
            upsert(r.symptoms, std::move(e));
            break;
        }
        case kFunction: {
            if (f.walking <= 0 && f.hands <= 0) {
                f.error = words("diary.need_level");
                return;
            }
            FunctionEntry e{f.editing_id.empty() ? next_entry_id(r.function, "fn") : f.editing_id, *date,
                            f.walking > 0 ? c.walking.levels[std::size_t(f.walking - 1)].id : "",
                            f.hands > 0 ? c.hands.levels[std::size_t(f.hands - 1)].id : "", note};
            upsert(r.function, std::move(e));
            break;
        }
        case kWeight: {
            const auto v = read_decimal(trim(f.value));
            if (!v.value || *v.value <= 0 || *v.value > kMaxWeightValue) {
                f.error = words("diary.bad_weight");
                return;
            }
            WeightEntry e{f.editing_id.empty() ? next_entry_id(r.weights, "wt") : f.editing_id, *date, *v.value,
                          f.choice == 1 ? "lb" : "kg", note};
            upsert(r.weights, std::move(e));
            break;
        }
        case kAppointments: {
            const std::string title = trim(f.words_);
            if (title.empty()) {
                f.error = words("diary.need_title");
                return;
            }
            std::vector<std::string> done;
            for (const auto& t : f.done)
                if (contains(f.tests, t) && *date <= app.today()) done.push_back(t);
            Appointment e{f.editing_id.empty() ? next_entry_id(r.appointments, "appt") : f.editing_id, *date, title, f.tests,
                          note, done};
            upsert(r.appointments, std::move(e));
            break;
        }
        case kNotes: {
            if (note.empty()) {
                f.error = words("diary.need_text");
                return;
            }
            upsert(r.notes, Note{f.editing_id.empty() ? next_entry_id(r.notes, "note") : f.editing_id, *date, note});
            break;
        }
    }
    app.record_changed();
    f = Form{};
}

void draw_form(App& app, DiaryState& s) {
    Form& f = s.form;
    const DiaryContent& c = app.data().diary();
    card_begin("diary-form");
    heading(f.editing_id.empty() ? words(kAddIds[s.section]) : words("diary.edit_entry"));

    field_label(words("diary.date"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_field("##date", f.date, sizeof f.date);
    name_last_item("diary:date");

    switch (s.section) {
        case kSymptoms: {
            field_label(words("diary.what"));
            std::vector<std::string> names;
            for (const auto& sym : c.symptoms) names.push_back(sym.name.in());
            names.push_back(words("diary.other"));
            f.choice = std::clamp(f.choice, 0, int(names.size()) - 1);
            // One tap each (buttons that wrap on a phone), rather than a list to open and scroll.
            choice_buttons("diary:symptom", names, &f.choice);
            if (f.choice >= int(c.symptoms.size())) {
                field_label(words("diary.other_words"));
                ImGui::SetNextItemWidth(-FLT_MIN);
                input_field("##words", f.words_, sizeof f.words_);
                name_last_item("diary:words");
            }
            field_label(words("diary.severity"));
            number_field("##severity", f.value, sizeof f.value);
            name_last_item("diary:severity");
            break;
        }
        case kFunction: {
            for (int which = 0; which < 2; ++which) {
                const DiaryScale& scale = which == 0 ? c.walking : c.hands;
                field_label(scale.question.in().c_str());
                std::vector<std::string> labels{words("diary.not_logged")};
                for (const auto& l : scale.levels) labels.push_back(l.name.in());
                choice_buttons(which == 0 ? "diary:walking" : "diary:hands", labels, which == 0 ? &f.walking : &f.hands);
                text_muted(scale.text.in());
                sources_line(app, scale.sources);
            }
            break;
        }
        case kWeight: {
            field_label(words("diary.weight_value"));
            number_field("##weight", f.value, sizeof f.value);
            name_last_item("diary:weight");
            choice_buttons("diary:unit", {"kg", "lb"}, &f.choice);
            break;
        }
        case kAppointments: {
            field_label(words("diary.appointment_title"));
            ImGui::SetNextItemWidth(-FLT_MIN);
            input_field("##title", f.words_, sizeof f.words_);
            name_last_item("diary:title");
            field_label(words("diary.tests_planned"));
            for (const auto& t : app.data().monitoring().tests) {
                bool on = contains(f.tests, t.id);
                if (big_checkbox(t.name.in().c_str(), &on)) {
                    if (on) f.tests.push_back(t.id);
                    else {
                        f.tests.erase(std::remove(f.tests.begin(), f.tests.end(), t.id), f.tests.end());
                        f.done.erase(std::remove(f.done.begin(), f.done.end(), t.id), f.done.end());
                    }
                }
                name_last_item("diary:test:" + t.id);
            }
            // A past appointment: the person confirms what was done (SAFETY.md H17).
            const auto date = parse_date(trim(f.date));
            if (date && *date <= app.today() && !f.tests.empty()) {
                field_label(words("diary.tests_confirm"));
                for (const auto& id : f.tests) {
                    bool on = contains(f.done, id);
                    if (big_checkbox((test_name(app, id) + "##done").c_str(), &on)) {
                        if (on) f.done.push_back(id);
                        else f.done.erase(std::remove(f.done.begin(), f.done.end(), id), f.done.end());
                    }
                    name_last_item("diary:done:" + id);
                }
            }
            break;
        }
        case kNotes: break;
    }
    field_label(s.section == kNotes ? words("diary.note_text") : words("diary.note"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    input_field("##note", f.note, sizeof f.note);
    name_last_item("diary:note");

    ImGui::Spacing();
    if (ImGui::Button(words("diary.save"))) try_save(app, s);
    name_last_item("diary:save");
    ImGui::SameLine();
    if (ImGui::Button(words("diary.cancel"))) f = Form{};
    name_last_item("diary:cancel");
    if (!f.error.empty()) error_text(f.error);
    card_end();
}

// ---- Charts and lists --------------------------------------------------------------------------

void chart(App& app, const std::string& id, const std::string& title, const std::vector<DiaryPoint>& pts,
           const std::string& unit) {
    if (pts.empty()) return;
    Series series;
    series.test_id = id;
    series.unit = unit;
    for (const auto& p : pts) series.points.push_back({p.date, p.value, false, p.entry_id});
    ChartView view{series.points.front().date, std::max(series.points.back().date, app.today())};
    bold_text(title);
    const float height = std::clamp(ImGui::GetContentRegionAvail().x * 0.40f, 160.0f, 240.0f);
    draw_lab_chart("diary:" + id, series, {}, view, height, treatment_marks(app.record(), view));
}

struct Row {
    Date date;
    std::string id, text, detail;
};

// Rows grouped by month, newest first, each with Edit and Delete.
void draw_rows(App& app, DiaryState& s, std::vector<Row> rows, const std::function<void(const std::string&)>& remove) {
    if (rows.empty()) {
        text_muted(words("diary.nothing_yet"));
        return;
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.date > b.date; });
    const std::size_t shown = std::min(rows.size(), s.rows_shown);
    int month = -1;
    std::string remove_id, edit_id;
    for (std::size_t i = 0; i < shown; ++i) {
        const Row& row = rows[i];
        const int m = row.date.year * 12 + row.date.month;
        if (m != month) {
            month = m;
            heading(std::string(month_name(row.date.month)) + " " + std::to_string(row.date.year));
        }
        ImGui::PushID(row.id.c_str());
        ImGui::Separator();
        text_wrapped(to_string(row.date) + "   " + row.text);
        name_last_item("diary:row:" + row.id);
        switch (edit_remove_buttons(row.id, s.confirm_delete, {words("diary.edit"), words("diary.delete"), words("diary.keep"), words("diary.delete_question")}, "diary",
                                    "delete")) {
            case RowAction::edit: edit_id = row.id; break;
            case RowAction::remove: remove_id = row.id; break;
            case RowAction::none: break;
        }
        if (!row.detail.empty()) text_muted(row.detail);
        ImGui::PopID();
    }
    if (shown < rows.size()) {
        ImGui::Separator();
        text_muted(fill_in(fill_in(words("diary.rows_shown"), "shown", std::to_string(shown)), "total",
                           std::to_string(rows.size())));
        const std::size_t more = std::min(kRowsAtATime, rows.size() - shown);
        // "###": one widget whatever number its label shows.
        if (ImGui::Button((fill_in(words("diary.show_older"), "n", std::to_string(more)) + "###show-older").c_str()))
            s.rows_shown += kRowsAtATime;
        name_last_item("diary:show-older");
    }
    if (!edit_id.empty()) start_form(app, s, edit_id);
    if (!remove_id.empty()) {
        remove(remove_id);
        s.confirm_delete.clear();
        app.record_changed();
    }
}

void draw_symptoms(App& app, DiaryState& s) {
    const DiaryContent& c = app.data().diary();
    const Record& r = app.record();
    text_muted(c.symptoms_text.text.in());
    sources_line(app, c.symptoms_text.sources);
    for (const auto& sym : c.symptoms)
        chart(app, sym.id, sym.name.in(), symptom_series(r, sym.id), words("diary.severity_unit"));
    chart(app, "other", words("diary.other"), symptom_series(r, ""), words("diary.severity_unit"));
    if (!r.symptoms.empty()) text_muted(words("diary.chart_hint"));
    std::vector<Row> rows;
    for (const auto& e : r.symptoms)
        rows.push_back({e.date, e.id, symptom_name(c, e) + ", " + std::to_string(e.severity) + words("diary.severity_unit"), e.note});
    draw_rows(app, s, rows, [&](const std::string& id) { erase_id(app.record().symptoms, id); });
}

void draw_function(App& app, DiaryState& s) {
    const DiaryContent& c = app.data().diary();
    const Record& r = app.record();
    for (int which = 0; which < 2; ++which) {
        const DiaryScale& scale = which == 0 ? c.walking : c.hands;
        const auto pts = function_series(r, scale, which == 1);
        if (pts.empty()) continue;
        chart(app, scale.id, scale.name.in(), pts, words("diary.rank_unit"));
        std::string legend = words("diary.scale_legend");
        for (std::size_t i = 0; i < scale.levels.size(); ++i)
            legend += (i ? "; " : " ") + std::to_string(i) + " " + scale.levels[i].name.in();
        text_muted(legend);
    }
    std::vector<Row> rows;
    for (const auto& e : r.function) {
        std::string text;
        if (!e.walking.empty()) text += c.walking.name.in() + ": " + level_name(c.walking, e.walking);
        if (!e.hands.empty()) text += (text.empty() ? "" : "; ") + c.hands.name.in() + ": " + level_name(c.hands, e.hands);
        rows.push_back({e.date, e.id, text, e.note});
    }
    draw_rows(app, s, rows, [&](const std::string& id) { erase_id(app.record().function, id); });
}

void draw_weight(App& app, DiaryState& s) {
    const DiaryContent& c = app.data().diary();
    const Record& r = app.record();
    text_muted(c.weight.text.in());
    sources_line(app, c.weight.sources);
    const auto pts = weight_series_kg(r);
    chart(app, "weight", c.weight_name.in(), pts, "kg");
    if (!pts.empty()) text_muted(words("diary.weight_shown_in"));
    std::vector<Row> rows;
    for (const auto& e : r.weights) rows.push_back({e.date, e.id, format_number(e.value) + " " + e.unit, e.note});
    draw_rows(app, s, rows, [&](const std::string& id) { erase_id(app.record().weights, id); });
}

void draw_appointments(App& app, DiaryState& s) {
    const Record& r = app.record();
    text_muted(words("diary.on_monitoring"));
    std::vector<Row> rows;
    for (const auto& e : r.appointments) {
        std::string detail;
        if (!e.test_ids.empty()) {
            if (e.date > app.today()) detail = fill_in(words("diary.planned"), "tests", tests_text(app, e.test_ids));
            else {
                std::vector<std::string> open;
                for (const auto& t : e.test_ids)
                    if (!contains(e.done_test_ids, t)) open.push_back(t);
                if (!e.done_test_ids.empty()) detail = fill_in(words("diary.confirmed"), "tests", tests_text(app, e.done_test_ids));
                if (!open.empty())
                    detail += (detail.empty() ? "" : "; ") + fill_in(words("diary.not_confirmed"), "tests", tests_text(app, open));
            }
        }
        if (!e.note.empty()) detail += (detail.empty() ? "" : "\n") + e.note;
        rows.push_back({e.date, e.id, e.title, detail});
    }
    draw_rows(app, s, rows, [&](const std::string& id) { erase_id(app.record().appointments, id); });
}

void draw_notes(App& app, DiaryState& s) {
    std::vector<Row> rows;
    for (const auto& e : app.record().notes) rows.push_back({e.date, e.id, e.text, ""});
    draw_rows(app, s, rows, [&](const std::string& id) { erase_id(app.record().notes, id); });
}

void draw_page(App& app, DiaryState& s) {
    const DiaryContent& c = app.data().diary();
    text_wrapped(c.intro.in());
    ImGui::Spacing();
    const int before = s.section;
    choice_buttons("diary:section", {words("diary.section_symptoms"), words("diary.section_function"), words("diary.section_weight"), words("diary.section_appointments"), words("diary.section_notes")},
                   &s.section, /*tabs=*/true);
    if (s.section != before) start_over(s);
    ImGui::Spacing();
    if (!s.form.open) {
        if (ImGui::Button(words(kAddIds[s.section]))) start_form(app, s, "");
        name_last_item("diary:add");
    } else {
        draw_form(app, s);
    }
    ImGui::Spacing();
    switch (s.section) {
        case kSymptoms: draw_symptoms(app, s); break;
        case kFunction: draw_function(app, s); break;
        case kWeight: draw_weight(app, s); break;
        case kAppointments: draw_appointments(app, s); break;
        case kNotes: draw_notes(app, s); break;
    }
    // Room below the last row, so a form or row at the end can be scrolled clear of the edge.
    ImGui::Dummy(ImVec2(0, ImGui::GetFrameHeight()));
}

class DiaryPage final : public PageView {
public:
    void draw(App& app) override { draw_page(app, s_); }
    // An open form or confirmation was about an entry of the old record.
    void on_record_replaced(App&) override { start_over(s_); }
private:
    DiaryState s_;
};

}  // namespace

std::unique_ptr<PageView> make_diary_page() { return std::make_unique<DiaryPage>(); }

}  // namespace poems::ui
