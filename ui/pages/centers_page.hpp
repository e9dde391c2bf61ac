// What other pages may ask of the Centers page (pages.hpp has only the draw functions).
#pragma once

#include "app/app.hpp"

#include <string>

namespace poems::ui {

// Opens the Centers page with one center's details shown (search and filters cleared so it is
// in the list). An unknown id just opens the page.
void show_center(App& app, const std::string& center_id);

}  // namespace poems::ui
