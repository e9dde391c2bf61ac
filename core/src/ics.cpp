#include "poems/ics.hpp"

namespace poems {

std::string ics_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            // Other control characters are not allowed in TEXT values.
        } else {
            out += c;
        }
    }
    return out;
}

std::string ics_fold_line(std::string_view line) {
    std::string out;
    std::size_t width = 0;  // octets on the current physical line
    for (std::size_t i = 0; i < line.size();) {
        // Keep a UTF-8 sequence whole: its length from the lead byte.
        unsigned char lead = static_cast<unsigned char>(line[i]);
        std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        if (i + n > line.size()) n = line.size() - i;
        if (width + n > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line.substr(i, n));
        width += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

static std::string compact(const Date& d) {
    std::string s = to_string(d);
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

std::string schedule_to_ics(const Plan& plan, const MonitoringPlan& content, Date from, std::string_view lang) {
    std::string out;
    auto line = [&](std::string_view l) { out += ics_fold_line(l); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//POEMS Companion//Monitoring schedule//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    const std::string title(content.title.in(lang));
    for (const PlanItem* item : upcoming_items(plan, from)) {
        std::string summary, description;
        for (const auto& t : item->tests) {
            const MonitoringTest* mt = content.test(t.test_id);
            std::string shortn = mt ? mt->short_name.in(lang) : t.test_id;
            std::string name = mt ? mt->name.in(lang) : t.test_id;
            summary += (summary.empty() ? "" : ", ") + shortn + (t.applies == Tri::unknown ? " (?)" : "");
            description += "- " + name;
            if (!t.condition_id.empty()) {
                for (const auto& row : content.rows)
                    for (const auto& c : row.conditions)
                        if (c.id == t.condition_id) description += " (" + c.text.in(lang) + ")";
            }
            description += "\n";
        }
        for (const auto& w : item->why) {
            description += "\n" + w.text.in(lang);
            for (const auto& s : w.sources) description += " [" + (s.publication.empty() ? s.section : s.publication) + "]";
            description += "\n";
        }
        if (const MonitoringPhase* p = content.phase(item->phase_id)) description += "\n" + p->name.in(lang) + "\n";
        line("BEGIN:VEVENT");
        line("UID:" + item->uid);
        line("DTSTAMP:" + compact(plan.today) + "T000000Z");
        line("DTSTART;VALUE=DATE:" + compact(item->due));
        line("DTEND;VALUE=DATE:" + compact(add_days(item->due, 1)));
        line("SUMMARY:" + ics_escape_text(title + ": " + summary));
        line("DESCRIPTION:" + ics_escape_text(description));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    // The person's appointments from `from` on: their own title, the tests planned at them and
    // their note. The UID follows the appointment's id, so a moved appointment updates its event.
    for (const auto& pa : plan.appointments) {
        const Appointment& a = pa.appointment;
        if (a.date < from) continue;
        std::string uid_id;
        for (char c : a.id)
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')
                uid_id += c;
            else uid_id += '_';
        std::string description;
        for (std::size_t i = 0; i < a.test_ids.size(); ++i) {
            const LangText* name = i < pa.test_names.size() && !pa.test_names[i].empty() ? &pa.test_names[i] : nullptr;
            description += "- " + (name ? name->in(lang) : a.test_ids[i]) + "\n";
        }
        if (!a.note.empty()) description += (description.empty() ? "" : "\n") + a.note + "\n";
        line("BEGIN:VEVENT");
        line("UID:poems-appointment-" + uid_id + "@poems-companion");
        line("DTSTAMP:" + compact(plan.today) + "T000000Z");
        line("DTSTART;VALUE=DATE:" + compact(a.date));
        line("DTEND;VALUE=DATE:" + compact(add_days(a.date, 1)));
        line("SUMMARY:" + ics_escape_text(a.title));
        if (!description.empty()) line("DESCRIPTION:" + ics_escape_text(description));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace poems
