// The Criteria page: a plain-language questionnaire over content/criteria.json, and beside it (or
// above it, on a phone) what the criteria checker makes of the answers, updated on every answer.
//
// It never diagnoses: the verdict card always carries the content's disclaimer right under the
// headline, and every item says why it has its status and where that comes from.
//
// Data flow: the answers on screen are turned into a `poems-findings/1` document, checked by the
// same parser the CLI uses (parse_findings with the rules), evaluated, and the valid part is
// written to the record at once. A typed value the parser refuses stays in its field with the
// parser's message beside it; it is left out of the evaluation and of the record until fixed.
#include "pages/pages.hpp"

#include "app/test_hooks.hpp"
#include "app/palette.hpp"
#include "app/widgets.hpp"
#include "app/words.hpp"
#include "poems/criteria.hpp"
#include "poems/decimal.hpp"
#include "poems/findings.hpp"
#include "poems/labs.hpp"
#include "poems/text.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace poems::ui {
namespace {

// The answers to a criterion question. "Not tested" and "don't know" both mean unknown in the
// findings; the page keeps which one the person chose for as long as it runs. An explicit unknown
// read back from the record shows as kSavedUnknown (the record cannot tell the two apart).
enum Answer { kUnanswered = -1, kYes = 0, kNo = 1, kNotTested = 2, kDontKnow = 3, kSavedUnknown = 4 };
const std::vector<std::string>& answer_labels() {
    static const std::vector<std::string> labels = {words("criteria.yes"), words("criteria.no"), words("criteria.not_tested"),
                                                    words("criteria.dont_know")};
    return labels;
}

// M-protein test results as offered on screen; kTestNotDone leaves the test out of the list.
enum TestResult { kTestUnset = -1, kTestPositive = 0, kTestNegative = 1, kTestNotDone = 2 };
const std::vector<std::string>& test_labels() {
    static const std::vector<std::string> labels = {words("criteria.positive"), words("criteria.negative"),
                                                    words("criteria.not_done")};
    return labels;
}

// Units offered for VEGF: the format's own, plus the one most often confused with it, so that a
// report in ng/mL is refused with the parser's message instead of being typed in as pg/mL.
std::vector<std::string> vegf_unit_choices() {
    std::vector<std::string> u = vegf_units();
    if (std::find(u.begin(), u.end(), "ng/mL") == u.end()) u.push_back("ng/mL");
    return u;
}

struct PageState {
    std::shared_ptr<DocumentsCardState> documents;  // shared with the Monitoring page
    bool loaded = false;
    Json synced;  // the record's findings the answers were last read from or written to

    std::map<std::string, int> answers;        // criterion key -> Answer
    std::array<char, 32> vegf_value{};
    std::array<char, 32> vegf_uln{};
    int vegf_unit = -1;                         // index in vegf_unit_choices()
    int vegf_sample = -1;                       // index in vegf_samples()
    std::map<std::string, int> m_tests;         // test kind -> TestResult
    std::map<std::string, bool> endocrine;      // endocrine finding key -> ticked
    int prior = -1;                             // 0 none, 1..n the content's conditions, n+1 other
    std::array<char, 64> prior_other{};
    int prior_improved = -1;                    // 0 yes, 1 no

    // The stored findings could not be read: shown with the raw data, never overwritten unless
    // the person chooses to start again.
    bool stored_invalid = false;
    Problems stored_problems;

    bool have_candidate = false;
    Json candidate;                             // the findings document built from the answers
    Problems problems;                          // what the parser said about it
    std::optional<Evaluation> eval;
    bool confirm_clear = false;
    std::map<std::string, bool> counts_open;    // "What counts" shown, by criterion key
};

// A typed number as the findings document carries it: a JSON number when the text reads as one
// (poems/decimal.hpp: the Labs page's policy, a decimal comma included), else the text itself,
// so that the parser refuses it and says where.
Json typed_number(const std::string& text) {
    const DecimalRead read = read_decimal(text);
    if (!read.value) return text;
    const double d = *read.value;
    if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0) return static_cast<long long>(d);
    return d;
}

bool is_number_text(const std::string& text) { return typed_number(text).is_number(); }

void number_to_buffer(double d, char* buf, std::size_t n) { std::snprintf(buf, n, "%.10g", d); }

