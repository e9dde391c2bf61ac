#include "test_schedule_support.hpp"

#include "poems/ics.hpp"

#include <sstream>

using namespace poems;
using namespace poems::test;
using Catch::Matchers::ContainsSubstring;

static std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < ics.size()) {
        std::size_t end = ics.find("\r\n", at);
        REQUIRE(end != std::string::npos);  // every line ends in CRLF
        lines.push_back(ics.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

TEST_CASE("iCalendar text escapes backslash, semicolon, comma and newlines", "[ics]") {
    CHECK(ics_escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    CHECK(ics_escape_text("x\r\ny") == "x\\ny");
}

TEST_CASE("iCalendar lines fold at 75 octets without splitting a UTF-8 character", "[ics]") {
    std::string line = "DESCRIPTION:" + std::string(100, 'a');
    std::string folded = ics_fold_line(line);
    auto lines = physical_lines(folded);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == 75);
    CHECK(lines[1] == " " + std::string(line.size() - 75, 'a'));
    std::string utf = "SUMMARY:" + std::string(66, 'x') + "µµµ";  // 74 octets, then 2-octet characters
    auto u = physical_lines(ics_fold_line(utf));
    REQUIRE(u.size() == 2);
    CHECK(u[0].size() == 74);
    CHECK(u[1] == " µµµ");
}

TEST_CASE("the calendar has one all-day event per upcoming date, stable and deterministic", "[ics]") {
    Record r = record_from_dates(std::nullopt, d("2024-05-15"), std::nullopt);
    Plan p = make_schedule(r, monitoring(), labs(), d("2025-05-20"), 12);
    std::string ics = schedule_to_ics(p, monitoring(), p.today);
    auto lines = physical_lines(ics);
    for (const auto& l : lines) CHECK(l.size() <= 75);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    int events = 0;
    for (const auto& l : lines) events += l == "BEGIN:VEVENT";
    CHECK(events == 4);  // 2025-08-15, 2025-11-15, 2026-02-15, 2026-05-15 (2025-05-15 is before today)
    CHECK_THAT(ics, ContainsSubstring("DTSTART;VALUE=DATE:20250815\r\n"));
    CHECK_THAT(ics, ContainsSubstring("DTEND;VALUE=DATE:20250816\r\n"));
    CHECK_THAT(ics, ContainsSubstring("DTSTAMP:20250520T000000Z\r\n"));
    CHECK_THAT(ics, ContainsSubstring("UID:poems-20250815-t20240515@poems-companion\r\n"));
    CHECK(ics == schedule_to_ics(p, monitoring(), p.today));
}
