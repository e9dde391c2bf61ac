#include "poems/checklists.hpp"

#include "poems/by_id.hpp"

#include <algorithm>
#include <set>

namespace poems {

// ---- Lookup ---------------------------------------------------------------------------------

const ChecklistStage* Checklists::stage(std::string_view id) const {
    return find_by_id(stages, id);
}

const ChecklistItem* Checklists::item(std::string_view id) const {
    for (const auto& s : stages)
        for (const auto& i : s.items)
            if (i.id == id) return &i;
    return nullptr;
}

const ChecklistStage* Checklists::stage_of_item(std::string_view item_id) const {
    for (const auto& s : stages)
        for (const auto& i : s.items)
            if (i.id == item_id) return &s;
    return nullptr;
}

const ChecklistPage* Checklists::page(std::string_view id) const {
    return find_by_id(pages, id);
}

// ---- Loading --------------------------------------------------------------------------------

namespace {

struct Loader {
    Problems& problems;
    const std::string& file;
    std::set<std::string, std::less<>> ids;  // every id defined in the file, for duplicates

    ReadSink sink() { return {problems, file}; }

    // Reads "id": well formed, with the prefix, not seen before in this file.
    std::string read_id(ObjectReader& r, std::string_view prefix) {
        auto id = r.string("id", true);
        if (!id) return {};
        if (!is_well_formed_id(*id)) {
            r.fail("id", "\"" + *id + "\" is not a well-formed id (lowercase words joined by dots)");
            return {};
        }
        if (id->rfind(prefix, 0) != 0) {
            r.fail("id", "\"" + *id + "\" should start with \"" + std::string(prefix) + "\"");
            return {};
        }
        if (!ids.insert(*id).second) {
            r.fail("id", "\"" + *id + "\" is defined twice");
            return {};
        }
        return *id;
    }

    LangText text(ObjectReader& r, std::string_view key) { return read_lang_text(r, sink(), key).value_or(LangText{}); }

    ChecklistItem item(const Json& v, const std::string& path, std::string_view stage_prefix) {
        ChecklistItem out;
        ObjectReader r(v, path, problems, file);
        if (!r.is_object()) return out;
        out.id = read_id(r, stage_prefix);
        out.label = text(r, "label");
        out.why = text(r, "why");
        out.sources = read_source_refs(r, sink());
        out.test_ids = read_id_list(r, sink(), "test_ids", false, {"workup."});
        out.see_ids = read_id_list(r, sink(), "see_ids");
        r.finish();
        return out;
    }

