#include "catch.hpp"
#include "poems/decimal.hpp"

using poems::read_decimal;

TEST_CASE("a typed number with a point or a decimal comma is read") {
    CHECK(read_decimal("1200").value == 1200.0);
    CHECK(read_decimal(" 3.5 ").value == 3.5);
    CHECK(read_decimal("3,5").value == 3.5);
    CHECK(read_decimal("0,25").value == 0.25);
    CHECK(read_decimal("1,2345").value == 1.2345);
    CHECK(read_decimal("-1.5").value == -1.5);
}

TEST_CASE("a comma before exactly three digits is refused as ambiguous, with what to type") {
    const auto r = read_decimal("1,500");
    CHECK_FALSE(r.value);
    CHECK(r.problem.find("two ways") != std::string::npos);
    CHECK(r.problem.find("1500") != std::string::npos);
    CHECK_FALSE(read_decimal("12,345").value);
}

TEST_CASE("thousands separators and mixed separators are refused") {
    CHECK_FALSE(read_decimal("1,500.5").value);
    CHECK_FALSE(read_decimal("1.500,5").value);
    CHECK_FALSE(read_decimal("1,500,000").value);
    CHECK(read_decimal("1,500,000").problem.find("more than one separator") != std::string::npos);
}

TEST_CASE("words, units and empty text are not numbers") {
    CHECK_FALSE(read_decimal("12 pg/mL").value);
    CHECK(read_decimal("abc").problem.find("is not a number") != std::string::npos);
    CHECK_FALSE(read_decimal(".").value);
    CHECK_FALSE(read_decimal("1e999").value);
    const auto empty = read_decimal("   ");
    CHECK_FALSE(empty.value);
    CHECK(empty.problem.empty());
}
