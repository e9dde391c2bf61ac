#include "poems/schedule.hpp"

#include "poems/by_id.hpp"
#include "poems/risk_factors.hpp"
#include "poems/text.hpp"

#include "monitoring_read.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace poems {

using monitoring_detail::read_cited_text;
using monitoring_detail::read_id;

const MonitoringTest* MonitoringPlan::test(std::string_view id) const {
    return find_by_id(tests, id);
}

const ScheduleRow* MonitoringPlan::row(std::string_view id) const {
    return find_by_id(rows, id);
}

const CitedText* MonitoringPlan::note(std::string_view id) const {
    return find_by_id(notes, id);
}

const MonitoringPhase* MonitoringPlan::phase(std::string_view id) const {
    if (first_phase.id == id) return &first_phase;
    if (until_extension.id == id) return &until_extension;
    return find_by_id(extension_steps, id);
}

const char* to_string(ItemStatus s) {
    switch (s) {
        case ItemStatus::upcoming: return "upcoming";
        case ItemStatus::due: return "due";
        case ItemStatus::overdue: return "overdue";
        case ItemStatus::done: return "done";
    }
    return "upcoming";
}

// ---------------------------------------------------------------------------------------------
// Loading

namespace {

struct Loader {
    Problems& problems;
    const std::string& file;
    ReadSink sink{problems, file};

