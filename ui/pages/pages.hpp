// One file per page. Each draws into the page area the app gives it, at any width from a
// 360 px phone to a desktop window.
#pragma once

#include "app/app.hpp"

namespace poems::ui {

void draw_criteria_page(App& app);
void draw_checklist_page(App& app);
void draw_monitoring_page(App& app);
void draw_labs_page(App& app);
void draw_centers_page(App& app);
void draw_guide_page(App& app);
void draw_settings_page(App& app, Settings& settings);
// The visit summary and the letter to print or download (documents_card.cpp); `where` names it.
void draw_documents_card(App& app, const char* where);

}  // namespace poems::ui
