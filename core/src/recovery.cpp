#include "poems/recovery.hpp"

#include "monitoring_read.hpp"

namespace poems {

using monitoring_detail::read_cited_text;

std::optional<TreatmentAnchor> treatment_anchor(const Record& record) {
    auto asct = last_event(record, "asct");
    auto start = last_event(record, "treatment_start");
    if (!asct && !start) return std::nullopt;
    // Later wins; on the same day the transplant is the more specific event.
    if (asct && (!start || *asct >= *start)) return TreatmentAnchor{*asct, "asct"};
    return TreatmentAnchor{*start, "treatment_start"};
}

static std::optional<CitedText> read_cited_object(ObjectReader& top, const char* key, ReadSink sink,
                                                  const std::string& prefix) {
    const Json* j = top.object(key, true);
    if (!j) return std::nullopt;
    ObjectReader r(*j, pointer_child(top.path(), key), sink.problems, sink.file);
    auto out = read_cited_text(r, sink, prefix);
    r.finish();
    return out;
}

std::optional<RecoveryContent> load_recovery(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;
    ReadSink sink{problems, file};
    monitoring_detail::read_header(top, "recovery");
    RecoveryContent c;
    c.title = read_lang_text(top, sink, "title").value_or(LangText{});
    c.intro = read_lang_text(top, sink, "intro").value_or(LangText{});
    if (auto a = read_cited_object(top, "anchor", sink, "recovery.")) c.anchor = *a;
    if (auto a = read_cited_object(top, "before_treatment", sink, "recovery.")) c.before_treatment = *a;
    if (auto a = read_cited_object(top, "beyond", sink, "recovery.")) c.beyond = *a;

    if (const Json* phases = top.array("phases", true)) {
        if (phases->empty()) top.fail("phases", "must list at least one phase");
        int expected_from = 0;
        bool open_end_seen = false;
        for (std::size_t i = 0; i < phases->size(); ++i) {
            ObjectReader r((*phases)[i], pointer_child("/phases", i), problems, file);
            if (!r.is_object()) continue;
            RecoveryPhase p;
            auto id = monitoring_detail::read_id(r, "recovery.phase.");
            auto from = r.integer("from_months", true);
            auto to = r.integer("to_months");
            auto name = read_lang_text(r, sink, "name");
            auto text = read_lang_text(r, sink, "text");
            p.sources = read_source_refs(r, sink);
            r.finish();
            if (!id || !from || !name || !text) continue;
            if (open_end_seen) r.fail("", "comes after a phase without an end (to_months)");
            if (*from != expected_from)
                r.fail("from_months", "expected " + std::to_string(expected_from) +
                                          " (phases must follow each other without gaps or overlaps)");
            if (to && *to <= *from) r.fail("to_months", "must be after from_months");
            if (to && *to > 1200) r.fail("to_months", "must be at most 1200 months");
            p.id = *id;
            p.from_months = static_cast<int>(*from);
            if (to) p.to_months = static_cast<int>(*to);
            p.name = *name;
            p.text = *text;
            expected_from = to ? static_cast<int>(*to) : expected_from;
            open_end_seen = !to;
            c.phases.push_back(std::move(p));
        }
    }
    if (const Json* hl = top.array("highlights", true)) {
        for (std::size_t i = 0; i < hl->size(); ++i) {
            ObjectReader r((*hl)[i], pointer_child("/highlights", i), problems, file);
            if (!r.is_object()) continue;
            auto t = read_cited_text(r, sink, "recovery.");
            // The figures are kept as data for the app's page; they must match the text, which says them.
            for (const char* k : {"patients", "wheelchair_before_percent", "wheelchair_at_follow_up_percent"})
                if (auto n = r.integer(k); n && *n < 0) r.fail(k, "must not be below zero");
            r.finish();
            if (t) c.highlights.push_back(*t);
        }
    }
    top.finish();
    if (problems.size() != before) return std::nullopt;
    return c;
}

RecoveryStatus recovery_status(std::optional<TreatmentAnchor> anchor, const RecoveryContent& content, Date today) {
    RecoveryStatus s;
    s.anchor = anchor;
    if (!anchor) {
        s.message = &content.before_treatment;
        return s;
    }
    if (today < anchor->date) {
        s.stage = RecoveryStage::before_treatment;
        s.message = &content.before_treatment;
        return s;
    }
    s.months_since = whole_months_between(anchor->date, today);
    for (const auto& p : content.phases) {
        if (s.months_since >= p.from_months && (!p.to_months || s.months_since < *p.to_months)) {
            s.stage = RecoveryStage::in_phase;
            s.phase = &p;
            return s;
        }
    }
    s.stage = RecoveryStage::beyond_timeline;
    s.message = &content.beyond;
    return s;
}

RecoveryStatus recovery_status(const Record& record, const RecoveryContent& content, Date today) {
    return recovery_status(treatment_anchor(record), content, today);
}

}  // namespace poems
