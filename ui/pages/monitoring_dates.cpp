#include "pages/monitoring_dates.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "poems/text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>

namespace poems::ui {

namespace {

// The kinds offered, in the order a treatment usually goes. All are record-format kinds.
const char* kKinds[] = {"diagnosis", "treatment_start", "asct", "remission", "relapse", "treatment_end"};
constexpr int kKindCount = 6;

void start(DatesForm& f, const TreatmentEvent* e, const Record& r) {
    const std::string keep_remove = f.confirm_remove;
    f = DatesForm{};
    f.open = true;
    f.confirm_remove = keep_remove;
    if (!e) {
        // Suggest the next kind a person is likely to add.
        f.kind = !first_event(r, "diagnosis") ? 0 : !first_event(r, "treatment_start") && !first_event(r, "asct") ? 1 : 2;
        return;
    }
    f.editing_id = e->id;
    for (int i = 0; i < kKindCount; ++i)
        if (e->kind == kKinds[i]) f.kind = i;
    std::snprintf(f.date, sizeof f.date, "%s", to_string(e->date).c_str());
    std::snprintf(f.type, sizeof f.type, "%s", e->treatment_type.c_str());
}

void save(App& app, DatesForm& f) {
    const std::string text = trim(f.date);
    const auto date = parse_date(text);
    if (!date) {
        f.error = text.empty() ? fill_in(words("dates.type_date"), "today", to_string(app.today()))
                               : fill_in(fill_in(words("dates.not_a_date"), "today", to_string(app.today())), "text", text);
        return;
    }
    Record& r = app.record();
    TreatmentEvent e;
    e.id = f.editing_id.empty() ? next_entry_id(r.events, "event") : f.editing_id;
    e.kind = kKinds[f.kind];
    e.date = *date;
    if (e.kind == std::string("treatment_start")) e.treatment_type = trim(f.type);
    auto it = std::find_if(r.events.begin(), r.events.end(), [&](const TreatmentEvent& x) { return x.id == e.id; });
    if (it != r.events.end()) {
        e.note = it->note;
        *it = e;
    } else {
        r.events.push_back(e);
    }
    app.record_changed();
    f = DatesForm{};
}

}  // namespace

const char* event_kind_label(const std::string& kind) {
    if (kind == "diagnosis") return words("dates.diagnosis");
    if (kind == "treatment_start") return words("dates.treatment_start");
    if (kind == "treatment_end") return words("dates.treatment_end");
    if (kind == "asct") return words("dates.asct");
    if (kind == "remission") return words("dates.remission");
    if (kind == "relapse") return words("dates.relapse");
    return words("dates.event");
}

void draw_treatment_dates(App& app, DatesForm& f) {
    Record& r = app.record();
    const bool none = r.events.empty();
    heading(words("dates.your_dates"));
    if (none)
        text_wrapped(words("dates.intro"));

    // The dates so far, oldest first.
    std::vector<const TreatmentEvent*> events;
    for (const auto& e : r.events) events.push_back(&e);
    std::stable_sort(events.begin(), events.end(), [](auto* a, auto* b) { return a->date < b->date; });
    std::string remove_id;
    for (const TreatmentEvent* e : events) {
        ImGui::PushID(e->id.c_str());
        ImGui::AlignTextToFramePadding();
        std::string line = to_string(e->date) + "  " + event_kind_label(e->kind);
        if (!e->treatment_type.empty()) line += " (" + e->treatment_type + ")";
        ImGui::TextUnformatted(line.c_str());
        name_last_item("monitoring:event:" + e->id);
        switch (edit_remove_buttons(e->id, f.confirm_remove,
                                    {words("dates.edit"), words("dates.remove"), words("dates.keep"), words("dates.remove_question")},
                                    "monitoring", "remove")) {
            case RowAction::edit: start(f, e, r); break;
            case RowAction::remove: remove_id = e->id; break;
            case RowAction::none: break;
        }
        ImGui::PopID();
    }
    if (!remove_id.empty()) {
        r.events.erase(std::remove_if(r.events.begin(), r.events.end(),
                                      [&](const TreatmentEvent& e) { return e.id == remove_id; }),
                       r.events.end());
        if (f.editing_id == remove_id) f = DatesForm{};
        f.confirm_remove.clear();
        app.record_changed();
    }

    if (!f.open && !none) {
        if (ImGui::Button(words("dates.add"))) start(f, nullptr, r);
        name_last_item("monitoring:add_date");
        return;
    }
    if (!f.open) start(f, nullptr, r);

    card_begin("dates-form");
    ImGui::TextUnformatted(f.editing_id.empty() ? words("dates.add") : words("dates.change"));
    std::vector<std::string> labels;
    for (const char* k : kKinds) labels.push_back(event_kind_label(k));
    choice_buttons("monitoring:kind", labels, &f.kind);
    ImGui::Spacing();
    ImGui::TextUnformatted(words("dates.date_label"));
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 12));
    if (input_field("##date", f.date, sizeof f.date)) f.error.clear();
    name_last_item("monitoring:date");
    if (std::string(kKinds[f.kind]) == "treatment_start") {
        ImGui::TextUnformatted(words("dates.treatment_label"));
        ImGui::SetNextItemWidth(-FLT_MIN);
        input_field("##type", f.type, sizeof f.type);
        name_last_item("monitoring:type");
    }
    ImGui::Spacing();
    if (ImGui::Button(f.editing_id.empty() ? words("dates.save") : words("dates.save_changes"))) save(app, f);
    name_last_item("monitoring:save_date");
    if (!none || !f.editing_id.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(words("dates.cancel"))) f = DatesForm{};
        name_last_item("monitoring:cancel_date");
    }
    if (!f.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::error));
        text_wrapped(f.error);
        ImGui::PopStyleColor();
    }
    card_end();
}

}  // namespace poems::ui
