// The number entry: ui/app's number_field typed into through ImGui's input queue, and the one
// decimal-comma policy (poems/decimal.hpp) as the pages apply it to what was typed. "3,5" is 3.5;
// "1,500" is refused with the reason shown beside the field; an empty field is an unknown value;
// whatever is refused stays in the field as typed, so nothing the person entered is lost.
#include "../core/catch.hpp"
#include "app_driver.hpp"

#include "app/widgets.hpp"
#include "app/words.hpp"
#include "poems/decimal.hpp"

#include <string>

using namespace poems;
using namespace poems::ui;
using test::AppDriver;
using Catch::Approx;

namespace {
// The reason a refused VEGF value shows beside its field (an alert, announced at once), "" if none.
std::string vegf_value_problem() {
    const auto n = AppDriver::node("criteria:problem:/vegf/value");
    return n ? n->value("n", "") : std::string();
}
const Json& vegf_findings(AppDriver& d) {
    static const Json none;
    const Json& f = d.app().record().findings;
    return f.contains("vegf") ? f["vegf"] : none;
}
// The Criteria page's VEGF fields with a unit and a sample chosen, so a value can be read.
AppDriver& with_unit_and_sample(AppDriver& d) {
    d.tap("criteria:vegf:unit:0");    // pg/mL
    d.tap("criteria:vegf:sample:0");  // serum
    return d;
}
}  // namespace

TEST_CASE("number entry: the field keeps every character typed, a decimal comma included", "[ui][number]") {
    test::Headless ui;
    char buf[32] = "";
    auto draw = [&](bool focus) {
        ui.frame([&] {
            if (focus) ImGui::SetKeyboardFocusHere();
            number_field("##n", buf, sizeof buf);
        });
    };
    draw(true);  // the field takes the keyboard, as after a tap
    draw(false);
    for (char c : std::string("3,5")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(c));
    draw(false);
    // A character filter would have dropped the comma and made it 35.
    CHECK(std::string(buf) == "3,5");
    const DecimalRead read = read_decimal(buf);
    REQUIRE(read.value);
    CHECK(*read.value == Approx(3.5));
}

TEST_CASE("number entry: a decimal comma typed on the Criteria page is read as a decimal", "[ui][number]") {
    AppDriver d;
    with_unit_and_sample(d).fill("criteria:vegf:value", "3,5");
    CHECK(AppDriver::value("criteria:vegf:value") == "3,5");  // shown as typed
    CHECK(vegf_value_problem().empty());
    REQUIRE(vegf_findings(d).contains("value"));
    CHECK(vegf_findings(d)["value"].get<double>() == Approx(3.5));
}

TEST_CASE("number entry: '1,500' is refused with the reason, and kept as typed", "[ui][number]") {
    AppDriver d;
    with_unit_and_sample(d).fill("criteria:vegf:value", "1,500");
    INFO(vegf_value_problem());
    CHECK(vegf_value_problem().find("\"1,500\" could be read two ways") != std::string::npos);
    CHECK(AppDriver::value("criteria:vegf:value") == "1,500");  // nothing typed is lost
    CHECK(vegf_findings(d).is_null());  // neither 1.5 nor 1500 is written to the record

    SECTION("it stays in the field, with the reason, frame after frame") {
        d.frames(5);
        CHECK(AppDriver::value("criteria:vegf:value") == "1,500");
        CHECK_FALSE(vegf_value_problem().empty());
    }
    SECTION("typed again without the comma, it is read and the reason goes") {
        d.fill("criteria:vegf:value", "1500");
        CHECK(vegf_value_problem().empty());
        CHECK(vegf_findings(d).value("value", 0.0) == Approx(1500));
    }
}

TEST_CASE("number entry: text that is not a number is refused with the reason, and kept as typed", "[ui][number]") {
    AppDriver d;
    with_unit_and_sample(d).fill("criteria:vegf:value", "12o0");
    CHECK(vegf_value_problem().find("\"12o0\" is not a number") != std::string::npos);
    CHECK(AppDriver::value("criteria:vegf:value") == "12o0");
    CHECK(vegf_findings(d).is_null());
}

TEST_CASE("number entry: an empty field is an unknown value, not an error", "[ui][number]") {
    AppDriver d;
    with_unit_and_sample(d).fill("criteria:vegf:value", "3,5");
    REQUIRE(vegf_findings(d).contains("value"));

    d.fill("criteria:vegf:value", "");
    CHECK(AppDriver::value("criteria:vegf:value").empty());
    CHECK(vegf_findings(d).is_null());  // the record no longer holds a VEGF result
    CHECK(AppDriver::node("criteria:status:vegf_elevated:unknown"));
    // Only that a value is still needed for the unit and sample chosen: nothing was misread.
    CHECK(vegf_value_problem().find("not a number") == std::string::npos);
    CHECK(vegf_value_problem().find("two ways") == std::string::npos);
}

TEST_CASE("number entry: the Labs page refuses '1,500' with the reason and keeps it in the form", "[ui][number]") {
    AppDriver d;
    d.app().open(Page::labs);
    d.frames(2);
    d.tap("labs:add");
    // The field is named by its label, for a screen reader and the accessibility mirror.
    REQUIRE(AppDriver::node("labs:value"));
    CHECK(AppDriver::node("labs:value")->value("n", "") == words("labs.value"));
    d.fill("labs:value", "1,500");
    d.tap("labs:save");
    CHECK(d.app().record().labs.empty());
    const auto error = AppDriver::node("labs:error");
    REQUIRE(error);
    CHECK(error->value("n", "").find("\"1,500\" could be read two ways") != std::string::npos);
    CHECK(AppDriver::value("labs:value") == "1,500");

    SECTION("'3,5' is saved as 3.5") {
        d.fill("labs:value", "3,5");
        d.tap("labs:save");
        if (AppDriver::node("labs:confirm")) d.tap("labs:confirm");  // a value outside the usual range is asked about
        REQUIRE(d.app().record().labs.size() == 1);
        CHECK(d.app().record().labs[0].value == Approx(3.5));
    }
}
