// Monitoring: the person's treatment dates, the guide's follow-up plan worked out from them (next
// tests first, then the whole plan by year, a calendar file), where they are on the recovery
// timeline, the guide's prognostic factors (no score) and the signals to tell the care team.
// Every date, rule and sentence comes from the core and content; this file only lays them out.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "pages/monitoring_dates.hpp"

#include "poems/ics.hpp"
#include "poems/signals.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace poems::ui {

namespace {

struct MonitoringState {
    std::shared_ptr<DocumentsCardState> documents;  // shared with the Criteria page
    DatesForm dates;
    std::string saved_message;  // where the calendar file went
};

ImVec4 status_color(ItemStatus s) {
    switch (s) {
        case ItemStatus::overdue: return colour(Tone::overdue);
        case ItemStatus::due: return colour(Tone::due);
        case ItemStatus::done: return colour(Tone::done);
        case ItemStatus::upcoming: break;
    }
    return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

const char* status_label(ItemStatus s) {
    switch (s) {
        case ItemStatus::overdue: return words("monitoring.overdue");
        case ItemStatus::due: return words("monitoring.due");
        case ItemStatus::done: return words("monitoring.done");
        case ItemStatus::upcoming: return words("monitoring.upcoming");
    }
    return "";
}

std::string relative(Date today, Date d) {
    const long days = days_between(today, d);
    if (days == 0) return words("monitoring.today");
    const long n = days > 0 ? days : -days;
    const std::string amount = n == 1   ? std::string(words("monitoring.one_day"))
                               : n < 60 ? fill_in(words("monitoring.days"), "n", std::to_string(n))
                                        : fill_in(words("monitoring.about_months"), "n", std::to_string((n + 15) / 30));
    return fill_in(days > 0 ? words("monitoring.in_time") : words("monitoring.time_ago"), "time", amount);
}

void colored(const ImVec4& c, const std::string& text, bool bold = false) {
    ImGui::PushStyleColor(ImGuiCol_Text, c);
    if (bold) bold_text(text);
    else text_wrapped(text);
    ImGui::PopStyleColor();
}

std::string test_name(const App& app, const std::string& id, bool short_name = true) {
    const MonitoringTest* t = app.data().monitoring().test(id);
    if (!t) return id;
    return short_name ? t->short_name.in() : t->name.in();
}

// "labs.vegf_serum 2024-08-14" -> "your VEGF serum result of 2024-08-14".
std::string evidence_text(const App& app, const std::string& evidence) {
    const auto space = evidence.rfind(' ');
    if (space == std::string::npos) return evidence;
    const std::string what = evidence.substr(0, space), date = evidence.substr(space + 1);
    if (const LabTest* t = app.data().labs().test(what))
        return fill_in(fill_in(words("monitoring.your_result"), "test", t->short_name.in()), "date", date);
    if (what == "appointment") return fill_in(words("monitoring.an_appointment"), "date", date);
    return evidence;
}

// The tests of a date on one wrapped line (short names, as on a lab form), then a muted line for
// each test that is done, booked, or needs the care team's word.
void planned_tests(App& app, const std::vector<PlannedTest>& tests) {
    std::string line;
    for (const auto& t : tests) {
        if (!line.empty()) line += ", ";
        line += test_name(app, t.test_id);
        if (t.done) line += " ✓";
        else if (t.planned) line += std::string(" ") + words("monitoring.booked_mark");
        if (t.applies == Tri::unknown) line += " (?)";
    }
    text_wrapped(line);
    for (const auto& t : tests) {
        if (t.done) colored(status_color(ItemStatus::done),
                            fill_in(fill_in(words("monitoring.done_with"), "test", test_name(app, t.test_id)), "evidence",
                                    evidence_text(app, t.evidence)));
        else if (t.planned)
            text_muted(t.evidence.empty() ? fill_in(words("monitoring.booked_added"), "test", test_name(app, t.test_id))
                                          : fill_in(fill_in(words("monitoring.booked_with"), "test", test_name(app, t.test_id)),
                                                    "evidence", evidence_text(app, t.evidence)));
        else if (t.unconfirmed)
            text_muted(fill_in(fill_in(words("monitoring.unconfirmed"), "test", test_name(app, t.test_id)), "date",
                               to_string(*t.unconfirmed)));
        if (t.applies == Tri::unknown && !t.condition_id.empty())
            for (const auto& row : app.data().monitoring().rows)
                for (const auto& c : row.conditions)
                    if (c.id == t.condition_id)
                        text_muted(fill_in(fill_in(words("monitoring.conditional"), "test", test_name(app, t.test_id)), "condition", c.text.in()));
    }
}

void item_card(App& app, const Plan& plan, const PlanItem& item, bool first) {
    const auto& content = app.data().monitoring();
    ImGui::PushID(item.uid.c_str());
    card_begin("item");
    {
        FontScope font(kFontBold);
        ImGui::TextUnformatted(to_string(item.due).c_str());
    }
    name_last_item("monitoring:item:" + to_string(item.due));
    if (first) name_last_item("monitoring:plan:first");
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, status_color(item.status));
    {
        FontScope font(kFontBold);
        ImGui::Text("● %s", status_label(item.status));
    }
    ImGui::PopStyleColor();
    name_last_item(std::string("monitoring:status:") + to_string(item.due) + ":" + to_string(item.status));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", relative(plan.today, item.due).c_str());
    if (const MonitoringPhase* ph = content.phase(item.phase_id)) text_muted(ph->name.in());
    planned_tests(app, item.tests);
    for (const auto& w : item.why) {
        text_muted(fill_in(words("monitoring.why"), "why", w.text.in()));
        sources_line(app, w.sources);
    }
    card_end();
    ImGui::PopID();
}

void draw_baseline(App& app, const Plan& plan) {
    const auto& content = app.data().monitoring();
    const BaselinePlan& b = *plan.baseline;
    card_begin("baseline");
    bold_text(content.baseline_name.in());
    name_last_item("monitoring:baseline");
    colored(status_color(b.status), std::string("● ") + status_label(b.status), true);
    planned_tests(app, b.tests);
    text_muted(fill_in(words("monitoring.why"), "why", content.baseline_why.in()));
    sources_line(app, content.baseline_sources);
    ImGui::Spacing();
    text_wrapped(content.baseline_workup.text.in());
    planned_tests(app, b.workup);
    sources_line(app, content.baseline_workup.sources);
    text_muted(fill_in(words("monitoring.results_count_from"), "date", to_string(b.counts_from)));
    card_end();
}

void draw_calendar_button(App& app, MonitoringState& s, const Plan& plan) {
    const auto upcoming = upcoming_items(plan, app.today());
    if (upcoming.empty() && plan.appointments.empty()) return;
    if (!app.platform().save_file) {
        text_muted(words("monitoring.calendar_unavailable"));
        return;
    }
    if (ImGui::Button(words("monitoring.add_to_calendar"))) {
        const std::string ics = schedule_to_ics(plan, app.data().monitoring(), app.today());
        s.saved_message = app.platform().save_file("poems-monitoring.ics", "text/calendar", ics);
    }
    name_last_item("monitoring:ics");
    text_muted(plan.appointments.empty()
                   ? fill_in(words("monitoring.calendar_intro"), "n", std::to_string(upcoming.size()))
                   : fill_in(fill_in(words("monitoring.calendar_intro_appointments"), "n", std::to_string(upcoming.size())),
                             "appointments", std::to_string(plan.appointments.size())));
    if (!s.saved_message.empty()) text_wrapped(s.saved_message);
}

void draw_full_plan(App& app, const Plan& plan) {
    if (plan.items.empty()) return;
    const std::string label =
        fill_in(fill_in(words("monitoring.whole_plan"), "n", std::to_string(plan.items.size())), "date", to_string(plan.until));
    const bool open = ImGui::CollapsingHeader(label.c_str());
    name_last_item("monitoring:full_plan");
    if (!open) return;
    int year = 0;
    for (const auto& item : plan.items) {
        if (item.due.year != year) {
            year = item.due.year;
            heading(std::to_string(year));
        }
        std::string tests;
        for (const auto& t : item.tests) {
            if (!tests.empty()) tests += ", ";
            tests += test_name(app, t.test_id);
            if (t.done) tests += " ✓";
            else if (t.planned) tests += std::string(" ") + words("monitoring.booked_mark");
            if (t.applies == Tri::unknown) tests += " (?)";
        }
        ImGui::PushStyleColor(ImGuiCol_Text, status_color(item.status));
        ImGui::Text("%s  %s", to_string(item.due).c_str(), status_label(item.status));
        ImGui::PopStyleColor();
        ImGui::Indent();
        text_wrapped(tests);
        ImGui::Unindent();
    }
    text_muted(words("monitoring.legend"));
}

void draw_plan(App& app, MonitoringState& s, const Plan& plan) {
    const auto& content = app.data().monitoring();
    heading(words("monitoring.next_tests"));
    if (plan.baseline) draw_baseline(app, plan);

    // Next: everything overdue or due, then the first upcoming date.
    bool first = true, any = false;
    const PlanItem* next_upcoming = nullptr;
    for (const auto& item : plan.items) {
        if (item.status == ItemStatus::overdue || item.status == ItemStatus::due) {
            item_card(app, plan, item, first);
            first = false, any = true;
        } else if (item.status == ItemStatus::upcoming && !next_upcoming) {
            next_upcoming = &item;
        }
    }
    if (next_upcoming) {
        item_card(app, plan, *next_upcoming, first);
        any = true;
    }
    if (!any && !plan.baseline && plan.items.empty() && plan.note_ids.empty() && plan.appointments.empty())
        text_muted(words("monitoring.nothing_yet"));
    if (!plan.appointments.empty()) {
        // The person's own appointments from today on (added in the Diary), with their tests.
        heading(words("monitoring.your_appointments"));
        for (const auto& pa : plan.appointments) {
            const Appointment& a = pa.appointment;
            std::string tests;
            for (std::size_t i = 0; i < a.test_ids.size(); ++i)
                tests += (tests.empty() ? "" : ", ") +
                         (i < pa.test_names.size() && !pa.test_names[i].empty() ? pa.test_names[i].in() : a.test_ids[i]);
            bullet_text(to_string(a.date) + "  " + a.title + (tests.empty() ? "" : ": " + tests));
            name_last_item("monitoring:appointment:" + a.id);
        }
    }
    if (!plan.items.empty() || plan.baseline || !plan.appointments.empty()) {
        ImGui::Spacing();
        draw_calendar_button(app, s, plan);
        ImGui::Spacing();
    }
    draw_full_plan(app, plan);

    for (const auto& id : plan.note_ids)
        if (const CitedText* n = content.note(id)) {
            text_wrapped(n->text.in());
            sources_line(app, n->sources);
        }
    if (!plan.as_indicated.empty() && (plan.anchor || plan.baseline)) {
        heading(words("monitoring.as_advised"));
        for (const auto& a : plan.as_indicated) {
            bullet_text(test_name(app, a.test_id, false) + ": " + a.when.in());
            sources_line(app, a.sources);
        }
    }
    if (!plan.items.empty()) {
        text_muted(content.statuses.text.in());
        sources_line(app, content.statuses.sources);
    }
}

void draw_recovery(App& app) {
    const RecoveryContent& rc = app.data().recovery();
    const RecoveryStatus rs = recovery_status(app.record(), rc, app.today());
    heading(rc.title.in());
    text_muted(rc.intro.in());
    if (rs.anchor) {
        std::string where =
            fill_in(fill_in(words("monitoring.counted_from"), "date", to_string(rs.anchor->date)), "event", event_kind_label(rs.anchor->kind));
        if (rs.stage == RecoveryStage::in_phase || rs.stage == RecoveryStage::beyond_timeline)
            where += fill_in(words("monitoring.month_after"), "n", std::to_string(rs.months_since));
        else where += ".";
        text_wrapped(where);
    } else {
        text_wrapped(words("monitoring.add_treatment_date"));
    }
    if (rs.message) {
        text_wrapped(rs.message->text.in());
        sources_line(app, rs.message->sources);
    }

    // The phases as a vertical timeline: a dot per phase, filled up to "you are here".
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const ImU32 accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const bool beyond = rs.stage == RecoveryStage::beyond_timeline;
    float prev_dot_y = -1;
    for (const auto& ph : rc.phases) {
        const bool here = rs.phase == &ph;
        const bool past = beyond || (rs.stage == RecoveryStage::in_phase && rs.phase && ph.from_months < rs.phase->from_months);
        ImGui::PushID(ph.id.c_str());
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const ImVec2 dot(top.x + font * 0.6f, top.y + font * 0.6f);
        if (prev_dot_y >= 0) dl->AddLine(ImVec2(dot.x, prev_dot_y), ImVec2(dot.x, dot.y), past || here ? accent : muted, 2.0f);
        if (here || past) dl->AddCircleFilled(dot, font * (here ? 0.45f : 0.3f), accent, 16);
        else dl->AddCircle(dot, font * 0.3f, muted, 16, 2.0f);
        prev_dot_y = dot.y;
        ImGui::Indent(font * 1.6f);
        {
            FontScope font(kFontBold);
            ImGui::TextUnformatted(ph.name.in().c_str());
        }
        if (here) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
            ImGui::TextUnformatted(words("monitoring.you_are_here"));
            ImGui::PopStyleColor();
            name_last_item("monitoring:recovery:here");
            text_wrapped(ph.text.in());
            sources_line(app, ph.sources);
        } else {
            text_muted(ph.text.in());
        }
        ImGui::Unindent(font * 1.6f);
        ImGui::Spacing();
        ImGui::PopID();
    }
    for (const auto& h : rc.highlights) {
        text_muted(h.text.in());
        sources_line(app, h.sources);
    }
    text_muted(rc.anchor.text.in());
    sources_line(app, rc.anchor.sources);
}