    std::optional<int> months(ObjectReader& r, std::string_view key, bool required, int min = 1, int max = 120) {
        auto n = r.integer(key, required);
        if (!n) return std::nullopt;
        if (*n < min || *n > max) {
            r.fail(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
            return std::nullopt;
        }
        return static_cast<int>(*n);
    }


    std::optional<MonitoringPhase> phase(const Json& j, const std::string& path, bool step) {
        ObjectReader r(j, path, problems, file);
        if (!r.is_object()) return std::nullopt;
        MonitoringPhase p;
        auto id = read_id(r, "monitoring.phase.");
        auto name = read_lang_text(r, sink, "name");
        auto text = read_lang_text(r, sink, "text");
        if (step) {
            p.interval_months = months(r, "interval_months", true).value_or(0);
            p.lasts_months = months(r, "lasts_months", false);
        } else {
            p.months = months(r, "months", false);
        }
        p.sources = read_source_refs(r, sink);
        r.finish();
        if (!id || !name || !text) return std::nullopt;
        p.id = *id;
        p.name = *name;
        p.text = *text;
        return p;
    }
};

}  // namespace

std::optional<MonitoringPlan> load_monitoring_plan(const Json& doc, Problems& problems, const std::string& file) {
    const std::size_t before = problems.size();
    ObjectReader top(doc, "", problems, file);
    if (!top.is_object()) return std::nullopt;
    Loader L{problems, file};
    ReadSink sink = L.sink;
    monitoring_detail::read_header(top, "monitoring");
    MonitoringPlan m;
    m.title = read_lang_text(top, sink, "title").value_or(LangText{});
    m.intro = read_lang_text(top, sink, "intro").value_or(LangText{});

    if (const Json* tests = top.array("tests", true)) {
        for (std::size_t i = 0; i < tests->size(); ++i) {
            ObjectReader r((*tests)[i], pointer_child("/tests", i), problems, file);
            if (!r.is_object()) continue;
            MonitoringTest t;
            auto id = read_id(r, "monitoring.test.");
            auto short_name = read_lang_text(r, sink, "short");
            auto name = read_lang_text(r, sink, "name");
            t.note = read_lang_text(r, sink, "note", false);
            if (r.value("workup_id")) t.workup_id = read_id(r, "workup.", "workup_id").value_or("");
            t.sources = read_source_refs(r, sink);
            r.finish();
            if (!id || !short_name || !name) continue;
            if (m.test(*id)) {
                r.fail("id", "duplicate id \"" + *id + "\"");
                continue;
            }
            t.id = *id;
            t.short_name = *short_name;
            t.name = *name;
            m.tests.push_back(std::move(t));
        }
    }
    // A list of test ids that must name tests of this file.
    auto test_ids = [&](ObjectReader& r, std::string_view key) {
        auto ids = read_id_list(r, sink, key, true, {"monitoring.test."});
        std::vector<std::string> ok;
        for (const auto& id : ids) {
            if (!m.test(id)) r.fail(key, "\"" + id + "\" is not a test of /tests");
            else ok.push_back(id);
        }
        if (ok.empty() && ids.empty()) r.fail(key, "must list at least one test");
        return ok;
    };

    if (const Json* phases = top.array("phases", true)) {
        if (phases->size() != 2) top.fail("phases", "expected exactly 2 phases: the first years, then until the extension");
        for (std::size_t i = 0; i < phases->size() && i < 2; ++i) {
            auto p = L.phase((*phases)[i], pointer_child("/phases", i), false);
            if (!p) continue;
            if (i == 0 && !p->months) problems.push_back({file, pointer_child("/phases", i), "the first phase needs \"months\""});
            (i == 0 ? m.first_phase : m.until_extension) = *p;
        }
    }

    if (const Json* rows = top.array("rows", true)) {
        for (std::size_t i = 0; i < rows->size(); ++i) {
            std::string path = pointer_child("/rows", i);
            ObjectReader r((*rows)[i], path, problems, file);
            if (!r.is_object()) continue;
            ScheduleRow row;
            auto id = read_id(r, "monitoring.row.");
            auto interval = L.months(r, "interval_months", true);
            auto name = read_lang_text(r, sink, "name");
            auto why = read_lang_text(r, sink, "why");
            row.test_ids = test_ids(r, "test_ids");
            if (const Json* conds = r.array("conditions")) {
                for (std::size_t k = 0; k < conds->size(); ++k) {
                    ObjectReader c((*conds)[k], pointer_child(pointer_child(path, "conditions"), k), problems, file);
                    if (!c.is_object()) continue;
                    TestCondition tc;
                    auto cid = read_id(c, "monitoring.condition.");
                    auto tid = c.string("test_id", true);
                    auto text = read_lang_text(c, sink, "text");
                    tc.met_if_any_present_ids = read_id_list(c, sink, "met_if_any_present_ids", true, {"prognosis."});
                    tc.sources = read_source_refs(c, sink);
                    c.finish();
                    if (tid && std::find(row.test_ids.begin(), row.test_ids.end(), *tid) == row.test_ids.end())
                        c.fail("test_id", "\"" + *tid + "\" is not one of this row's tests");
                    if (tc.met_if_any_present_ids.empty()) c.fail("met_if_any_present_ids", "must list at least one factor");
                    if (!cid || !tid || !text) continue;
                    tc.id = *cid;
                    tc.test_id = *tid;
                    tc.text = *text;
                    row.conditions.push_back(std::move(tc));
                }
            }
            row.sources = read_source_refs(r, sink);
            r.finish();
            if (!id || !interval || !name || !why) continue;
            row.id = *id;
            row.interval_months = *interval;
            row.name = *name;
            row.why = *why;
            m.rows.push_back(std::move(row));
        }
        // A test in two rows would get two windows that overlap: refuse.
        std::map<std::string, std::string> owner;
        for (const auto& row : m.rows)
            for (const auto& t : row.test_ids)
                if (!owner.emplace(t, row.id).second)
                    problems.push_back({file, "/rows", "test \"" + t + "\" is in both " + owner[t] + " and " + row.id});
    }

    if (const Json* list = top.array("as_indicated", true)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            ObjectReader r((*list)[i], pointer_child("/as_indicated", i), problems, file);
            if (!r.is_object()) continue;
            AsIndicatedTest a;
            auto id = read_id(r, "monitoring.as_indicated.");
            auto tid = r.string("test_id", true);
            auto when = read_lang_text(r, sink, "when");
            a.sources = read_source_refs(r, sink);
            r.finish();
            if (tid && !m.test(*tid)) r.fail("test_id", "\"" + *tid + "\" is not a test of /tests");
            if (!id || !tid || !when) continue;
            a.id = *id;
            a.test_id = *tid;
            a.when = *when;
            m.as_indicated.push_back(std::move(a));
        }
    }

    if (const Json* ext = top.object("extension", true)) {
        ObjectReader r(*ext, "/extension", problems, file);
        m.extension_id = read_id(r, "monitoring.").value_or("");
        m.extension_after_remission_months = L.months(r, "after_months_of_sustained_remission", true).value_or(24);
        m.extension_not_before_months = L.months(r, "not_before_months_after_treatment", true).value_or(24);
        m.extension_name = read_lang_text(r, sink, "name").value_or(LangText{});
        m.extension_text = read_lang_text(r, sink, "text").value_or(LangText{});
        if (const Json* steps = r.array("steps", true)) {
            if (steps->empty()) r.fail("steps", "must list at least one step");
            for (std::size_t i = 0; i < steps->size(); ++i) {
                std::string path = pointer_child("/extension/steps", i);
                auto p = L.phase((*steps)[i], path, true);
                if (!p) continue;
                bool last = i + 1 == steps->size();
                if (!last && !p->lasts_months) problems.push_back({file, path, "every step but the last needs \"lasts_months\""});
                if (last && p->lasts_months) problems.push_back({file, path, "the last step lasts until the end: leave out \"lasts_months\""});
                if (!m.extension_steps.empty() && p->interval_months <= m.extension_steps.back().interval_months)
                    problems.push_back({file, path, "each step must space tests out more than the one before"});
                m.extension_steps.push_back(std::move(*p));
            }
        }
        m.extension_sources = read_source_refs(r, sink);
        r.finish();
    }

