// The treatment dates the Monitoring page counts from (diagnosis, treatment start, ASCT,
// remission, relapse): a list with edit and remove, and a small form to add one.
#pragma once

#include "app/app.hpp"

#include <string>

namespace poems::ui {

// Draws the dates section. The form is open when the record has no dates yet.
void draw_treatment_dates(App& app);

// Plain name of an event kind: "Stem cell transplant (ASCT)".
const char* event_kind_label(const std::string& kind);

}  // namespace poems::ui
