// Calendar dates without time zones. The app's logic only ever needs "which day": a test is due
// on a date, a result was taken on a date. "Today" is always passed in, never read from a clock
// here, so every function is deterministic and testable.
#pragma once

#include <compare>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace poems {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..days_in_month

    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const Date& d);

// "YYYY-MM-DD" exactly (ISO 8601 calendar date); nothing for anything else, including 2025-02-30.
std::optional<Date> parse_date(std::string_view text);
std::string to_string(const Date& d);

// Days since 1970-01-01 (negative before), and back.
long days_since_epoch(const Date& d);
Date date_from_days(long days);

long days_between(const Date& from, const Date& to);  // to - from
Date add_days(const Date& d, long days);
// Calendar months; the day is clamped to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
Date add_months(const Date& d, int months);
// Whole calendar months from `from` to `to` (0 if to is earlier than one month after from).
int whole_months_between(const Date& from, const Date& to);

// The calendar date of a moment in the computer's local time zone. The caller reads the clock
// (the CLI and the desktop: `local_date_of(std::time(nullptr))`); the core never does.
Date local_date_of(std::time_t moment);

}  // namespace poems