    if (const Json* b = top.object("baseline", true)) {
        ObjectReader r(*b, "/baseline", problems, file);
        m.baseline_id = read_id(r, "monitoring.").value_or("");
        m.baseline_counts_from_months = L.months(r, "counts_from_months_before_diagnosis", true, 0, 60).value_or(6);
        m.baseline_name = read_lang_text(r, sink, "name").value_or(LangText{});
        m.baseline_why = read_lang_text(r, sink, "why").value_or(LangText{});
        m.baseline_test_ids = test_ids(r, "test_ids");
        if (const Json* w = r.object("workup", true)) {
            ObjectReader wr(*w, "/baseline/workup", problems, file);
            if (auto t = read_cited_text(wr, sink, "monitoring.", "why")) m.baseline_workup = *t;
            m.baseline_workup_test_ids = test_ids(wr, "test_ids");
            wr.finish();
        }
        m.baseline_sources = read_source_refs(r, sink);
        r.finish();
    }

    if (const Json* s = top.object("statuses", true)) {
        ObjectReader r(*s, "/statuses", problems, file);
        if (auto t = read_cited_text(r, sink, "monitoring.")) m.statuses = *t;
        m.due_soon_days = L.months(r, "due_soon_days", true, 0, 365).value_or(14);
        m.overdue_after_days = L.months(r, "overdue_after_days", true, 0, 365).value_or(30);
        r.finish();
    }

    if (const Json* notes = top.array("notes", true)) {
        for (std::size_t i = 0; i < notes->size(); ++i) {
            ObjectReader r((*notes)[i], pointer_child("/notes", i), problems, file);
            if (!r.is_object()) continue;
            auto n = read_cited_text(r, sink, "monitoring.note.");
            r.finish();
            if (n) m.notes.push_back(std::move(*n));
        }
        // The generator refers to these by id; a renamed note would silently vanish.
        for (const char* needed : {"monitoring.note.no_dates", "monitoring.note.starts_after_treatment",
                                   "monitoring.note.no_remission_date", "monitoring.note.relapse_recorded",
                                   "monitoring.note.condition_unknown", "monitoring.note.condition_not_met"})
            if (!m.note(needed)) top.fail("notes", std::string("missing the note \"") + needed + "\" the schedule uses");
    }

    if (const Json* signals = top.array("signals", true)) {
        for (std::size_t i = 0; i < signals->size(); ++i) {
            ObjectReader r((*signals)[i], pointer_child("/signals", i), problems, file);
            if (!r.is_object()) continue;
            SignalRule s;
            auto id = read_id(r, "monitoring.signal.");
            auto kind = r.one_of("kind", {"rising_results", "symptom_entries"}, true);
            auto name = read_lang_text(r, sink, "name");
            auto text = read_lang_text(r, sink, "text");
            auto rule = read_lang_text(r, sink, "rule");
            if (kind == "rising_results") {
                s.test_ids = read_id_list(r, sink, "test_ids", true, {"labs."});
                if (s.test_ids.empty()) r.fail("test_ids", "must list at least one lab test");
                s.consecutive_rises = L.months(r, "consecutive_rises", true, 1, 20).value_or(2);
            } else if (kind == "symptom_entries") {
                s.lookback_days = L.months(r, "lookback_days", true, 1, 3650).value_or(90);
                s.symptom_ids = read_id_list(r, sink, "symptom_ids", true, {"diary.symptom."});
                if (s.symptom_ids.empty()) r.fail("symptom_ids", "must list at least one symptom of the diary");
            } else {
                for (const char* k : {"test_ids", "consecutive_rises", "lookback_days", "symptom_ids"}) r.ignore(k);
            }
            s.sources = read_source_refs(r, sink);
            r.finish();
            if (!id || !kind || !name || !text || !rule) continue;
            s.id = *id;
            s.kind = *kind;
            s.name = *name;
            s.text = *text;
            s.rule = *rule;
            m.signals.push_back(std::move(s));
        }
    }
    top.finish();
    if (problems.size() != before) return std::nullopt;
    return m;
}

