#include "catch.hpp"
#include "poems/dates.hpp"

using poems::Date;

TEST_CASE("dates parse only as YYYY-MM-DD calendar dates") {
    CHECK(poems::parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(poems::parse_date("2023-02-29"));
    CHECK_FALSE(poems::parse_date("2024-13-01"));
    CHECK_FALSE(poems::parse_date("2024-1-01"));
    CHECK_FALSE(poems::parse_date("2024-01-01T00:00"));
    CHECK_FALSE(poems::parse_date("２０２４-01-01"));
    CHECK(poems::to_string(Date{2024, 3, 5}) == "2024-03-05");
}

TEST_CASE("day counts round-trip over four centuries") {
    for (long z = poems::days_since_epoch(Date{1900, 1, 1}); z < poems::days_since_epoch(Date{2300, 1, 1}); z += 1) {
        REQUIRE(poems::days_since_epoch(poems::date_from_days(z)) == z);
    }
    CHECK(poems::days_since_epoch(Date{1970, 1, 1}) == 0);
    CHECK(poems::days_since_epoch(Date{2000, 3, 1}) == 11017);
}

TEST_CASE("adding months clamps to the end of a shorter month") {
    CHECK(poems::add_months(Date{2025, 1, 31}, 1) == Date{2025, 2, 28});
    CHECK(poems::add_months(Date{2024, 1, 31}, 1) == Date{2024, 2, 29});
    CHECK(poems::add_months(Date{2025, 11, 15}, 3) == Date{2026, 2, 15});
    CHECK(poems::add_months(Date{2025, 3, 15}, -3) == Date{2024, 12, 15});
}

TEST_CASE("whole months between two dates count completed months only") {
    CHECK(poems::whole_months_between(Date{2025, 1, 15}, Date{2025, 4, 14}) == 2);
    CHECK(poems::whole_months_between(Date{2025, 1, 15}, Date{2025, 4, 15}) == 3);
    CHECK(poems::whole_months_between(Date{2025, 1, 31}, Date{2025, 2, 28}) == 1);
    CHECK(poems::whole_months_between(Date{2025, 4, 15}, Date{2025, 1, 15}) == 0);
}