void draw_risk_factors(App& app, const RiskFactorReport& report) {
    const PrognosisContent& pc = app.data().prognosis();
    heading(pc.title.in());
    text_muted(pc.intro.in());
    text_wrapped(fill_in(fill_in(fill_in(words("monitoring.risk_counts"), "present", std::to_string(report.present)), "absent",
                                 std::to_string(report.absent)),
                         "unknown", std::to_string(report.unknown)));
    name_last_item("monitoring:risk:counts");
    for (const auto& r : report.factors) {
        const PrognosticFactor* f = pc.factor(r.factor_id);
        if (!f) continue;
        ImGui::PushID(r.factor_id.c_str());
        const ImVec4 c = r.state == Tri::present ? status_color(ItemStatus::overdue)
                         : r.state == Tri::absent ? status_color(ItemStatus::done)
                                                  : ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        const char* label = r.state == Tri::present  ? words("monitoring.present")
                            : r.state == Tri::absent ? words("monitoring.absent")
                                                     : words("monitoring.unknown");
        ImGui::PushStyleColor(ImGuiCol_Text, c);
        ImGui::TextUnformatted(label);
        ImGui::PopStyleColor();
        ImGui::SameLine();
        bold_text(f->name.in());
        ImGui::Indent();
        text_muted(r.reason);
        sources_line(app, f->sources);
        ImGui::Unindent();
        ImGui::PopID();
    }
    card_begin("risk-summary");
    if (report.summary) text_wrapped(report.summary->in());
    if (report.summary != &pc.three_or_more) text_wrapped(pc.three_or_more.in());
    text_muted(pc.phenotype.in());
    sources_line(app, pc.summary_sources);
    card_end();
}

