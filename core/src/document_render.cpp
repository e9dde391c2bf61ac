// HTML and plain text for a Document (poems/document.hpp).
#include "poems/document.hpp"

#include <cmath>
#include <cstdio>

namespace poems {

namespace {

// The document's stylesheet. Its exact bytes are hashed into the browser app's CSP (style-src
// 'sha256-...' in web/index.html and web/embed.html): a document opened from a Blob URL inherits
// the app's policy. tests/cli/test_summary.sh checks the hash; change both together.
constexpr std::string_view kCss =
    "@page{size:auto;margin:10mm 11mm 11mm}"
    "html{font:8.5pt/1.25 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",\"DejaVu Sans\",sans-serif;"
    "color:#111;background:#fff}"
    "body{margin:0 auto;max-width:190mm;padding:10px}"
    "h1{font-size:13pt;margin:0 0 1pt}"
    "h2{font-size:10pt;margin:6pt 0 2pt;padding-bottom:1pt;border-bottom:1px solid #777;break-after:avoid}"
    "header p{margin:0}"
    "p,ul,ol{margin:1.5pt 0}"
    "ul,ol{padding-left:13pt}"
    "table{border-collapse:collapse;width:100%;margin:2pt 0;font-size:8pt}"
    "th,td{border:1px solid #aaa;padding:0.5pt 3pt;text-align:left;vertical-align:top}"
    "th{background:#e8e8e8}"
    "tr,li,figure{break-inside:avoid}"
    ".cite{font-size:7pt;color:#333;white-space:nowrap}"
    ".date{white-space:nowrap}"
    ".lead{margin:2pt 0 0}"
    ".charts{display:flex;flex-wrap:wrap;gap:3pt 6pt;margin:3pt 0}"
    ".chart{margin:0;width:35mm}"
    ".chart svg{display:block;width:100%;height:auto}"
    ".chart figcaption{font-size:7pt;line-height:1.1}"
    ".refs{font-size:6.5pt;line-height:1.2;columns:2;column-gap:12pt;margin:2pt 0}"
    ".full{font-size:6.5pt;line-height:1.2;margin:2pt 0;padding-left:13pt}"
    "@media print{body{padding:0;max-width:none}}";

std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string cites_text(const std::vector<int>& cites) {
    std::string out;
    for (int n : cites) out += (out.empty() ? "" : ", ") + std::to_string(n);
    return out.empty() ? out : "[" + out + "]";
}

// A cell that is only a date stays on one line.
bool is_date(const std::string& s) {
    return s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_date(s).has_value();
}

std::string cell_html(const Cell& c) {
    std::string out = esc(c.text);
    if (!c.cites.empty()) out += " <span class=\"cite\">" + cites_text(c.cites) + "</span>";
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string chart_svg(const DocChart& ch) {
    const double x0 = kChartPlotLeft, x1 = kChartPlotRight, y0 = kChartPlotTop, y1 = kChartPlotBottom;
    auto sx = [&](double day) { return x0 + (day - ch.days.from) / (ch.days.to - ch.days.from) * (x1 - x0); };
    auto sy = [&](double v) { return y1 - (v - ch.values.min) / (ch.values.max - ch.values.min) * (y1 - y0); };
    std::string label = ch.title + ", " + ch.unit + ": ";
    for (std::size_t i = 0; i < ch.points.size(); ++i)
        label += (i ? "; " : "") + to_string(date_from_days(ch.points[i].day)) + " " + format_number(ch.points[i].value);
    std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(kChartWidth) + " " +
                    num(kChartHeight) + "\" role=\"img\" aria-label=\"" + esc(label) + "\">";
    s += "<rect x=\"" + num(x0) + "\" y=\"" + num(y0) + "\" width=\"" + num(x1 - x0) + "\" height=\"" + num(y1 - y0) +
         "\" fill=\"#f4f4f4\"/>";
    for (double v : ch.values.ticks) {
        const std::string y = num(sy(v));
        s += "<line x1=\"" + num(x0) + "\" y1=\"" + y + "\" x2=\"" + num(x1) + "\" y2=\"" + y +
             "\" stroke=\"#c8c8c8\" stroke-width=\"0.6\"/>";
        s += "<text x=\"" + num(x0 - 3) + "\" y=\"" + num(sy(v) + 3) +
             "\" font-size=\"8\" text-anchor=\"end\" fill=\"#222\">" + esc(format_number(v)) + "</text>";
    }
    for (const auto& t : ch.date_ticks) {
        const std::string x = num(sx(double(t.day)));
        s += "<line x1=\"" + x + "\" y1=\"" + num(y0) + "\" x2=\"" + x + "\" y2=\"" + num(y1) +
             "\" stroke=\"#c8c8c8\" stroke-width=\"0.6\"/>";
        s += "<text x=\"" + x + "\" y=\"" + num(y1 + 10) + "\" font-size=\"8\" text-anchor=\"middle\" fill=\"#222\">" +
             esc(t.label) + "</text>";
    }
    std::string pts;
    for (const auto& p : ch.points) {
        if (!pts.empty()) pts += ' ';
        pts += num(sx(double(p.day))) + "," + num(sy(p.value));
    }
    s += "<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"#1f4e8c\" stroke-width=\"1.4\"/>";
    for (const auto& p : ch.points)
        s += "<circle cx=\"" + num(sx(double(p.day))) + "\" cy=\"" + num(sy(p.value)) + "\" r=\"1.8\" fill=\"#1f4e8c\"/>";
    s += "</svg>";
    return s;
}

}  // namespace

std::string_view document_css() { return kCss; }

std::string render_html(const Document& doc) {
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"" + esc(doc.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<title>" + esc(doc.title) + " — " + to_string(doc.date) + "</title>\n";
    h += "<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>" + esc(doc.title) + "</h1>\n";
    for (const auto& c : doc.header) h += "<p>" + cell_html(c) + "</p>\n";
    h += "</header>\n";
    int untitled = 0;
    for (const auto& s : doc.sections) {
        const std::string hid = "h-" + (s.id.empty() ? "s" + std::to_string(++untitled) : s.id);
        if (s.heading.empty()) h += "<section>\n";
        else h += "<section aria-labelledby=\"" + hid + "\">\n<h2 id=\"" + hid + "\">" + esc(s.heading) + "</h2>\n";
        for (const auto& b : s.blocks) {
            switch (b.kind) {
                case Block::Kind::paragraph: h += "<p>" + cell_html(b.text) + "</p>\n"; break;
                case Block::Kind::list:
                    if (!b.text.text.empty()) h += "<p class=\"lead\">" + cell_html(b.text) + "</p>\n";
                    h += "<ul>\n";
                    for (const auto& c : b.items) h += "<li>" + cell_html(c) + "</li>\n";
                    h += "</ul>\n";
                    break;
                case Block::Kind::table:
                    if (!b.text.text.empty()) h += "<p class=\"lead\">" + cell_html(b.text) + "</p>\n";
                    h += "<table>\n<thead><tr>";
                    for (const auto& head : b.header) h += "<th scope=\"col\">" + esc(head) + "</th>";
                    h += "</tr></thead>\n<tbody>\n";
                    for (const auto& row : b.rows) {
                        h += "<tr>";
                        for (std::size_t i = 0; i < row.size(); ++i)
                            h += std::string(i == 0 ? "<th scope=\"row\"" : "<td") +
                                 (is_date(row[i].text) ? " class=\"date\">" : ">") + cell_html(row[i]) +
                                 (i == 0 ? "</th>" : "</td>");
                        h += "</tr>\n";
                    }
                    h += "</tbody>\n</table>\n";
                    break;
                case Block::Kind::charts:
                    h += "<div class=\"charts\">\n";
                    for (const auto& ch : b.charts)
                        h += "<figure class=\"chart\" id=\"" + esc(ch.id) + "\">" + chart_svg(ch) + "<figcaption>" +
                             esc(ch.title) + " (" + esc(ch.unit) + ")</figcaption></figure>\n";
                    h += "</div>\n";
                    break;
            }
        }
        h += "</section>\n";
    }
    if (!doc.references.empty()) {
        h += "<section aria-labelledby=\"h-references\">\n<h2 id=\"h-references\">" + esc(doc.references_heading) +
             "</h2>\n<ol class=\"refs\">\n";
        for (const auto& r : doc.references)
            h += "<li id=\"ref-" + std::to_string(r.number) + "\">" + esc(r.citation) + "</li>\n";
        h += "</ol>\n<h3 class=\"cite\">" + esc(doc.documents_heading) + "</h3>\n<ul class=\"full\">\n";
        for (const auto& d : doc.documents_in_full) h += "<li>" + esc(d) + "</li>\n";
        h += "</ul>\n</section>\n";
    }
    h += "</main>\n</body>\n</html>\n";
    return h;
}

std::string render_text(const Document& doc) {
    std::string t;
    auto line = [&](const Cell& c) {
        t += c.text;
        if (!c.cites.empty()) t += ' ', t += cites_text(c.cites);
        t += "\n";
    };
    t += doc.title + "\n" + std::string(doc.title.size(), '=') + "\n";
    for (const auto& c : doc.header) line(c);
    for (const auto& s : doc.sections) {
        t += "\n";
        if (!s.heading.empty()) t += s.heading + "\n" + std::string(std::min<std::size_t>(s.heading.size(), 78), '-') + "\n";
        for (const auto& b : s.blocks) {
            switch (b.kind) {
                case Block::Kind::paragraph: line(b.text); break;
                case Block::Kind::list:
                    if (!b.text.text.empty()) line(b.text);
                    for (const auto& c : b.items) {
                        t += "- ";
                        line(c);
                    }
                    break;
                case Block::Kind::table:
                    for (const auto& row : b.rows) {
                        std::string out = "- ";
                        for (std::size_t i = 0; i < row.size(); ++i) {
                            if (row[i].text.empty()) continue;
                            if (i > 0) out += i == 1 ? ": " : " | ";
                            out += row[i].text;
                            if (!row[i].cites.empty()) out += ' ', out += cites_text(row[i].cites);
                        }
                        t += out + "\n";
                    }
                    break;
                case Block::Kind::charts: break;
            }
        }
    }
    if (!doc.references.empty()) {
        t += "\n" + doc.references_heading + "\n" + std::string(doc.references_heading.size(), '-') + "\n";
        for (const auto& r : doc.references) t += "[" + std::to_string(r.number) + "] " + r.citation + "\n";
        t += "\n" + doc.documents_heading + ":\n";
        for (const auto& d : doc.documents_in_full) t += "- " + d + "\n";
    }
    return t;
}

}  // namespace poems