// ---- Answers <-> findings ---------------------------------------------------------------------

Json build_candidate(const App& app, const PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    Json j = Json::object();
    j["schema"] = kFindingsSchema;
    for (const auto& [key, a] : s.answers) {
        if (a == kYes) j[key] = "present";
        else if (a == kNo) j[key] = "absent";
        else if (a == kNotTested || a == kDontKnow || a == kSavedUnknown) j[key] = "unknown";
    }
    const std::string value = trim(s.vegf_value.data()), uln = trim(s.vegf_uln.data());
    if (!value.empty() || !uln.empty() || s.vegf_unit >= 0 || s.vegf_sample >= 0) {
        Json v = Json::object();
        if (!value.empty()) v["value"] = typed_number(value);
        if (s.vegf_unit >= 0) v["unit"] = vegf_unit_choices()[s.vegf_unit];
        if (s.vegf_sample >= 0) v["sample"] = vegf_samples()[s.vegf_sample];
        if (!uln.empty()) v["upper_limit_of_normal"] = typed_number(uln);
        j["vegf"] = v;
    }
    Json tests = Json::array();
    for (const auto& t : rules.m_protein.tests) {
        auto it = s.m_tests.find(t.key);
        if (it == s.m_tests.end()) continue;
        if (it->second == kTestPositive) tests.push_back({{"test", t.key}, {"result", "positive"}});
        if (it->second == kTestNegative) tests.push_back({{"test", t.key}, {"result", "negative"}});
    }
    if (!tests.empty()) j["m_protein_tests"] = tests;
    Json endo = Json::array();
    for (const auto& e : rules.endocrine_findings)
        if (auto it = s.endocrine.find(e.key); it != s.endocrine.end() && it->second) endo.push_back(e.key);
    if (!endo.empty()) j["endocrine_findings"] = endo;
    const int n_prior = static_cast<int>(rules.red_flags.prior_conditions.size());
    if (s.prior >= 1 && s.prior_improved >= 0) {
        std::string condition;
        if (s.prior <= n_prior) condition = rules.red_flags.prior_conditions[s.prior - 1].key;
        else condition = trim(s.prior_other.data());
        if (!condition.empty()) j["prior_diagnosis"] = {{"condition", condition}, {"improved_with_treatment", s.prior_improved == 0}};
    }
    return j;
}

void fill_from_findings(const App& app, PageState& s, const Findings& f) {
    const CriteriaRules& rules = app.data().criteria();
    for (const auto& [key, t] : f.criteria)
        s.answers[key] = t == Tri::present ? kYes : t == Tri::absent ? kNo : kSavedUnknown;
    if (f.vegf) {
        number_to_buffer(f.vegf->value, s.vegf_value.data(), s.vegf_value.size());
        if (f.vegf->upper_limit_of_normal)
            number_to_buffer(*f.vegf->upper_limit_of_normal, s.vegf_uln.data(), s.vegf_uln.size());
        const auto units = vegf_unit_choices();
        s.vegf_unit = static_cast<int>(std::find(units.begin(), units.end(), f.vegf->unit) - units.begin());
        const auto& samples = vegf_samples();
        s.vegf_sample = static_cast<int>(std::find(samples.begin(), samples.end(), f.vegf->sample) - samples.begin());
    }
    if (f.m_protein_tests)
        for (const auto& t : *f.m_protein_tests) s.m_tests[t.test] = t.result == "positive" ? kTestPositive : kTestNegative;
    if (f.endocrine_findings)
        for (const auto& e : *f.endocrine_findings) s.endocrine[e] = true;
    if (f.prior_diagnosis) {
        const auto& conds = rules.red_flags.prior_conditions;
        s.prior = static_cast<int>(conds.size()) + 1;
        for (std::size_t i = 0; i < conds.size(); ++i)
            if (conds[i].key == f.prior_diagnosis->condition) s.prior = static_cast<int>(i) + 1;
        if (s.prior == static_cast<int>(conds.size()) + 1)
            std::snprintf(s.prior_other.data(), s.prior_other.size(), "%s", f.prior_diagnosis->condition.c_str());
        s.prior_improved = f.prior_diagnosis->improved_with_treatment ? 0 : 1;
    }
}

