// The pages, one file each. A page is a PageView (app/page_view.hpp) that keeps its own state and
// draws into the page area the app gives it, at any width from a 360 px phone to a desktop
// window. The runners make them with make_page_views() and hand them to the App, so that the
// app never includes the pages; pages reach each other only through App::open().
#pragma once

#include "app/app.hpp"
#include "app/page_view.hpp"

#include <memory>
#include <string>

namespace poems::ui {

// One view per Page, in the order of the Page enum.
PageViews make_page_views();

// "Take it to the doctor" (documents_card.cpp): what the person chose and typed, shared by the
// two pages that show the card, so a paragraph typed on one is there on the other.
struct DocumentsCardState {
    int which = 0;  // 0: visit summary, 1: letter
    char own_paragraph[2000] = "";
    std::string message;
};
// The visit summary and the letter to print or download; `where` names the card for tests.
void draw_documents_card(App& app, DocumentsCardState& card, const char* where);

std::unique_ptr<PageView> make_criteria_page(std::shared_ptr<DocumentsCardState> documents);
std::unique_ptr<PageView> make_checklist_page();
std::unique_ptr<PageView> make_monitoring_page(std::shared_ptr<DocumentsCardState> documents);
std::unique_ptr<PageView> make_labs_page();
std::unique_ptr<PageView> make_diary_page();
std::unique_ptr<PageView> make_centers_page();
std::unique_ptr<PageView> make_guide_page();
std::unique_ptr<PageView> make_settings_page();

}  // namespace poems::ui
