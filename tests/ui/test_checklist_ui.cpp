// The Checklist page's "Your record" lines, through the real page in a headless app: a test listed
// at a past appointment and never confirmed done is shown as not done and says so (SAFETY H17),
// beside a later appointment that plans it.
#include "../core/catch.hpp"
#include "app_driver.hpp"

#include <string>

using namespace poems;
using namespace poems::ui;
using test::AppDriver;

TEST_CASE("checklist page: a test listed at a past appointment and not confirmed is not done, and says so",
          "[ui][checklist]") {
    AppOptions options = AppDriver::phone_options();  // today 2026-03-01
    options.start_page = Page::checklist;
    AppDriver d({}, options);
    Record r;
    r.appointments.push_back({"appt-1", {2026, 2, 1}, "Hematology", {"workup.free_light_chains"}, ""});
    r.appointments.push_back({"appt-2", {2026, 4, 1}, "Hematology", {"workup.free_light_chains", "workup.urine_24h"}, ""});
    r.appointments.push_back({"appt-3", {2026, 2, 15}, "Hematology", {"workup.spep_immunofixation"}, "",
                              {"workup.spep_immunofixation"}});
    d.app().replace_record(r);
    d.frames(2);
    d.tap("checklist:item:checklist.suspect.ask_mprotein_tests");
    d.frames(2);
    CHECK(AppDriver::drawn("listed at your appointment on 2026-02-01, not confirmed done"));
    CHECK(AppDriver::drawn("not confirmed done (confirm it in the Diary once you know it was done); planned for 2026-04-01"));
    CHECK(AppDriver::drawn("done at your appointment on 2026-02-15"));  // confirmed: done
    CHECK(AppDriver::drawn("planned for 2026-04-01"));
    CHECK(AppDriver::drawn("no result in your record yet"));  // VEGF: nothing about it
}