// Reads the record's findings into the answers (at start, and whenever the record was replaced).
void load_from_record(App& app, PageState& s) {
    PageState fresh;
    fresh.documents = s.documents;
    s = std::move(fresh);
    s.loaded = true;
    s.synced = app.record().findings;
    auto f = parse_findings(s.synced, app.data().criteria(), s.stored_problems, "/findings");
    if (!f) {
        s.stored_invalid = true;
        return;
    }
    fill_from_findings(app, s, *f);
}

// Turns the answers into findings, evaluates them, and saves the valid part. Runs every frame
// but does the work only when an answer changed.
void update(App& app, PageState& s) {
    if (s.stored_invalid) return;
    Json cand = build_candidate(app, s);
    if (s.have_candidate && cand == s.candidate) return;
    const bool first = !s.have_candidate;
    s.candidate = cand;
    s.have_candidate = true;
    s.problems.clear();
    const CriteriaRules& rules = app.data().criteria();
    auto f = parse_findings(cand, rules, s.problems);
    if (!f) {
        // Leave out each part the parser refused (its top-level key), keep the rest.
        Json valid = cand;
        for (const auto& p : s.problems) {
            const std::string top = p.path.substr(1, p.path.find('/', 1) == std::string::npos ? std::string::npos : p.path.find('/', 1) - 1);
            valid.erase(top);
        }
        Problems again;
        f = parse_findings(valid, rules, again);
        if (!f) f = Findings{};
    }
    s.eval = evaluate(*f, rules);
    if (first) return;  // opening the page never rewrites the record
    Json out = findings_to_json(*f);
    if (out != app.record().findings) {
        app.record().findings = out;
        app.record_changed();
    }
    s.synced = app.record().findings;
}

// ---- Small drawing helpers --------------------------------------------------------------------

void text_colored(Tone tone, const std::string& text) {
    ToneScope scope(tone);
    text_wrapped(text);
}

// Marks the other verdict names as not on screen (an empty rectangle), so a test reading the
// named widgets sees only the verdict shown now.
void clear_names(const std::vector<std::string>& names) {
    const ImVec2 cursor = ImGui::GetCursorPos();
    for (const auto& n : names) {
        ImGui::SetCursorPos(cursor);
        ImGui::Dummy(ImVec2(0, 0));
        name_last_item(n);
    }
    ImGui::SetCursorPos(cursor);
}

const char* status_label(Status st) {
    switch (st) {
        case Status::present: return words("criteria.status_present");
        case Status::absent: return words("criteria.status_absent");
        case Status::borderline: return words("criteria.status_borderline");
        case Status::unknown: break;
    }
    return words("criteria.status_unknown");
}

std::string criterion_name(const App& app, const std::string& key) {
    const CriterionRule* c = app.data().criteria().criterion(key);
    return c ? c->name.get() : key;
}

std::string workup_name(const App& app, const std::string& id) {
    std::string n = item_text(app, id, "name");
    return n.empty() ? id : n;
}

// Problems of the candidate under one JSON Pointer (the field's own and deeper ones).
std::vector<const Problem*> problems_at(const PageState& s, const std::string& pointer, bool exact = false) {
    std::vector<const Problem*> out;
    for (const auto& p : s.problems)
        if (p.path == pointer || (!exact && p.path.rfind(pointer + "/", 0) == 0)) out.push_back(&p);
    return out;
}

// `exact`: only problems about the object itself, when its fields show their own next to them.
void show_field_problems(const PageState& s, const std::string& pointer, const char* field_label,
                         const std::string& typed = {}, bool exact = false) {
    for (const Problem* p : problems_at(s, pointer, exact)) {
        std::string msg = p->message;
        if (msg.rfind("missing", 0) == 0) msg = words("criteria.still_needed");
        else if (!typed.empty() && !is_number_text(typed))
            msg = read_decimal(typed).problem + " (" + msg + ")";
        text_colored(Tone::error, std::string("\u2717 ") + field_label + ": " + msg);
        describe_last_text(Role::alert, std::string(field_label) + ": " + msg);  // announced at once
        name_last_item("criteria:problem:" + p->path);
    }
}

float field_width() { return std::min(ImGui::GetContentRegionAvail().x, 12 * ImGui::GetFontSize()); }


// ---- The verdict card and what follows from it ------------------------------------------------

