#include "pages/pages.hpp"

namespace poems::ui {

PageViews make_page_views() {
    auto documents = std::make_shared<DocumentsCardState>();
    PageViews views;
    views[static_cast<int>(Page::criteria)] = make_criteria_page(documents);
    views[static_cast<int>(Page::checklist)] = make_checklist_page();
    views[static_cast<int>(Page::monitoring)] = make_monitoring_page(documents);
    views[static_cast<int>(Page::labs)] = make_labs_page();
    views[static_cast<int>(Page::diary)] = make_diary_page();
    views[static_cast<int>(Page::centers)] = make_centers_page();
    views[static_cast<int>(Page::guide)] = make_guide_page();
    views[static_cast<int>(Page::settings)] = make_settings_page();
    return views;
}

}  // namespace poems::ui