// ---------------------------------------------------------------------------------------------
// Generating

Record record_from_dates(std::optional<Date> diagnosed, std::optional<Date> treated, std::optional<Date> remission) {
    Record r;
    if (diagnosed) r.events.push_back({"event-1", "diagnosis", *diagnosed, "", ""});
    if (treated) r.events.push_back({"event-2", "treatment_start", *treated, "", ""});
    if (remission) r.events.push_back({"event-3", "remission", *remission, "", ""});
    return r;
}

static std::string compact(const Date& d) {
    std::string s = to_string(d);
    s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
    return s;
}

namespace {

// Where a result or an appointment shows that a test happened.
struct Evidence {
    Date date;
    bool appointment = false;
    bool confirmed = true;  // an appointment: the person confirmed the test done at it
    std::string what;  // "labs.albumin 2025-03-02"
};

// Evidence per monitoring test, sorted by date.
std::map<std::string, std::vector<Evidence>> collect_evidence(const Record& record, const MonitoringPlan& plan,
                                                              const LabCatalogue& cat) {
    std::map<std::string, std::vector<Evidence>> out;
    for (const auto& lab : record.labs) {
        const LabTest* t = cat.test(lab.test_id);
        if (!t) continue;
        for (const auto& m : t->counts_for_ids) out[m].push_back({lab.date, false, true, lab.test_id + " " + to_string(lab.date)});
    }
    for (const auto& a : record.appointments) {
        for (const auto& mt : plan.tests) {
            bool listed = false, confirmed = false;
            for (const auto& id : a.test_ids) {
                bool here = false;
                if (id == mt.id || (!mt.workup_id.empty() && id == mt.workup_id)) here = true;
                else if (const LabTest* t = cat.test(id))
                    here = std::find(t->counts_for_ids.begin(), t->counts_for_ids.end(), mt.id) != t->counts_for_ids.end();
                if (!here) continue;
                listed = true;
                confirmed = confirmed || std::find(a.done_test_ids.begin(), a.done_test_ids.end(), id) != a.done_test_ids.end();
            }
            if (listed) out[mt.id].push_back({a.date, true, confirmed, "appointment " + to_string(a.date)});
        }
    }
    for (auto& [_, list] : out)
        std::stable_sort(list.begin(), list.end(), [](const Evidence& a, const Evidence& b) { return a.date < b.date; });
    return out;
}

void mark(PlannedTest& t, const std::map<std::string, std::vector<Evidence>>& evidence, Date today) {
    auto it = evidence.find(t.test_id);
    if (it == evidence.end()) return;
    for (const auto& e : it->second) {
        if (e.date < t.window_start || !(e.date < t.window_end)) continue;
        if (e.date <= today && e.confirmed) {
            t.done = true;
            t.planned = false;
            t.unconfirmed.reset();
            t.evidence = e.what;
            return;
        }
        if (e.date <= today) t.unconfirmed = e.date;  // a past appointment, not confirmed: not done
        else if (e.appointment) t.planned = true;
    }
}

Tri condition_state(const TestCondition& c, const RiskFactorReport* risk) {
    if (!risk) return Tri::unknown;
    bool all_absent = true;
    for (const auto& id : c.met_if_any_present_ids) {
        Tri s = risk->state(id);
        if (s == Tri::present) return Tri::present;
        if (s != Tri::absent) all_absent = false;
    }
    return all_absent ? Tri::absent : Tri::unknown;
}

ItemStatus date_status(Date due, Date today, const MonitoringPlan& plan) {
    if (today > add_days(due, plan.overdue_after_days)) return ItemStatus::overdue;
    if (today >= add_days(due, -plan.due_soon_days)) return ItemStatus::due;
    return ItemStatus::upcoming;
}

struct Occurrence {
    Date date;
    const ScheduleRow* row;
    std::string phase_id;
    int interval;  // months, as used in this segment
};

}  // namespace