void draw_verdict_card(App& app, PageState& s) {
    static const std::vector<std::string> all = {"meets_criteria", "castleman_variant", "incomplete", "does_not_meet"};
    if (s.stored_invalid || !s.eval) {
        clear_names({"criteria:verdict:meets_criteria", "criteria:verdict:castleman_variant",
                     "criteria:verdict:incomplete", "criteria:verdict:does_not_meet"});
        return;
    }
    const Evaluation& e = *s.eval;
    const std::string v = to_string(e.verdict);
    std::vector<std::string> others;
    for (const auto& x : all)
        if (x != v) others.push_back("criteria:verdict:" + x);
    clear_names(others);

    // One accent for every verdict: no traffic-light colours that could read as good or bad news.
    const ImVec4 accent = colour(Tone::accent);
    ImGui::PushStyleColor(ImGuiCol_Border, accent);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.0f);
    card_begin("criteria:verdict-card");
    text_muted(words("criteria.compared"));
    title(e.headline);
    describe_last_text(Role::status, e.headline);  // a changed verdict is announced (polite)
    ImGui::Spacing();
    bold_text(e.disclaimer);
    name_last_item("criteria:disclaimer");
    ImGui::Spacing();
    text_wrapped(e.explanation);
    name_last_item("criteria:explanation");
    for (const auto& w : e.why) bullet_text(w);
    sources_line(app, e.verdict_sources);
    ImGui::PopStyleVar();
    card_end();
    ImGui::PopStyleColor();
    name_last_item("criteria:verdict:" + v);

    for (const auto& w : e.warnings) {
        ImGui::PushStyleColor(ImGuiCol_Border, colour(Tone::warning));
        card_begin(("criteria:warning-card:" + w.id).c_str());
        {
            FontScope font(kFontBold);
            text_colored(Tone::warning, words("criteria.please_note"));
        }
        text_wrapped(w.text);
        sources_line(app, w.sources);
        card_end();
        ImGui::PopStyleColor();
        name_last_item("criteria:warning:" + w.id);
    }
}

void draw_unknown_list(App& app, PageState& s) {
    if (!s.eval || s.eval->verdict != Verdict::incomplete) return;
    const Evaluation& e = *s.eval;
    heading(words("criteria.still_unknown"));
    text_muted(words("criteria.could_change"));
    for (const auto& m : e.missing) {
        std::string tests;
        for (const auto& id : m.settled_by_ids) tests += (tests.empty() ? "" : "; ") + workup_name(app, id);
        bullet_text(criterion_name(app, m.key) +
                    (m.status == Status::borderline ? std::string(" ") + words("criteria.borderline_mark") : std::string()) +
                    (tests.empty() ? std::string() : fill_in(words("criteria.settled_by"), "tests", tests)));
        name_last_item("criteria:missing:" + m.key);
    }
    heading(words("criteria.tests_heading"));
    int n = 0;
    for (const auto& t : e.tests_to_settle) {
        ImGui::PushID(t.workup_id.c_str());
        ImGui::Spacing();
        std::string for_items;
        for (const auto& k : t.settles) for_items += (for_items.empty() ? "" : ", ") + criterion_name(app, k);
        bold_text(std::to_string(++n) + ". " + workup_name(app, t.workup_id));
        text_muted(fill_in(words("criteria.would_settle"), "items", for_items));
        item_link(app, t.workup_id, words("criteria.about_test"));
        auto& asked = app.record().asked_doctor;
        bool ticked = std::find(asked.begin(), asked.end(), t.workup_id) != asked.end();
        if (big_checkbox(words("criteria.asked_doctor"), &ticked)) {
            if (ticked) asked.push_back(t.workup_id);
            else asked.erase(std::remove(asked.begin(), asked.end(), t.workup_id), asked.end());
            app.record_changed();
        }
        name_last_item("criteria:asked:" + t.workup_id);
        name_last_item("criteria:asked:" + t.workup_id + (ticked ? ":yes" : ":no"));
        clear_names({"criteria:asked:" + t.workup_id + (ticked ? ":no" : ":yes")});
        ImGui::PopID();
    }
}

