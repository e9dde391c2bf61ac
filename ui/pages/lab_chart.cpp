#include "pages/lab_chart.hpp"

#include "app/palette.hpp"

#include "app/test_hooks.hpp"
#include "app/words.hpp"
#include "pages/monitoring_dates.hpp"
#include "poems/chart_axes.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace poems::ui {

namespace {

double g_last_build_ms = 0;

// The tapped point of each chart, by chart id: a tooltip vanishes with the finger on a phone, so
// a tap keeps the point's label on screen until the next tap.
std::map<std::string, std::string>& selected_points() {
    static std::map<std::string, std::string> m;
    return m;
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 color, float thickness) {
    const float len = b.x - a.x;
    for (float x = 0; x < len; x += 10) dl->AddLine(ImVec2(a.x + x, a.y), ImVec2(a.x + std::min(x + 6, len), a.y), color, thickness);
}

}  // namespace

double last_chart_build_ms() { return g_last_build_ms; }

std::vector<ChartMark> treatment_marks(const Record& record, const ChartView& view) {
    const DayRange days = day_range(view.from, view.to);
    std::vector<ChartMark> out;
    for (const auto& e : axis_events(record, days.from, days.to)) {
        std::string label = event_kind_label(e.kind);
        if (!e.treatment_type.empty()) label += ": " + e.treatment_type;
        for (const auto& ev : record.events)
            if (ev.id == e.event_id) out.push_back({ev.date, label});
    }
    return out;
}

bool date_labels_fit(double count, std::string_view sample, float plot_width) {
    const float gap = ImGui::GetFontSize();
    return count * (ImGui::CalcTextSize(sample.data(), sample.data() + sample.size()).x + gap) <= plot_width;
}

