#include "app/app_data.hpp"

#include "poems/embedded_files.hpp"

namespace poems::ui {

std::shared_ptr<const AppData> AppData::load(std::string& error) {
    // The compiled-in files passed `poems content check` when the program was built, so they are
    // not checked again here: each is parsed when a page first reads it (issue 21: a start
    // parses 4 of the 20 files). The topic loaders' problems are still reported.
    auto data = std::make_shared<AppData>(open_checked_content(embedded_content_files()));
    data->criteria();
    if (!data->problem_lines().empty()) {
        error = data->problem_lines();
        return nullptr;
    }
    return data;
}

const CenterSearchIndex& AppData::center_index() const {
    if (!center_index_) center_index_ = build_center_search_index(centers().centers, centers().regions);
    return *center_index_;
}

}  // namespace poems::ui