void draw_red_flag_card(App& app, PageState& s) {
    if (!s.eval) return;
    const Evaluation& e = *s.eval;
    const CriteriaRules& rules = app.data().criteria();
    card_begin("criteria:red-flag-card");
    bold_text(words("criteria.red_flag_screen"));
    text_muted(rules.red_flags.text.get());
    ImGui::Spacing();
    bold_text(e.red_flag_headline);
    name_last_item(std::string("criteria:redflag:") + (e.workup_recommended ? "yes" : "no"));
    text_wrapped(e.red_flag_reason);
    sources_line(app, e.red_flag_sources);
    card_end();
}

void draw_clear(App& app, PageState& s);

void draw_stored_problems(App& app, PageState& s) {
    if (!s.stored_invalid) return;
    ImGui::PushStyleColor(ImGuiCol_Border, colour(Tone::error));
    card_begin("criteria:stored-problems");
    text_colored(Tone::error, words("criteria.stored_unreadable"));
    for (const auto& p : s.stored_problems) bullet_text(p.to_string());
    text_muted(words("criteria.stored_raw"));
    const std::string raw = s.synced.dump(2, ' ', false, Json::error_handler_t::replace);
    text_wrapped(raw);
    copy_button(app, words("criteria.copy_stored"), raw);
    text_muted(words("criteria.stored_clear_hint"));
    ImGui::PushID("stored");
    draw_clear(app, s);
    ImGui::PopID();
    card_end();
    ImGui::PopStyleColor();
}

// ---- The questionnaire ------------------------------------------------------------------------

void draw_item_result(App& app, const PageState& s, const CriterionRule& c) {
    if (!s.eval) return;
    const CriterionResult* r = s.eval->criterion(c.key);
    if (!r) return;
    ImGui::Indent();
    bold_text(status_label(r->status));
    name_last_item("criteria:status:" + c.key + ":" + to_string(r->status));
    text_wrapped(r->reason);
    if (!r->glossary_id.empty()) {
        // The term's short form (before any bracket) as the link, so it fits a phone's width.
        std::string term = item_text(app, r->glossary_id, "term");
        term = term.substr(0, term.find(" ("));
        ImGui::TextDisabled("%s", words("criteria.glossary"));
        ImGui::SameLine();
        item_link(app, r->glossary_id, term);
    }
    sources_line(app, r->sources);
    ImGui::Unindent();
}

void draw_vegf_inputs(App& app, PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    text_muted(words("criteria.vegf_intro"));
    const std::string typed = trim(s.vegf_value.data());
    text_wrapped(words("criteria.value"));
    number_field("##vegf_value", s.vegf_value.data(), s.vegf_value.size());
    name_last_item("criteria:vegf:value");
    show_field_problems(s, "/vegf/value", words("criteria.value"), typed);
    text_wrapped(words("criteria.unit_label"));
    int unit = s.vegf_unit;
    if (choice_buttons("criteria:vegf:unit", vegf_unit_choices(), &unit)) s.vegf_unit = unit;
    show_field_problems(s, "/vegf/unit", words("criteria.unit"));
    if (!problems_at(s, "/vegf/unit").empty())
        text_muted(fill_in(words("criteria.no_conversion"), "unit", rules.vegf.unit));
    text_wrapped(words("criteria.sample"));
    std::vector<std::string> samples;
    for (const auto& k : vegf_samples()) {
        const VegfSampleRule* r = rules.vegf_sample(k);
        samples.push_back(r ? r->label.get() : k);
    }
    int sample = s.vegf_sample;
    if (choice_buttons("criteria:vegf:sample", samples, &sample)) s.vegf_sample = sample;
    show_field_problems(s, "/vegf/sample", words("criteria.sample"));
    const std::string uln = trim(s.vegf_uln.data());
    text_wrapped(words("criteria.uln_label"));
    number_field("##vegf_uln", s.vegf_uln.data(), s.vegf_uln.size());
    name_last_item("criteria:vegf:uln");
    show_field_problems(s, "/vegf/upper_limit_of_normal", words("criteria.uln"), uln);
    show_field_problems(s, "/vegf", words("criteria.vegf"), {}, true);
    // A plausible-range check from the lab catalogue: a typing mistake is more likely than the value.
    if (s.vegf_sample >= 0 && s.vegf_unit >= 0 && is_number_text(typed) && problems_at(s, "/vegf").empty()) {
        const std::string test_id = "labs.vegf_" + vegf_samples()[s.vegf_sample];
        const LabCheckResult chk = check_lab_value(app.data().labs(), test_id, typed_number(typed).get<double>(),
                                                   vegf_unit_choices()[s.vegf_unit]);
        if (chk.level != LabCheck::ok && !chk.message.empty()) {
            text_colored(Tone::warning, fill_in(words("criteria.check_value"), "message", chk.message));
            name_last_item("criteria:vegf:range-warning");
        }
    }
}