std::string draw_lab_chart(const std::string& id, const Series& series, const std::vector<ChartGuide>& guides,
                           const ChartView& view, float height, const std::vector<ChartMark>& marks) {
    const auto started = std::chrono::steady_clock::now();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(100.0f, ImGui::GetContentRegionAvail().x);
    const ImVec2 size(width, height);

    ImGui::PushID(id.c_str());
    ImGui::InvisibleButton("chart", size);
    name_last_item("labs:chart:" + id);
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked();
    ImGui::PopID();

    // Colours from the style and the palette, so the chart follows the light and dark themes.
    const ImU32 bg = ImGui::GetColorU32(ImGuiCol_FrameBg);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_PlotLines);
    const ImU32 accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
    const ImU32 guide_col = colour_u32(Tone::chart_guide);
    const ImU32 band_col = colour_u32(Tone::chart_band);
    (void)line;

    // ---- Ranges ----------------------------------------------------------------------------
    const auto& pts = series.points;
    const DayRange days = day_range(view.from, view.to);  // core/chart_axes: the documents' charts share it
    const double x0 = days.from, x1 = days.to;
    // Visible points: the series is sorted by date, so two binary searches find them; one point
    // on each side is kept so the line runs off the edge instead of stopping short.
    auto by_day = [](const SeriesPoint& p, double d) { return double(days_since_epoch(p.date)) < d; };
    std::size_t lo = std::lower_bound(pts.begin(), pts.end(), x0, by_day) - pts.begin();
    std::size_t hi = std::lower_bound(pts.begin(), pts.end(), x1, by_day) - pts.begin();
    const std::size_t first = lo > 0 ? lo - 1 : lo, last = std::min(pts.size(), hi + 1);

    double y0 = HUGE_VAL, y1 = -HUGE_VAL;
    for (std::size_t i = lo; i < hi; ++i) y0 = std::min(y0, pts[i].value), y1 = std::max(y1, pts[i].value);
    for (const auto& g : guides) y0 = std::min(y0, g.from), y1 = std::max(y1, g.to);
    // A zero baseline when it costs little room (rises read honestly), whole steps: core/chart_axes.
    const ValueAxis axis = value_axis(y0, y1, height > 180 ? 4 : 3);
    y0 = axis.min, y1 = axis.max;

    // ---- Layout: labels left and below, the plot in between --------------------------------
    float label_w = 0;
    for (double v : axis.ticks) label_w = std::max(label_w, ImGui::CalcTextSize(format_number(v).c_str()).x);
    const ImVec2 p0(origin.x + label_w + style.ItemInnerSpacing.x * 2, origin.y + font * 0.5f);
    const ImVec2 p1(origin.x + width - font * 0.5f, origin.y + height - font - style.ItemInnerSpacing.y * 2);
    const float pw = p1.x - p0.x, ph = p1.y - p0.y;
    auto sx = [&](double day) { return float(p0.x + (day - x0) / (x1 - x0) * pw); };
    auto sy = [&](double v) { return float(p1.y - (v - y0) / (y1 - y0) * ph); };

    dl->AddRectFilled(p0, p1, bg, 4.0f);
    for (double v : axis.ticks) {
        const float y = sy(v);
        dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
        const std::string l = format_number(v);
        const ImVec2 ts = ImGui::CalcTextSize(l.c_str());
        dl->AddText(ImVec2(p0.x - style.ItemInnerSpacing.x - ts.x, y - ts.y * 0.5f), muted, l.c_str());
    }
    auto fits = [&](double count, std::string_view sample) { return date_labels_fit(count, sample, pw); };
    for (const auto& t : date_ticks(x0, x1, fits)) {
        const float x = sx(double(t.day));
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), grid);
        const ImVec2 ts = ImGui::CalcTextSize(t.label.c_str());
        const float lx = std::clamp(x - ts.x * 0.5f, origin.x, origin.x + width - ts.x);
        dl->AddText(ImVec2(lx, p1.y + style.ItemInnerSpacing.y), muted, t.label.c_str());
    }

    dl->PushClipRect(p0, p1, true);
    // Reference bands and lines from content, under the data.
    for (const auto& g : guides) {
        if (g.to > g.from) dl->AddRectFilled(ImVec2(p0.x, sy(g.to)), ImVec2(p1.x, sy(g.from)), band_col);
        dashed_line(dl, ImVec2(p0.x, sy(g.to)), ImVec2(p1.x, sy(g.to)), guide_col, 1.5f);
        const ImVec2 ts = ImGui::CalcTextSize(g.label.c_str());
        float ly = sy(g.to) - ts.y - 2;
        if (ly < p0.y) ly = sy(g.to) + 2;
        dl->AddText(ImVec2(p1.x - ts.x - 4, ly), guide_col, g.label.c_str());
    }

    // Treatment events: a dashed vertical line each, labelled at the top (alternating rows so
    // two close events stay readable).
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const float x = sx(double(days_since_epoch(marks[i].date)));
        for (float y = p0.y; y < p1.y; y += 8) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + 4, p1.y)), muted, 1.5f);
        const ImVec2 ts = ImGui::CalcTextSize(marks[i].label.c_str());
        const float lx = x + 3 + ts.x > p1.x ? x - 3 - ts.x : x + 3;
        dl->AddText(ImVec2(lx, p0.y + 2 + float(i % 2) * ts.y), muted, marks[i].label.c_str());
    }

    // The line: per pixel column only the lowest and highest value are kept (in date order), so a
    // dense series keeps its peaks but costs no more than the plot's width.
    static std::vector<ImVec2> poly;
    poly.clear();
    int column = INT32_MIN;
    ImVec2 cmin, cmax;
    auto flush = [&] {
        if (column == INT32_MIN) return;
        poly.push_back(cmin);
        if (cmax.y != cmin.y) poly.push_back(cmax);
    };
    for (std::size_t i = first; i < last; ++i) {
        const ImVec2 p(sx(double(days_since_epoch(pts[i].date))), sy(pts[i].value));
        const int c = int(std::floor(p.x));
        if (c != column) {
            flush();
            column = c, cmin = cmax = p;
        } else {
            if (p.y < cmin.y) cmin = p;  // screen y grows downwards: smaller y = higher value
            if (p.y > cmax.y) cmax = p;
        }
    }
    flush();
    if (poly.size() >= 2) dl->AddPolyline(poly.data(), int(poly.size()), accent, ImDrawFlags_None, 2.0f);

    // Points when there is room for them; a dense series is the line alone (the point under the
    // pointer is still marked below).
    const float radius = std::max(3.0f, font * 0.22f);
    const bool room = float(hi - lo) * radius * 2.5f < pw;
    for (std::size_t i = lo; room && i < hi; ++i) {
        const ImVec2 p(sx(double(days_since_epoch(pts[i].date))), sy(pts[i].value));
        dl->AddCircleFilled(p, radius, accent, 12);
        if (pts[i].conventional) dl->AddCircle(p, radius + 2, guide_col, 12);
    }

    // The point nearest the pointer (hover on a desktop, tap on a phone).
    std::string& selected = selected_points()[id];
    std::string tapped;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    long nearest = -1;
    if ((hovered || clicked) && hi > lo) {
        const double day = x0 + (mouse.x - p0.x) / pw * (x1 - x0);
        std::size_t k = std::lower_bound(pts.begin() + lo, pts.begin() + hi, day, by_day) - pts.begin();
        float best = 1e30f;
        // Neighbours by date, then nearest on screen among the few around.
        for (std::size_t i = (k > lo + 8 ? k - 8 : lo); i < std::min(hi, k + 8); ++i) {
            const float dx = sx(double(days_since_epoch(pts[i].date))) - mouse.x, dy = sy(pts[i].value) - mouse.y;
            const float d = dx * dx + dy * dy * 0.25f;
            if (d < best) best = d, nearest = long(i);
        }
        const float reach = font * 2.0f;
        if (nearest >= 0 && best > reach * reach) nearest = -1;
    }
    if (clicked) {
        tapped = nearest >= 0 ? pts[nearest].result_id : "";
        selected = tapped;
    }
    long shown = nearest;
    if (shown < 0 && !selected.empty())
        for (std::size_t i = lo; i < hi; ++i)
            if (pts[i].result_id == selected) shown = long(i);
    if (shown >= 0) {
        const SeriesPoint& sp = pts[shown];
        const ImVec2 p(sx(double(days_since_epoch(sp.date))), sy(sp.value));
        dl->AddCircle(p, radius + 3, text, 16, 2.0f);
        const std::string label = (sp.conventional ? "≈ " : "") + format_number(sp.value) + " " + series.unit + "\n" +
                                  to_string(sp.date);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const ImVec2 pad(6, 4);
        // Beside the point, kept inside the plot.
        float bx = p.x + radius + 6;
        if (bx + ts.x + pad.x * 2 > p1.x) bx = p.x - radius - 6 - ts.x - pad.x * 2;
        float by = std::clamp(p.y - ts.y - pad.y * 2 - 4, p0.y + 2, p1.y - ts.y - pad.y * 2 - 2);
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + ts.x + pad.x * 2, by + ts.y + pad.y * 2),
                          ImGui::GetColorU32(ImGuiCol_PopupBg), 4.0f);
        dl->AddRect(ImVec2(bx, by), ImVec2(bx + ts.x + pad.x * 2, by + ts.y + pad.y * 2), grid, 4.0f);
        dl->AddText(ImVec2(bx + pad.x, by + pad.y), text, label.c_str());
    }
    dl->PopClipRect();
    if (pts.empty()) {
        const char* none = words("labs.chart_empty");
        const ImVec2 ts = ImGui::CalcTextSize(none);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) / 2, (p0.y + p1.y - ts.y) / 2), muted, none);
    }

    g_last_build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return tapped;
}

}  // namespace poems::ui
