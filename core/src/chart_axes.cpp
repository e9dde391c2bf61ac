#include "poems/chart_axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace poems {

namespace {
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}

double nice_step(double range, int count) {
    if (!(range > 0) || count < 1) return 1;
    const double raw = range / count;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

ValueAxis value_axis(double y0, double y1, int count) {
    if (!(y0 <= y1) || !std::isfinite(y0) || !std::isfinite(y1)) y0 = 0, y1 = 1;
    if (y0 >= 0 && y0 <= 0.5 * y1) y0 = 0;
    if (y1 - y0 < 1e-9) {
        const double d = std::max(std::fabs(y1) * 0.1, 1.0);
        y0 = std::max(0.0, y0 - d), y1 += d;
    }
    ValueAxis a;
    a.step = nice_step(y1 - y0, count);
    a.max = std::ceil((y1 + (y1 - y0) * 0.05) / a.step) * a.step;
    a.min = std::floor(y0 / a.step) * a.step;
    for (double v = a.min; v <= a.max + a.step * 0.5; v += a.step)
        a.ticks.push_back(std::fabs(v) < a.step * 1e-6 ? 0.0 : v);
    return a;
}

DayRange day_range(Date from, Date to) {
    double x0 = double(days_since_epoch(from)), x1 = double(days_since_epoch(to));
    if (x1 - x0 < 20) {
        const double mid = (x0 + x1) / 2;
        x0 = mid - 15, x1 = mid + 15;
    }
    const double pad = (x1 - x0) * 0.04;
    return {x0 - pad, x1 + pad};
}

std::vector<DateTick> date_ticks(double d0, double d1, const TicksFit& fits) {
    std::vector<DateTick> ticks;
    const Date first = date_from_days(static_cast<long>(std::ceil(d0)));
    const Date last = date_from_days(static_cast<long>(std::floor(d1)));
    const double span = std::max(1.0, d1 - d0);

    for (int step : {1, 2, 7, 14}) {
        if (!fits(span / step, "30 Sep")) continue;
        for (long d = days_since_epoch(first); d <= days_since_epoch(last); ++d) {
            const Date date = date_from_days(d);
            const bool on = step == 7 || step == 14 ? (date.day - 1) % step == 0 && date.day <= 28 : (d % step) == 0;
            if (!on) continue;
            char buf[32];
            std::snprintf(buf, sizeof buf, "%d %s", date.day, kMonths[date.month - 1]);
            ticks.push_back({d, buf});
        }
        return ticks;
    }
    for (int step : {1, 2, 3, 6}) {
        if (!fits(span / (30.4 * step), "Sep 2025")) continue;
        Date m{first.year, first.month, 1};
        if (m < first) m = add_months(m, 1);
        bool first_label = true;
        for (; m <= last; m = add_months(m, 1)) {
            if ((m.month - 1) % step != 0) continue;
            char buf[32];
            if (first_label || m.month == 1) std::snprintf(buf, sizeof buf, "%s %d", kMonths[m.month - 1], m.year);
            else std::snprintf(buf, sizeof buf, "%s", kMonths[m.month - 1]);
            first_label = false;
            ticks.push_back({days_since_epoch(m), buf});
        }
        return ticks;
    }
    for (int step : {1, 2, 5, 10, 20, 50}) {
        if (!fits(span / (365.25 * step), "2025") && step != 50) continue;
        for (int y = first.year; y <= last.year + 1; ++y) {
            const Date jan{y, 1, 1};
            if (y % step != 0 || jan < first || jan > last) continue;
            ticks.push_back({days_since_epoch(jan), std::to_string(y)});
        }
        return ticks;
    }
    return ticks;
}

std::vector<AxisEvent> axis_events(const Record& record, double from_day, double to_day) {
    std::vector<AxisEvent> out;
    for (const auto& e : record.events) {
        const long day = days_since_epoch(e.date);
        if (day < from_day || day > to_day) continue;
        out.push_back({day, e.kind, e.id, e.treatment_type});
    }
    std::stable_sort(out.begin(), out.end(), [](const AxisEvent& a, const AxisEvent& b) { return a.day < b.day; });
    return out;
}

}  // namespace poems