void draw_m_protein_inputs(App& app, PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    text_muted(words("criteria.m_protein_intro"));
    for (const auto& t : rules.m_protein.tests) {
        ImGui::Spacing();
        text_wrapped(t.name.get());
        auto it = s.m_tests.find(t.key);
        int sel = it == s.m_tests.end() ? kTestUnset : it->second;
        if (choice_buttons(("criteria:mprotein:" + t.key).c_str(), test_labels(), &sel)) s.m_tests[t.key] = sel;
    }
    show_field_problems(s, "/m_protein_tests", words("criteria.m_protein_tests"));
}

void draw_endocrine_inputs(App& app, PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    text_muted(words("criteria.endocrine_intro"));
    for (const auto& e : rules.endocrine_findings) {
        bool on = s.endocrine[e.key];
        if (big_checkbox((e.name.get() + "##endo_" + e.key).c_str(), &on)) s.endocrine[e.key] = on;
        name_last_item("criteria:endocrine:" + e.key);
    }
    show_field_problems(s, "/endocrine_findings", words("criteria.endocrine_findings"));
}

void draw_question(App& app, PageState& s, const CriterionRule& c) {
    ImGui::PushID(c.key.c_str());
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    bold_text(c.question.get());
    name_last_item("criteria:question:" + c.key);
    int a = s.answers.count(c.key) ? s.answers[c.key] : kUnanswered;
    if (choice_buttons(("criteria:" + c.key).c_str(), answer_labels(), &a)) s.answers[c.key] = a;
    if (a == kSavedUnknown) text_muted(words("criteria.saved_unknown"));
    bool& open = s.counts_open[c.key];
    if (expander_text("counts", words("criteria.what_counts"), open)) open = !open;
    name_last_item("criteria:counts:" + c.key);
    if (open) {
        ImGui::Indent();
        text_wrapped(c.counts.get());
        text_muted(c.excluded.get());
        ImGui::Unindent();
    }
    if (c.key == "monoclonal_plasma_cell_disorder") draw_m_protein_inputs(app, s);
    if (c.key == "vegf_elevated") draw_vegf_inputs(app, s);
    if (c.key == "endocrinopathy") draw_endocrine_inputs(app, s);
    draw_item_result(app, s, c);
    ImGui::PopID();
}

void draw_prior_diagnosis(App& app, PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    title(words("criteria.earlier_diagnosis"));
    bold_text(words("criteria.earlier_question"));
    // Buttons carry the short name (before any bracket) so they fit a phone; the full name follows.
    std::vector<std::string> labels = {words("criteria.no")};
    for (const auto& p : rules.red_flags.prior_conditions) {
        const std::string& name = p.name.get();
        labels.push_back(name.substr(0, name.find(" (")));
    }
    labels.push_back(words("criteria.something_else"));
    int sel = s.prior;
    if (choice_buttons("criteria:prior", labels, &sel)) s.prior = sel;
    if (s.prior >= 1 && s.prior <= static_cast<int>(rules.red_flags.prior_conditions.size())) {
        const std::string& name = rules.red_flags.prior_conditions[s.prior - 1].name.get();
        if (name != labels[s.prior]) text_muted(name);
    }
    if (s.prior == static_cast<int>(labels.size()) - 1) {
        text_wrapped(words("criteria.which_condition"));
        ImGui::SetNextItemWidth(field_width());
        input_field("##prior_other", s.prior_other.data(), s.prior_other.size());
        name_last_item("criteria:prior:other");
    }
    if (s.prior >= 1) {
        bold_text(words("criteria.improved_question"));
        int imp = s.prior_improved;
        if (choice_buttons("criteria:prior:improved", {words("criteria.yes"), words("criteria.no")}, &imp)) s.prior_improved = imp;
        if (s.prior_improved < 0) text_muted(words("criteria.improved_needed"));
    }
    show_field_problems(s, "/prior_diagnosis", words("criteria.earlier_diagnosis_field"));
}