    ChecklistStage stage(const Json& v, const std::string& path) {
        ChecklistStage out;
        ObjectReader r(v, path, problems, file);
        if (!r.is_object()) return out;
        out.id = read_id(r, "stage.");
        out.title = text(r, "title");
        out.intro = text(r, "intro");
        out.sources = read_source_refs(r, sink());
        // Items of stage "stage.suspect" are "checklist.suspect.<step>".
        std::string prefix = "checklist.";
        if (!out.id.empty()) prefix += out.id.substr(std::string_view("stage.").size()) + ".";
        if (const Json* items = r.array("items", true)) {
            if (items->empty()) r.fail("items", "a stage needs at least one item");
            std::string items_path = pointer_child(path, "items");
            for (std::size_t i = 0; i < items->size(); ++i)
                out.items.push_back(item((*items)[i], pointer_child(items_path, i), prefix));
        }
        r.finish();
        return out;
    }
};

}  // namespace

Checklists load_checklists(const Json& doc, Problems& problems, const std::string& file) {
    Checklists out;
    Loader load{problems, file, {}};
    ObjectReader r(doc, "", problems, file);
    if (!r.is_object()) return out;
    if (auto schema = r.string("schema", true); schema && *schema != kContentSchema)
        r.fail("schema", "expected \"" + std::string(kContentSchema) + "\", got \"" + *schema + "\"");
    if (auto topic = r.string("topic", true); topic && *topic != "checklists")
        r.fail("topic", "expected \"checklists\" (the file's name), got \"" + *topic + "\"");
    out.title = load.text(r, "title");
    out.intro = load.text(r, "intro");
    out.sources = read_source_refs(r, load.sink());

    if (const Json* pages = r.array("pages", true)) {
        for (std::size_t i = 0; i < pages->size(); ++i) {
            ObjectReader p((*pages)[i], pointer_child("/pages", i), problems, file);
            if (!p.is_object()) continue;
            ChecklistPage page;
            page.id = load.read_id(p, "page.");
            page.title = load.text(p, "title");
            p.finish();
            out.pages.push_back(std::move(page));
        }
    }

    if (const Json* ask = r.object("ask_doctor", true)) {
        ObjectReader a(*ask, "/ask_doctor", problems, file);
        out.ask_doctor.title = load.text(a, "title");
        out.ask_doctor.checklist_heading = load.text(a, "checklist_heading");
        out.ask_doctor.missing_heading = load.text(a, "missing_heading");
        out.ask_doctor.nothing_open = load.text(a, "nothing_open");
        out.ask_doctor.disclaimer = load.text(a, "disclaimer");
        a.finish();
    }

    if (const Json* stages = r.array("stages", true)) {
        for (std::size_t i = 0; i < stages->size(); ++i)
            out.stages.push_back(load.stage((*stages)[i], pointer_child("/stages", i)));
        for (std::string_view needed : {kStageSuspect, kStageJustDiagnosed, kStageInTreatment, kStageFamily})
            if (!out.stage(needed)) r.fail("stages", "the stage \"" + std::string(needed) + "\" is missing");
    }
    r.finish();

    // Page links must name a page of this file; other links are resolved by the content check.
    for (std::size_t s = 0; s < out.stages.size(); ++s)
        for (std::size_t i = 0; i < out.stages[s].items.size(); ++i)
            for (std::size_t k = 0; k < out.stages[s].items[i].see_ids.size(); ++k) {
                const std::string& id = out.stages[s].items[i].see_ids[k];
                if (id.rfind("page.", 0) == 0 && !out.page(id))
                    problems.push_back({file, "/stages/" + std::to_string(s) + "/items/" + std::to_string(i) + "/see_ids",
                                        "\"" + id + "\" is not one of the pages listed in /pages"});
            }
    return out;
}

// ---- Progress and stage ---------------------------------------------------------------------

StageProgress stage_progress(const ChecklistStage& stage, const Record& r) {
    StageProgress p{stage.id, 0, stage.items.size()};
    for (const auto& item : stage.items)
        if (is_ticked(r, item.id)) ++p.done;
    return p;
}

std::vector<StageProgress> checklist_progress(const Checklists& c, const Record& r) {
    std::vector<StageProgress> out;
    for (const auto& s : c.stages) out.push_back(stage_progress(s, r));
    return out;
}

std::string_view suggest_stage(const Record& r) {
    static constexpr std::string_view kTreated[] = {"treatment_start", "treatment_end", "asct", "remission", "relapse"};
    for (auto kind : kTreated)
        if (first_event(r, kind)) return kStageInTreatment;
    if (first_event(r, "diagnosis")) return kStageJustDiagnosed;
    return kStageSuspect;
}

// ---- Ticks ----------------------------------------------------------------------------------

bool is_ticked(const Record& r, std::string_view item_id) { return tick_date(r, item_id).has_value(); }

std::optional<Date> tick_date(const Record& r, std::string_view item_id) {
    std::optional<Date> first;
    for (const auto& t : r.checklist)
        if (t.item_id == item_id && (!first || t.date < *first)) first = t.date;
    return first;
}

bool tick_item(Record& r, std::string_view item_id, const Date& date) {
    if (is_ticked(r, item_id)) return false;
    r.checklist.push_back({std::string(item_id), date});
    return true;
}

bool untick_item(Record& r, std::string_view item_id) {
    auto before = r.checklist.size();
    std::erase_if(r.checklist, [&](const ChecklistTick& t) { return t.item_id == item_id; });
    return r.checklist.size() != before;
}

// ---- Tests an item is about -----------------------------------------------------------------

std::vector<std::string> LabWorkupLinks::workup_ids_of(std::string_view test_id) const {
    if (auto it = lab_to_workup.find(test_id); it != lab_to_workup.end()) return it->second;
    return {std::string(test_id)};
}

LabWorkupLinks lab_workup_links(const Json* labs_doc, const Json* monitoring_doc) {
    LabWorkupLinks links;
    auto tests_of = [](const Json* doc) -> const Json* {
        if (!doc || !doc->is_object()) return nullptr;
        auto it = doc->find("tests");
        return it != doc->end() && it->is_array() ? &*it : nullptr;
    };
    auto string_at = [](const Json& o, const char* key) -> std::string {
        auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (const Json* tests = tests_of(monitoring_doc))
        for (const auto& t : *tests) {
            if (!t.is_object()) continue;
            std::string id = string_at(t, "id"), workup = string_at(t, "workup_id");
            if (!id.empty() && !workup.empty()) links.lab_to_workup[id] = {workup};
        }
    if (const Json* tests = tests_of(labs_doc))
        for (const auto& t : *tests) {
            if (!t.is_object()) continue;
            std::string id = string_at(t, "id");
            auto counts = t.find("counts_for_ids");
            if (id.empty() || counts == t.end() || !counts->is_array()) continue;
            std::vector<std::string> workups;
            for (const auto& c : *counts) {
                if (!c.is_string()) continue;
                std::string target = c.get<std::string>();
                std::vector<std::string> via = target.rfind("workup.", 0) == 0 ? std::vector<std::string>{target}
                                               : links.lab_to_workup.count(target) ? links.lab_to_workup[target]
                                                                                   : std::vector<std::string>{};
                for (auto& w : via)
                    if (std::find(workups.begin(), workups.end(), w) == workups.end()) workups.push_back(w);
            }
            if (!workups.empty()) links.lab_to_workup[id] = std::move(workups);
        }
    return links;
}

LabWorkupLinks lab_workup_links(const Content& content) {
    return lab_workup_links(content.topic("labs"), content.topic("monitoring"));
}

std::vector<ItemTestStatus> item_test_status(const ChecklistItem& item, const Record& r, const Date& today,
                                             const LabWorkupLinks& links) {
    std::vector<ItemTestStatus> out;
    for (const auto& workup_id : item.test_ids) out.push_back({workup_id, {}, {}, {}, {}});
    auto find = [&](std::string_view workup_id) -> ItemTestStatus* {
        for (auto& s : out)
            if (s.workup_id == workup_id) return &s;
        return nullptr;
    };
    auto later = [](std::optional<Date>& slot, const Date& d) { if (!slot || d > *slot) slot = d; };
    auto earlier = [](std::optional<Date>& slot, const Date& d) { if (!slot || d < *slot) slot = d; };

    for (const auto& lab : r.labs) {
        if (lab.date > today) continue;  // a result dated in the future is a typing slip, not a result yet
        for (const auto& w : links.workup_ids_of(lab.test_id))
            if (auto* s = find(w)) later(s->last_result, lab.date);
    }
    for (const auto& appt : r.appointments)
        for (const auto& test : appt.test_ids)
            for (const auto& w : links.workup_ids_of(test))
                if (auto* s = find(w)) {
                    // A past appointment counts only for the tests the person confirmed done at it.
                    bool confirmed = std::find(appt.done_test_ids.begin(), appt.done_test_ids.end(), test) !=
                                     appt.done_test_ids.end();
                    if (appt.date > today) earlier(s->next_appointment, appt.date);
                    else if (confirmed) later(s->last_appointment, appt.date);
                    else later(s->unconfirmed_appointment, appt.date);
                }
    return out;
}

// ---- What to ask my doctor ------------------------------------------------------------------

std::string ask_my_doctor_text(const Checklists& c, const ChecklistStage& stage, const Record& r,
                               const std::vector<std::string>& missing_lines, std::string_view lang,
                               std::optional<Date> prepared_on) {
    const std::string& title = c.ask_doctor.title.in(lang);
    // Underline as wide as the title in characters (UTF-8 continuation bytes do not count).
    auto width = std::count_if(title.begin(), title.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; });
    std::string out = title + "\n" + std::string(static_cast<std::size_t>(width), '=') + "\n";
    out += stage.title.in(lang) + "\n";
    if (prepared_on) out += to_string(*prepared_on) + "\n";

    out += "\n" + c.ask_doctor.checklist_heading.in(lang) + ":\n";
    bool any_open = false;
    for (const auto& item : stage.items) {
        if (is_ticked(r, item.id)) continue;
        out += "- " + item.label.in(lang) + "\n";
        any_open = true;
    }
    if (!any_open) out += c.ask_doctor.nothing_open.in(lang) + "\n";

    bool any_missing = std::any_of(missing_lines.begin(), missing_lines.end(),
                                   [](const std::string& l) { return l.find_first_not_of(" \t") != std::string::npos; });
    if (any_missing) {
        out += "\n" + c.ask_doctor.missing_heading.in(lang) + ":\n";
        for (const auto& line : missing_lines)
            if (line.find_first_not_of(" \t") != std::string::npos) out += "- " + line + "\n";
    }
    out += "\n" + c.ask_doctor.disclaimer.in(lang) + "\n";
    return out;
}

}  // namespace poems
