// The axes of a small trend chart: value steps and date ticks, shared by the ImGui lab chart
// (ui/pages/lab_chart.cpp) and the SVG charts of the printable documents (document.hpp), so both
// show the same ticks for the same series. Pure: how wide a label is comes from the caller.
#pragma once

#include "poems/dates.hpp"
#include "poems/record.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

// 1, 2 or 5 times a power of ten, so that about `count` steps cover `range` (1 for a range <= 0).
double nice_step(double range, int count);

// The value axis for data between `lo` and `hi` (reference lines included): a zero baseline when
// it costs at most half the height (so rises read honestly), a little room above the highest
// value, ends on whole steps. ticks run from min to max, `step` apart.
struct ValueAxis {
    double min = 0, max = 1, step = 1;
    std::vector<double> ticks;
};
ValueAxis value_axis(double lo, double hi, int count);

// The dates shown, as days since the epoch: at least 30 days wide, padded by 4% on both sides.
struct DayRange {
    double from = 0, to = 1;
};
DayRange day_range(Date from, Date to);

struct DateTick {
    long day = 0;       // days since the epoch
    std::string label;  // "3 Mar", "Mar 2025" / "Jun", "2025"
};

// Whether `count` labels as wide as `sample` fit the plot's width; the caller measures.
using TicksFit = std::function<bool(double count, std::string_view sample)>;

// Date ticks between two days: days (every 1, 2, 7 or 14), months (every 1, 2, 3 or 6) or years
// (every 1, 2, 5, 10, 20 or 50), whichever is the finest that `fits`.
std::vector<DateTick> date_ticks(double from_day, double to_day, const TicksFit& fits);

// Treatment events marked on a chart's time axis (every chart: labs, diary, documents), so a change
// can be read against what was done: the record's events whose date lies within [from_day, to_day]
// (days since the epoch), by date. The caller names the kind in its words.
struct AxisEvent {
    long day = 0;
    std::string kind;      // "diagnosis", "treatment_start", "treatment_end", "asct", "remission", "relapse"
    std::string event_id;  // the record's TreatmentEvent::id
    std::string treatment_type;  // as the person typed it, for treatment_start
};
std::vector<AxisEvent> axis_events(const Record& record, double from_day, double to_day);

}  // namespace poems