Plan make_schedule(const Record& record, const MonitoringPlan& plan, const LabCatalogue& cat, Date today,
                   int horizon_months, const RiskFactorReport* risk) {
    Plan out;
    out.today = today;
    out.until = add_months(today, std::max(0, horizon_months));
    out.anchor = treatment_anchor(record);
    out.diagnosis = first_event(record, "diagnosis");
    auto note = [&](const char* id) {
        if (std::find(out.note_ids.begin(), out.note_ids.end(), id) == out.note_ids.end()) out.note_ids.push_back(id);
    };
    auto sort_notes = [&] {
        auto rank = [&](const std::string& id) {
            for (std::size_t i = 0; i < plan.notes.size(); ++i)
                if (plan.notes[i].id == id) return i;
            return plan.notes.size();
        };
        std::stable_sort(out.note_ids.begin(), out.note_ids.end(),
                         [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
    };
    const auto evidence = collect_evidence(record, plan, cat);

    // Appointments from today on, with the names of the tests planned at them.
    for (const auto& a : record.appointments) {
        if (a.date < today) continue;
        PlanAppointment pa{a, {}};
        for (const auto& id : a.test_ids) {
            LangText name;
            for (const auto& mt : plan.tests)
                if (mt.id == id || (!mt.workup_id.empty() && mt.workup_id == id)) name = mt.name;
            if (name.empty())
                if (const LabTest* t = cat.test(id)) name = t->name;
            pa.test_names.push_back(std::move(name));
        }
        out.appointments.push_back(std::move(pa));
    }
    std::stable_sort(out.appointments.begin(), out.appointments.end(),
                     [](const PlanAppointment& x, const PlanAppointment& y) { return x.appointment.date < y.appointment.date; });

    // Before treatment: the baseline tests.
    if ((!out.anchor || out.anchor->date > today) && (out.diagnosis || out.anchor)) {
        BaselinePlan b;
        Date start = out.diagnosis ? *out.diagnosis : out.anchor->date;
        b.counts_from = add_months(start, -plan.baseline_counts_from_months);
        auto add = [&](std::vector<PlannedTest>& list, const std::vector<std::string>& ids, const std::string& row) {
            for (const auto& id : ids) {
                PlannedTest t;
                t.test_id = id;
                t.row_id = row;
                t.window_start = b.counts_from;
                t.window_end = out.anchor ? out.anchor->date : add_days(out.until, 1);
                mark(t, evidence, today);
                list.push_back(std::move(t));
            }
        };
        add(b.tests, plan.baseline_test_ids, plan.baseline_id);
        add(b.workup, plan.baseline_workup_test_ids, plan.baseline_workup.id);
        bool all = std::all_of(b.tests.begin(), b.tests.end(), [](const PlannedTest& t) { return t.done; });
        b.status = all ? ItemStatus::done : ItemStatus::due;
        out.baseline = std::move(b);
        note("monitoring.note.starts_after_treatment");
    }
    if (!out.anchor) {
        if (!out.diagnosis) note("monitoring.note.no_dates");
        sort_notes();
        return out;
    }
    const Date T = out.anchor->date;

    // Sustained remission: the latest remission on or after T with no relapse after it.
    std::optional<Date> remission, relapse;
    for (const auto& e : record.events) {
        if (e.date < T) continue;
        if (e.kind == "remission" && (!remission || e.date > *remission)) remission = e.date;
        if (e.kind == "relapse" && (!relapse || e.date > *relapse)) relapse = e.date;
    }
    const Date first_phase_end = add_months(T, plan.first_phase.months.value_or(24));
    if (relapse && (!remission || *relapse >= *remission)) {
        remission.reset();
        note("monitoring.note.relapse_recorded");
    }
    if (remission && *remission <= today) out.remission = remission;
    else remission.reset();  // a remission dated after today is not sustained yet
    // Only worth saying once the plan reaches past the first phase.
    if (!remission && !relapse && out.until > first_phase_end) note("monitoring.note.no_remission_date");
    if (remission)
        out.extension_start = std::max(add_months(T, plan.extension_not_before_months),
                                       add_months(*remission, plan.extension_after_remission_months));

    // Segments: until the extension, then each extension step.
    struct Segment {
        Date start;
        std::optional<Date> end;  // inclusive; none for open
        int floor = 0;            // shortest interval in this segment
        std::string phase_id;     // "" = first phase / until extension, decided per date
    };
    std::vector<Segment> segments;
    segments.push_back({T, out.extension_start, 0, ""});
    if (out.extension_start) {
        Date s = *out.extension_start;
        for (const auto& step : plan.extension_steps) {
            std::optional<Date> end;
            if (step.lasts_months) end = add_months(s, *step.lasts_months);
            segments.push_back({s, end, step.interval_months, step.id});
            if (!end) break;
            s = *end;
        }
    }
    // Make dates beyond `until` too, so the last item's window has a real next date.
    const Date make_until = add_months(out.until, 24);
    std::vector<Occurrence> occ;
    for (const auto& seg : segments) {
        for (const auto& row : plan.rows) {
            // Every date stays on the treatment date's grid (T + k x interval): spacing out skips
            // visits instead of moving them, and rows with intervals 3, 6, 12 keep meeting.
            int interval = std::max(row.interval_months, seg.floor);
            for (int k = 1;; ++k) {
                Date d = add_months(T, k * interval);
                if ((seg.end && d > *seg.end) || d > make_until) break;
                if (d <= seg.start && seg.start != T) continue;  // belongs to the segment before
                std::string phase = seg.phase_id;
                if (phase.empty()) phase = d <= first_phase_end ? plan.first_phase.id : plan.until_extension.id;
                occ.push_back({d, &row, phase, interval});
            }
        }
    }

    // Conditions of conditional tests.
    std::map<std::string, std::pair<const TestCondition*, Tri>> conditions;
    for (const auto& row : plan.rows)
        for (const auto& c : row.conditions) {
            Tri s = condition_state(c, risk);
            conditions[c.test_id] = {&c, s};
            if (s == Tri::absent) note("monitoring.note.condition_not_met");
            if (s == Tri::unknown) note("monitoring.note.condition_unknown");
        }

    // Windows per test: midpoints between its own consecutive dates.
    std::map<std::string, std::vector<std::pair<Date, int>>> dates_of;  // test -> (date, interval)
    for (const auto& o : occ)
        for (const auto& t : o.row->test_ids) dates_of[t].push_back({o.date, o.interval});
    std::map<std::pair<std::string, long>, std::pair<Date, Date>> window;  // (test, day) -> [start, end)
    for (auto& [test, list] : dates_of) {
        std::sort(list.begin(), list.end());
        for (std::size_t i = 0; i < list.size(); ++i) {
            Date d = list[i].first;
            Date prev = i > 0 ? list[i - 1].first : T;
            Date next = i + 1 < list.size() ? list[i + 1].first : add_months(d, list[i].second);
            long back = days_between(prev, d) / 2;
            long ahead = (days_between(d, next) + 1) / 2;
            window[{test, days_since_epoch(d)}] = {add_days(d, -back), add_days(d, ahead)};
        }
    }

    // One item per date.
    std::stable_sort(occ.begin(), occ.end(), [](const Occurrence& a, const Occurrence& b) { return a.date < b.date; });
    for (std::size_t i = 0; i < occ.size();) {
        Date d = occ[i].date;
        if (d > out.until) break;
        PlanItem item;
        item.due = d;
        item.phase_id = occ[i].phase_id;
        item.uid = "poems-" + compact(d) + "-t" + compact(T) + "@poems-companion";
        // Rows in content order for a stable listing.
        std::vector<const ScheduleRow*> rows;
        for (; i < occ.size() && occ[i].date == d; ++i) rows.push_back(occ[i].row);
        std::sort(rows.begin(), rows.end());
        for (const auto& row : plan.rows) {
            if (std::find(rows.begin(), rows.end(), &row) == rows.end()) continue;
            bool any = false;
            for (const auto& tid : row.test_ids) {
                PlannedTest t;
                t.test_id = tid;
                t.row_id = row.id;
                if (auto c = conditions.find(tid); c != conditions.end()) {
                    if (c->second.second == Tri::absent) continue;
                    t.applies = c->second.second;
                    t.condition_id = c->second.first->id;
                }
                auto w = window[{tid, days_since_epoch(d)}];
                t.window_start = w.first;
                t.window_end = w.second;
                mark(t, evidence, today);
                item.tests.push_back(std::move(t));
                any = true;
            }
            if (any) item.why.push_back({row.id, row.why, row.sources});
        }
        if (item.tests.empty()) continue;
        bool counted = false, all_done = true;
        for (const auto& t : item.tests) {
            if (t.applies != Tri::present) continue;
            counted = true;
            all_done = all_done && t.done;
        }
        item.status = counted && all_done ? ItemStatus::done : date_status(d, today, plan);
        out.items.push_back(std::move(item));
    }
    out.as_indicated = plan.as_indicated;
    sort_notes();
    return out;
}

std::vector<const PlanItem*> upcoming_items(const Plan& plan, Date from) {
    std::vector<const PlanItem*> out;
    for (const auto& item : plan.items)
        if (item.due >= from && item.status != ItemStatus::done) out.push_back(&item);
    return out;
}

}  // namespace poems
