// bench_schedule: how long it takes to generate a 10-year monitoring plan (and its signals and
// iCalendar export) for a record with 10 years of quarterly results. "Today" is the treatment date,
// so the recorded remission still lies ahead and the plan is the longest one: 3-monthly for 10
// years. Prints the median of many runs.
// Usage: bench_schedule [RUNS]   (default 200)
#include "poems/embedded_files.hpp"
#include "poems/ics.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"
#include "poems/signals.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace poems;

template <typename F>
static double median_us(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        auto a = std::chrono::steady_clock::now();
        f();
        auto b = std::chrono::steady_clock::now();
        t.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    Problems problems;
    auto doc = [&](std::string_view name) {
        for (const auto& f : embedded_content_files())
            if (name == f.name)
                if (auto j = parse_json_text(f.text, f.name, problems)) return *j;
        return Json();
    };
    auto labs = load_lab_catalogue(doc("labs.json"), problems);
    auto plan = load_monitoring_plan(doc("monitoring.json"), problems);
    auto prognosis = load_prognosis(doc("prognosis.json"), problems);
    if (!labs || !plan || !prognosis) {
        for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 1;
    }

    // Treated 2015-01-15, in remission from mid-2015, every lab test logged every 3 months, a
    // symptom entry a month and an appointment per visit, up to today (2025-01-15).
    const Date treated{2015, 1, 15}, today{2025, 1, 15};
    Record r = record_from_dates(Date{2014, 11, 1}, treated, Date{2015, 7, 1});
    int n = 0;
    for (Date d = add_months(treated, 3); d <= today; d = add_months(d, 3)) {
        for (const auto& t : labs->tests)
            r.labs.push_back({"lab-" + std::to_string(++n), t.id, 1.0, t.main_unit, d, ""});
        r.appointments.push_back({"appt-" + std::to_string(n), d, "visit", {"workup.history_and_exam"}, "", {"workup.history_and_exam"}});
    }
    for (Date d = treated; d <= today; d = add_months(d, 1))
        r.symptoms.push_back({"sym-" + std::to_string(++n), d, "", 2, "", "diary.symptom.fatigue"});

    auto risk = evaluate_risk_factors(r, *prognosis, *labs, today);
    Plan p;
    double schedule = median_us(runs, [&] { p = make_schedule(r, *plan, *labs, treated, 120, &risk); });
    double signals = median_us(runs, [&] { (void)find_signals(r, *labs, *plan, today); });
    std::string ics;
    double export_ics = median_us(runs, [&] { ics = schedule_to_ics(p, *plan, treated); });
    std::printf("record: %zu lab results, %zu appointments, %zu symptom entries\n", r.labs.size(), r.appointments.size(),
                r.symptoms.size());
    std::printf("10-year plan: %zu dated items (median of %d runs)\n", p.items.size(), runs);
    std::printf("  make_schedule    %10.1f us\n", schedule);
    std::printf("  find_signals     %10.1f us\n", signals);
    std::printf("  schedule_to_ics  %10.1f us  (%zu bytes)\n", export_ics, ics.size());
    return 0;
}
