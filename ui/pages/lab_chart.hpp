// A trend chart of one lab test, drawn with ImGui's draw list (no plotting library): dated
// x-axis, the person's values as points joined by lines, optional reference lines and bands from
// content, and the exact value of a point under the pointer (or the last tapped one on phones).
//
// Cheap to draw: points are sorted by date, so the visible ones are found by binary search and
// points that would land on the same pixel column are drawn once; a 10-year series of thousands
// of points costs about as much as the few hundred pixels it covers.
#pragma once

#include "poems/dates.hpp"
#include "poems/labs.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace poems::ui {

// A horizontal line (from == to) or band [from, to] in the series' unit, with a short label.
struct ChartGuide {
    double from = 0, to = 0;
    std::string label;  // "1000 pg/mL: diagnostic figure"
};

// A dated mark on the time axis: a treatment event (poems::axis_events), drawn as a dashed
// vertical line with a short label.
struct ChartMark {
    Date date;
    std::string label;  // "Stem cell transplant (ASCT)"
};

struct ChartView {
    Date from, to;  // the dates shown; the chart pads them a little
};

// Draws the chart at full available width and `height` logical pixels. `id` names the chart's
// rectangle for tests ("labs:chart:<id>"). Returns the id of the result the person tapped, or "".
std::string draw_lab_chart(const std::string& id, const Series& series, const std::vector<ChartGuide>& guides,
                           const ChartView& view, float height, const std::vector<ChartMark>& marks = {});

// The record's treatment events within a view, as marks (every chart shows them).
std::vector<ChartMark> treatment_marks(const Record& record, const ChartView& view);

// Whether `count` date labels as wide as `sample` fit side by side in a plot `plot_width` wide,
// one font size apart, measured with the current font: the chart's rule for date_ticks()
// (poems/chart_axes.hpp), tested headlessly in tests/ui.
bool date_labels_fit(double count, std::string_view sample, float plot_width);

// Milliseconds the last draw_lab_chart call took to build its drawing (for the benchmark).
double last_chart_build_ms();

}  // namespace poems::ui
