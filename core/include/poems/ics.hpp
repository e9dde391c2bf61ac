// iCalendar (RFC 5545) export of a monitoring schedule: one all-day VEVENT per due date that is
// not done, from `from` on, and one per appointment of the person's from `from` on (its title,
// the tests planned at it, its note; UID from the appointment's id). Deterministic: DTSTAMP comes from the injected "today" (at 00:00 UTC),
// UIDs from the due date and the treatment date (PlanItem::uid), so exporting twice gives the
// same file and calendar apps update events instead of duplicating them.
// Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character; text values
// escape backslash, semicolon, comma and newline.
#pragma once

#include "poems/schedule.hpp"

#include <string>
#include <string_view>

namespace poems {

// SUMMARY is "<plan title>: <test short names>"; DESCRIPTION lists every test by name (with the
// condition when a test is conditional), the reasons and their sources.
std::string schedule_to_ics(const Plan& plan, const MonitoringPlan& content, Date from, std::string_view lang = "en");

// The pieces, for tests and other exporters.
std::string ics_escape_text(std::string_view text);
// One content line, folded: CRLF + space before every 75th octet; ends with CRLF.
std::string ics_fold_line(std::string_view line);

}  // namespace poems
