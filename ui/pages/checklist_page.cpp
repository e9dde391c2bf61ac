// The action checklists: four stages of steps, the one suggested by the record opened first.
// Ticks are stored with their date in the record; each step opens to say why it matters, its
// sources, links and what the record holds about the tests it names. At the bottom, "what to
// ask my doctor" gathers the open steps and what the criteria check still lacks.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"

#include "poems/criteria.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace poems::ui {

namespace {

struct ChecklistUi {
    std::string stage_id;      // "" until the person picks one: the suggested stage is shown
    std::string open_item;     // the step whose explanation is shown
    std::string save_message;  // where "save as file" put the file, or why it failed
    bool scroll_to_message = false;
    // Record test ids -> workup ids, built on first use from the (immutable) content.
    std::optional<LabWorkupLinks> links;
};

const LabWorkupLinks& workup_links(const App& app, ChecklistUi& ui) {
    if (!ui.links) ui.links = lab_workup_links(app.data().content());
    return *ui.links;
}

std::string workup_name(const App& app, const std::string& id) {
    std::string name = item_text(app, id, "name");
    if (name.empty()) name = item_text(app, id, "title");
    return name.empty() ? id : name;
}

// The criteria checker's "still unknown" items for the record's findings, one line each with the
// tests that would settle it. Empty when nothing was entered yet (then every criterion is
// unknown, which says nothing the checklist does not) or the findings cannot be read.
std::vector<std::string> missing_lines(const App& app, bool& findings_entered) {
    findings_entered = false;
    Problems problems;
    std::optional<Findings> f = parse_findings(app.record().findings, app.data().criteria(), problems);
    if (!f) return {};
    findings_entered = f->vegf || f->endocrine_findings || f->m_protein_tests || f->prior_diagnosis ||
                       std::any_of(f->criteria.begin(), f->criteria.end(),
                                   [](const auto& kv) { return kv.second != Tri::unknown; });
    if (!findings_entered) return {};
    const Evaluation e = evaluate(*f, app.data().criteria());
    std::vector<std::string> lines;
    for (const MissingItem& m : e.missing) {
        const CriterionResult* c = e.criterion(m.key);
        std::string line = c ? c->name : m.key;
        std::string tests;
        for (const auto& w : m.settled_by_ids) tests += (tests.empty() ? "" : "; ") + workup_name(app, w);
        // Appended: " " + a temporary draws a false GCC 12 -Wrestrict at -O3 (release build).
        if (!tests.empty()) (line += ' ') += fill_in(words("checklist.tests_that_settle"), "tests", tests);
        lines.push_back(std::move(line));
    }
    return lines;
}

// A link on a line of its own: a full-height touch target.
bool link(App& app, const std::string& label, const std::string& name) {
    return text_link(app, label, name, ImGui::GetFrameHeight());
}

// One of the item's see_ids: a page of the app, a center, or a Guide item.
void see_link(App& app, const Checklists& lists, const std::string& id) {
    if (id.rfind("page.", 0) == 0) {
        const ChecklistPage* p = lists.page(id);
        Page target;
        if (p && page_from_id(id.substr(5), target) && link(app, p->title.in(), "link:" + id)) app.open(target);
    } else if (id.rfind("center.", 0) == 0) {
        const Center* c = app.data().centers().center(id);
        if (c && link(app, c->name.in(), "link:" + id)) app.open(Page::centers, id);
    } else {
        // Glossary entries and workup tests open in the Guide.
        std::string label = id.rfind("workup.", 0) == 0 ? workup_name(app, id) : item_text(app, id, "term");
        if (label.empty()) label = item_text(app, id, "title");
        if (label.empty()) label = id;
        if (link(app, label, "link:" + id)) app.open_item(id);
    }
}

std::string test_state(const ItemTestStatus& t) {
    if (t.last_result) return fill_in(words("checklist.test_result_from"), "date", to_string(*t.last_result));
    if (t.last_appointment) return fill_in(words("checklist.test_done_at"), "date", to_string(*t.last_appointment));
    // Listed at a past appointment but not confirmed done: not done (SAFETY H17), and said so, so
    // the person knows why and where to confirm it.
    std::string state = t.unconfirmed_appointment
                            ? fill_in(words("checklist.test_unconfirmed"), "date", to_string(*t.unconfirmed_appointment))
                            : std::string();
    if (t.next_appointment) {
        const std::string planned = fill_in(words("checklist.test_planned"), "date", to_string(*t.next_appointment));
        state = state.empty() ? planned : state + "; " + planned;
    }
    return state.empty() ? std::string(words("checklist.test_no_result")) : state;
}

void draw_item(App& app, ChecklistUi& ui, const Checklists& lists, const ChecklistItem& item) {
    ImGui::PushID(item.id.c_str());
    card_begin("item");

    bool on = is_ticked(app.record(), item.id);
    if (big_checkbox("##done", &on)) {
        if (on) tick_item(app.record(), item.id, app.today());
        else untick_item(app.record(), item.id);
        app.record_changed();
    }
    name_last_item("checklist:item:" + item.id + (on ? ":on" : ":off"));
    ImGui::SameLine();
    const float indent = ImGui::GetCursorPosX() - ImGui::GetStyle().WindowPadding.x;
    const bool open = ui.open_item == item.id;
    if (expander_text("open", item.label.in(), open)) ui.open_item = open ? std::string() : item.id;
    name_last_item("checklist:item:" + item.id);

    ImGui::Indent(indent);
    if (auto date = tick_date(app.record(), item.id)) text_muted(fill_in(words("checklist.done_on"), "date", to_string(*date)));
    const std::vector<ItemTestStatus> tests = item_test_status(item, app.record(), app.today(), workup_links(app, ui));
    if (!tests.empty() && !open) {
        const auto done = std::count_if(tests.begin(), tests.end(), [](const ItemTestStatus& t) { return t.done(); });
        text_muted(tests.size() == 1 ? std::string(done ? words("checklist.test_in_record") : words("checklist.test_not_in_record"))
                                     : fill_in(fill_in(words("checklist.tests_in_record"), "done", std::to_string(done)), "total",
                                               std::to_string(tests.size())));
    }
    if (open) {
        // On a phone the explanation takes the card's whole width.
        const bool narrow = ImGui::GetContentRegionAvail().x < 360.0f;
        if (narrow) ImGui::Unindent(indent);
        heading(words("checklist.why_it_matters"));
        text_wrapped(item.why.in());
        name_last_item("checklist:why:" + item.id);
        sources_line(app, item.sources);
        if (!tests.empty()) {
            heading(words("checklist.your_record"));
            for (const ItemTestStatus& t : tests) {
                ImGui::PushStyleColor(ImGuiCol_Text, t.done() ? ImGui::GetStyleColorVec4(ImGuiCol_Text)
                                                              : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                bullet_text(workup_name(app, t.workup_id) + ": " + test_state(t));
                ImGui::PopStyleColor();
            }
        }
        if (!item.see_ids.empty()) {
            heading(words("checklist.see_also"));
            for (const auto& id : item.see_ids) see_link(app, lists, id);
        }
        if (narrow) ImGui::Indent(indent);
    }
    ImGui::Unindent(indent);
    card_end();
    ImGui::PopID();
    ImGui::Spacing();
}

void draw_ask_my_doctor(App& app, ChecklistUi& ui, const Checklists& lists, const ChecklistStage& stage) {
    bool findings_entered = false;
    const std::vector<std::string> missing = missing_lines(app, findings_entered);
    const std::string text = ask_my_doctor_text(lists, stage, app.record(), missing, "en", app.today());

    ImGui::Spacing();
    ImGui::Separator();
    title(lists.ask_doctor.title.in());
    text_muted(findings_entered
                   ? words("checklist.ask_intro_findings")
                   : words("checklist.ask_intro_no_findings"));
    if (!findings_entered) {
        const ChecklistPage* p = lists.page("page.criteria");
        if (p && link(app, p->title.in(), "checklist:ask:criteria")) app.open(Page::criteria);
    }
    ImGui::Spacing();
    card_begin("ask");
    text_wrapped(text);
    card_end();
    name_last_item("checklist:ask:text");
    if (app.platform().save_file) {
        if (ImGui::Button(words("checklist.save_as_file"))) {
            ui.save_message = app.platform().save_file("what-to-ask-my-doctor.txt", "text/plain", text);
            ui.scroll_to_message = true;
        }
        name_last_item("checklist:ask:save");
        ImGui::SameLine();
    }
    copy_button(app, words("checklist.copy"), text);
    name_last_item("checklist:ask:copy");
    if (!ui.save_message.empty()) {
        text_muted(ui.save_message);
        name_last_item("checklist:ask:saved");
        if (ui.scroll_to_message) ImGui::SetScrollHereY(1.0f);  // the message is below the fold otherwise
        ui.scroll_to_message = false;
    }
}


void draw_page(App& app, ChecklistUi& ui) {
    const Checklists& lists = app.data().checklists();
    const std::string suggested(suggest_stage(app.record()));
    if (!lists.stage(ui.stage_id)) ui.stage_id = suggested;
    const ChecklistStage* stage = lists.stage(ui.stage_id);
    if (!stage) return;  // the content check guarantees the four stages

    text_wrapped(lists.intro.in());
    sources_line(app, lists.sources);
    ImGui::Spacing();

    // The stages as a row of buttons that wraps; one per line on a phone, where a long title and
    // its count wrap inside the button rather than being cut off.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < 600.0f;
    float used = 0;
    for (const ChecklistStage& s : lists.stages) {
        const StageProgress p = stage_progress(s, app.record());
        const std::string text = s.title.in() + "  (" + std::to_string(p.done) + "/" + std::to_string(p.total) + ")";
        const float w = narrow ? avail : ImGui::CalcTextSize(text.c_str()).x + style.FramePadding.x * 2;
        if (used > 0 && used + style.ItemSpacing.x + w <= avail) {
            ImGui::SameLine();
            used += style.ItemSpacing.x + w;
        } else {
            used = w;
        }
        const bool current = &s == stage;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        const bool clicked = narrow ? wrapped_button(s.id.c_str(), text, avail)
                                    : ImGui::Button((text + "###" + s.id).c_str());
        if (clicked && !current) {
            ui.stage_id = s.id;
            ui.open_item.clear();
            ui.save_message.clear();
        }
        name_last_item("checklist:stage:" + s.id);
        if (current) ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    ImGui::Separator();

    title(stage->title.in());
    name_last_item("checklist:shown:" + stage->id);
    if (stage->id == suggested) {
        ImGui::PushStyleColor(ImGuiCol_Text, colour(Tone::success));
        text_wrapped(words("checklist.suggested_here"));
        ImGui::PopStyleColor();
        name_last_item("checklist:suggested");
    } else if (const ChecklistStage* s = lists.stage(suggested)) {
        text_muted(words("checklist.suggested_other"));
        if (link(app, s->title.in(), "checklist:open-suggested")) {
            ui.stage_id = suggested;
            ui.open_item.clear();
        }
    }
    ImGui::Spacing();
    text_wrapped(stage->intro.in());
    sources_line(app, stage->sources);
    ImGui::Spacing();

    const StageProgress p = stage_progress(*stage, app.record());
    const std::string progress = fill_in(fill_in(words("checklist.progress"), "done", std::to_string(p.done)), "total", std::to_string(p.total));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ImGui::ProgressBar(p.total ? static_cast<float>(p.done) / static_cast<float>(p.total) : 0.0f, ImVec2(-FLT_MIN, 0),
                       progress.c_str());
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    name_last_item("checklist:progress:" + std::to_string(p.done) + "-of-" + std::to_string(p.total));
    ImGui::Spacing();

    for (const ChecklistItem& item : stage->items) draw_item(app, ui, lists, item);
    draw_ask_my_doctor(app, ui, lists, *stage);
}

}  // namespace

// A new record may be at another stage: after a replacement the suggested one shows again.
std::unique_ptr<PageView> make_checklist_page() { return std::make_unique<PageOf<ChecklistUi, draw_page>>(); }

}  // namespace poems::ui
