#include "poems/signals.hpp"

#include "poems/text.hpp"

#include <cctype>

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

static void symptoms(const SignalRule& rule, const Record& record, Date today, std::vector<Signal>& out) {
    const Date from = add_days(today, -(rule.lookback_days - 1));
    Signal sig{rule.id, &rule, "", {}, {}};
    for (const auto& e : record.symptoms) {
        if (e.date < from || e.date > today) continue;
        std::string text = ascii_lower(e.symptom);
        for (const auto& w : rule.words) {
            if (text.find(w) == std::string::npos) continue;
            sig.data.push_back(to_string(e.date) + ": " + e.symptom +
                               (e.severity > 0 ? " (severity " + std::to_string(e.severity) + "/10)" : ""));
            sig.entry_ids.push_back(e.id);
            break;
        }
    }
    if (!sig.data.empty()) out.push_back(std::move(sig));
}

std::vector<Signal> find_signals(const Record& record, const LabCatalogue& cat, const MonitoringPlan& plan, Date today) {
    std::vector<Signal> out;
    for (const auto& rule : plan.signals) {
        if (rule.kind == "rising_results") rising(rule, record, cat, today, out);
        else if (rule.kind == "symptom_words") symptoms(rule, record, today, out);
    }
    return out;
}

}  // namespace poems