void draw_signals(App& app, const std::vector<Signal>& signals) {
    heading(words("monitoring.signals_heading"));
    if (signals.empty()) {
        text_muted(words("monitoring.no_signals"));
        return;
    }
    const ImVec4 red = status_color(ItemStatus::overdue);
    for (const auto& s : signals) {
        if (!s.rule) continue;
        ImGui::PushID((s.rule_id + s.test_id).c_str());
        card_begin("signal");
        colored(red, fill_in(words("monitoring.tell_care_team"), "signal", s.rule->name.in()), true);
        name_last_item("monitoring:signal:" + s.rule_id);
        text_wrapped(s.rule->text.in());
        ImGui::Spacing();
        ImGui::TextUnformatted(words("monitoring.app_saw"));
        for (const auto& d : s.data) bullet_text(d);
        text_muted(fill_in(words("monitoring.rule"), "rule", s.rule->rule.in()));
        sources_line(app, s.rule->sources);
        card_end();
        ImGui::PopID();
    }
}


void draw_page(App& app, MonitoringState& s) {
    DocumentsCardState& documents = *s.documents;
    const AppData& data = app.data();
    const Record& record = app.record();
    text_wrapped(data.monitoring().intro.in());

    draw_treatment_dates(app, s.dates);

    // The same factors decide the echocardiogram's condition in the plan.
    const RiskFactorReport risk = evaluate_risk_factors(record, data.prognosis(), data.labs(), app.today());
    const Plan plan = make_schedule(record, data.monitoring(), data.labs(), app.today(), 12, &risk);
    const std::vector<Signal> signals = find_signals(record, data.labs(), data.monitoring(), app.today(), &data.diary());

    // Signals first when there are any: they are what to act on.
    if (!signals.empty()) draw_signals(app, signals);
    draw_plan(app, s, plan);
    ImGui::Separator();
    draw_recovery(app);
    ImGui::Separator();
    draw_risk_factors(app, risk);
    if (signals.empty()) {
        ImGui::Separator();
        draw_signals(app, signals);
    }
    ImGui::Separator();
    draw_documents_card(app, documents, "monitoring");
}

}  // namespace

std::unique_ptr<PageView> make_monitoring_page(std::shared_ptr<DocumentsCardState> documents) {
    MonitoringState initial;
    initial.documents = std::move(documents);
    return std::make_unique<PageOf<MonitoringState, draw_page>>(std::move(initial));
}

}  // namespace poems::ui