void draw_clear(App& app, PageState& s) {
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    if (!s.confirm_clear) {
        if (ImGui::Button(words("criteria.clear_all"))) s.confirm_clear = true;
        name_last_item("criteria:clear");
        return;
    }
    card_begin("criteria:clear-confirm");
    bold_text(s.stored_invalid ? words("criteria.replace_stored") : words("criteria.clear_question"));
    text_muted(words("criteria.ticks_kept"));
    if (ImGui::Button(words("criteria.clear_confirm"))) {
        app.record().findings = findings_to_json(Findings{});
        app.record_changed();
        load_from_record(app, s);
    }
    name_last_item("criteria:clear:confirm");
    ImGui::SameLine();
    if (ImGui::Button(words("criteria.clear_keep")) || escape_cancels()) s.confirm_clear = false;
    name_last_item("criteria:clear:cancel");
    card_end();
}

void draw_questions(App& app, PageState& s) {
    const CriteriaRules& rules = app.data().criteria();
    title(words("criteria.your_findings"));
    text_muted(words("criteria.findings_intro"));
    ImGui::BeginDisabled(s.stored_invalid);
    for (const auto& g : rules.groups) {
        ImGui::Spacing();
        ImGui::Spacing();
        title(g.name.get());
        std::string line = g.rule.get();
        if (s.eval)
            for (const auto& gr : s.eval->groups)
                if (gr.key == g.key)
                    line += std::string("  ") + (gr.state == "met"             ? words("criteria.group_met")
                                                 : gr.state == "cannot_be_met" ? words("criteria.group_cannot_be_met")
                                                                               : words("criteria.group_open"));
        text_muted(line);
        name_last_item("criteria:group:" + g.key);
        for (const auto& c : rules.criteria)
            if (c.group == g.key) draw_question(app, s, c);
    }
    draw_prior_diagnosis(app, s);
    ImGui::EndDisabled();
    draw_clear(app, s);
}

void draw_results(App& app, PageState& s) {
    draw_stored_problems(app, s);
    draw_verdict_card(app, s);
}

// What follows from the verdict: what is still unknown and the tests that would settle it, the
// red-flag screen, and the documents to take to the doctor.
void draw_what_follows(App& app, PageState& s) {
    draw_unknown_list(app, s);
    ImGui::Spacing();
    draw_red_flag_card(app, s);
    ImGui::Spacing();
    draw_documents_card(app, *s.documents, "criteria");
}

void draw_page(App& app, PageState& s) {
    if (!s.loaded) load_from_record(app, s);  // first drawn, or the record was replaced
    update(app, s);  // the first frame after loading shows a verdict too

    // Wide windows: the verdict and what follows from it on the left, always in view while the
    // questions on the right are answered. Narrow ones: one column, the verdict card first.
    const bool wide = ImGui::GetMainViewport()->WorkSize.x >= 1000;
    if (wide) {
        const float left = std::floor(ImGui::GetContentRegionAvail().x * 0.46f);
        ImGui::BeginChild("criteria:results-pane", ImVec2(left, 0), ImGuiChildFlags_None);
        draw_results(app, s);
        draw_what_follows(app, s);
        ImGui::EndChild();
        name_last_item("criteria:pane:results");
        ImGui::SameLine();
        ImGui::BeginChild("criteria:questions-pane", ImVec2(0, 0), ImGuiChildFlags_None);
        draw_questions(app, s);
        ImGui::EndChild();
        name_last_item("criteria:pane:questions");
    } else {
        ImGui::BeginChild("criteria:pane", ImVec2(0, 0), ImGuiChildFlags_None);
        draw_results(app, s);
        draw_questions(app, s);
        ImGui::Spacing();
        draw_what_follows(app, s);
        ImGui::EndChild();
        name_last_item("criteria:pane:questions");
        name_last_item("criteria:pane:results");
    }
    update(app, s);  // answers changed in this frame show from the next one (drawn after input)
}

}  // namespace

// A replaced record starts the page afresh: the answers are read again from it when next drawn.
std::unique_ptr<PageView> make_criteria_page(std::shared_ptr<DocumentsCardState> documents) {
    PageState initial;
    initial.documents = std::move(documents);
    return std::make_unique<PageOf<PageState, draw_page>>(std::move(initial));
}

}  // namespace poems::ui
