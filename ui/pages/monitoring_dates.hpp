// The treatment dates the Monitoring page counts from (diagnosis, treatment start, ASCT,
// remission, relapse): a list with edit and remove, and a small form to add one.
#pragma once

#include "app/app.hpp"

#include <string>

namespace poems::ui {

// The add/edit form and the pending removal, kept by the Monitoring page's view.
struct DatesForm {
    bool open = false;
    std::string editing_id;  // empty: a new date
    int kind = 0;
    char date[16] = "";
    char type[128] = "";     // treatment type, for a treatment start
    std::string error;
    std::string confirm_remove;
};

// Draws the dates section. The form is open when the record has no dates yet.
void draw_treatment_dates(App& app, DatesForm& form);

// Plain name of an event kind: "Stem cell transplant (ASCT)".
const char* event_kind_label(const std::string& kind);

}  // namespace poems::ui
