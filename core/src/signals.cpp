#include "poems/signals.hpp"

#include <algorithm>

namespace poems {

static void rising(const SignalRule& rule, const Record& record, const LabCatalogue& cat, Date today,
                   std::vector<Signal>& out) {
    for (const auto& test_id : rule.test_ids) {
        Series s = series(record, cat, test_id, /*allow_conventional=*/false);
        std::vector<SeriesPoint> pts;
        for (const auto& p : s.points)
            if (p.date <= today) pts.push_back(p);
        const std::size_t need = static_cast<std::size_t>(rule.consecutive_rises) + 1;
        if (pts.size() < need) continue;
        bool up = true;
        for (std::size_t i = pts.size() - need + 1; i < pts.size(); ++i) up = up && pts[i].value > pts[i - 1].value;
        if (!up) continue;
        Signal sig{rule.id, &rule, test_id, {}, {}};
        for (std::size_t i = pts.size() - need; i < pts.size(); ++i) {
            sig.data.push_back(to_string(pts[i].date) + ": " + format_number(pts[i].value) + " " + s.unit);
            sig.entry_ids.push_back(pts[i].result_id);
        }
        out.push_back(std::move(sig));
    }
}

static void symptoms(const SignalRule& rule, const Record& record, Date today, const DiaryContent* diary,
                     std::vector<Signal>& out) {
    const Date from = add_days(today, -(rule.lookback_days - 1));
    struct Hit {
        const SymptomEntry* entry;
        std::string line;
    };
    std::vector<Hit> hits;
    for (const auto& symptom_id : rule.symptom_ids) {
        std::vector<const SymptomEntry*> list;
        for (const auto& e : record.symptoms)
            if (e.symptom_id == symptom_id && e.date <= today) list.push_back(&e);
        std::stable_sort(list.begin(), list.end(), [](const SymptomEntry* a, const SymptomEntry* b) { return a->date < b->date; });
        const DiaryChoice* named = diary ? diary->symptom(symptom_id) : nullptr;
        const std::string name = named ? named->name.in() : symptom_id;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const SymptomEntry& e = *list[i];
            if (e.date < from || e.severity <= 0) continue;
            std::string why;
            if (i == 0) why = "first entry";
            else if (e.severity > list[i - 1]->severity)
                why = "up from " + std::to_string(list[i - 1]->severity) + "/10 on " + to_string(list[i - 1]->date);
            else continue;
            hits.push_back({&e, to_string(e.date) + ": " + name + ", severity " + std::to_string(e.severity) + "/10 (" + why + ")"});
        }
    }
    if (hits.empty()) return;
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.entry->date < b.entry->date; });
    Signal sig{rule.id, &rule, "", {}, {}};
    for (auto& h : hits) {
        sig.data.push_back(std::move(h.line));
        sig.entry_ids.push_back(h.entry->id);
    }
    out.push_back(std::move(sig));
}

std::vector<Signal> find_signals(const Record& record, const LabCatalogue& cat, const MonitoringPlan& plan, Date today,
                                 const DiaryContent* diary) {
    std::vector<Signal> out;
    for (const auto& rule : plan.signals) {
        if (rule.kind == "rising_results") rising(rule, record, cat, today, out);
        else if (rule.kind == "symptom_entries") symptoms(rule, record, today, diary, out);
    }
    return out;
}

}  // namespace poems
