#include "poems/diary.hpp"

#include "monitoring_read.hpp"
#include "poems/schedule.hpp"

#include <algorithm>
#include <set>

namespace poems {

using monitoring_detail::read_cited_text;
using monitoring_detail::read_id;

std::optional<int> DiaryScale::rank(std::string_view level_id) const {
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (levels[i].id == level_id) return static_cast<int>(i);
    return std::nullopt;
}

const DiaryChoice* DiaryScale::level(std::string_view level_id) const {
    for (const auto& l : levels)
        if (l.id == level_id) return &l;
    return nullptr;
}

const DiaryChoice* DiaryContent::symptom(std::string_view id) const {
    for (const auto& s : symptoms)
        if (s.id == id) return &s;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Loading

namespace {

// {"id", "name"}: a choice of a list; `sources` required unless the parent's are inherited.
std::optional<DiaryChoice> read_choice(const Json& j, const std::string& path, const std::string& prefix, bool own_sources,
                                       ReadSink sink, std::set<std::string>& seen) {
    ObjectReader r(j, path, sink.problems, sink.file);
    if (!r.is_object()) return std::nullopt;
    DiaryChoice c;
    auto id = read_id(r, prefix);
    auto name = read_lang_text(r, sink, "name");
    if (own_sources) c.sources = read_source_refs(r, sink);
    r.finish();
    if (!id || !name) return std::nullopt;
    if (!seen.insert(*id).second) {
        r.fail("id", "\"" + *id + "\" is listed twice");
        return std::nullopt;
    }
    c.id = *id;
    c.name = *name;
    return c;
}

std::optional<DiaryScale> read_scale(ObjectReader& top, const char* key, ReadSink sink) {
    const Json* j = top.object(key, true);
    if (!j) return std::nullopt;
    const std::string path = pointer_child("", key);
    ObjectReader r(*j, path, sink.problems, sink.file);
    DiaryScale s;
    const std::string prefix = std::string("diary.") + key;
    auto id = read_id(r, "diary.");
    if (id && *id != prefix) r.fail("id", "expected \"" + prefix + "\"");
    s.id = id.value_or("");
    s.name = read_lang_text(r, sink, "name").value_or(LangText{});
    s.question = read_lang_text(r, sink, "question").value_or(LangText{});
    s.text = read_lang_text(r, sink, "text").value_or(LangText{});
    s.sources = read_source_refs(r, sink);
    std::set<std::string> seen;
    if (const Json* levels = r.array("levels", true)) {
        if (levels->size() < 2) r.fail("levels", "must list at least two levels, from the best to the worst");
        for (std::size_t i = 0; i < levels->size(); ++i)
            if (auto c = read_choice((*levels)[i], pointer_child(pointer_child(path, "levels"), i), prefix + ".", false, sink, seen)) {
                c->sources = s.sources;
                s.levels.push_back(std::move(*c));
            }
    }
    r.finish();
    return s;
}

}  // namespace

std::optional<DiaryContent> load_diary_content(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;
    ReadSink sink{problems, file};
    monitoring_detail::read_header(top, "diary");
    DiaryContent c;
    c.title = read_lang_text(top, sink, "title").value_or(LangText{});
    c.intro = read_lang_text(top, sink, "intro").value_or(LangText{});

    if (const Json* sym = top.object("symptoms", true)) {
        ObjectReader r(*sym, "/symptoms", problems, file);
        if (auto t = read_cited_text(r, sink, "diary.")) c.symptoms_text = *t;
        std::set<std::string> seen;
        if (const Json* items = r.array("items", true)) {
            if (items->empty()) r.fail("items", "must list at least one symptom");
            for (std::size_t i = 0; i < items->size(); ++i)
                if (auto ch = read_choice((*items)[i], pointer_child("/symptoms/items", i), "diary.symptom.", true, sink, seen))
                    c.symptoms.push_back(std::move(*ch));
        }
        r.finish();
    }
    if (auto s = read_scale(top, "walking", sink)) c.walking = std::move(*s);
    if (auto s = read_scale(top, "hands", sink)) c.hands = std::move(*s);
    if (const Json* w = top.object("weight", true)) {
        ObjectReader r(*w, "/weight", problems, file);
        c.weight_name = read_lang_text(r, sink, "name").value_or(LangText{});
        if (auto t = read_cited_text(r, sink, "diary.")) c.weight = *t;
        r.finish();
    }
    top.finish();
    if (problems.size() != before) return std::nullopt;
    return c;
}

// ---------------------------------------------------------------------------------------------
// A record against the content

std::vector<UnknownDiaryId> unknown_diary_ids(const Record& record, const DiaryContent& diary, const MonitoringPlan& plan,
                                              const LabCatalogue& catalogue) {
    std::vector<UnknownDiaryId> out;
    for (const auto& e : record.symptoms)
        if (!e.symptom_id.empty() && !diary.symptom(e.symptom_id)) out.push_back({"symptoms", e.id, "symptom_id", e.symptom_id});
    for (const auto& f : record.function) {
        if (!f.walking.empty() && !diary.walking.level(f.walking)) out.push_back({"function", f.id, "walking", f.walking});
        if (!f.hands.empty() && !diary.hands.level(f.hands)) out.push_back({"function", f.id, "hands", f.hands});
    }
    auto known_test = [&](const std::string& id) {
        if (catalogue.test(id)) return true;
        for (const auto& t : plan.tests)
            if (t.id == id || (!t.workup_id.empty() && t.workup_id == id)) return true;
        return false;
    };
    for (const auto& a : record.appointments)
        for (const auto& t : a.test_ids)
            if (!known_test(t)) out.push_back({"appointments", a.id, "test_ids", t});
    return out;
}

// ---------------------------------------------------------------------------------------------
// Series

static void by_date(std::vector<DiaryPoint>& pts) {
    std::stable_sort(pts.begin(), pts.end(), [](const DiaryPoint& a, const DiaryPoint& b) { return a.date < b.date; });
}

std::vector<DiaryPoint> symptom_series(const Record& record, std::string_view symptom_id) {
    std::vector<DiaryPoint> pts;
    for (const auto& e : record.symptoms)
        if (e.symptom_id == symptom_id) pts.push_back({e.date, static_cast<double>(e.severity), e.id});
    by_date(pts);
    return pts;
}

std::vector<DiaryPoint> function_series(const Record& record, const DiaryScale& scale, bool hands) {
    std::vector<DiaryPoint> pts;
    for (const auto& f : record.function) {
        const std::string& level = hands ? f.hands : f.walking;
        if (level.empty()) continue;
        if (auto r = scale.rank(level)) pts.push_back({f.date, static_cast<double>(*r), f.id});
    }
    by_date(pts);
    return pts;
}

std::vector<DiaryPoint> weight_series_kg(const Record& record) {
    std::vector<DiaryPoint> pts;
    for (const auto& w : record.weights)
        pts.push_back({w.date, w.unit == "lb" ? w.value * kKilogramsPerPound : w.value, w.id});
    by_date(pts);
    return pts;
}

}  // namespace poems
