#include "app/app_data.hpp"

#include "poems/embedded_files.hpp"

namespace poems::ui {

std::shared_ptr<const AppData> AppData::load(std::string& error) {
    // The loaders are the topic checks; AppData reports their problems itself.
    ContentLoad loaded = load_content(embedded_content_files(), TopicChecks::done_by_caller);
    if (!loaded.content) {
        for (const auto& p : loaded.problems) error += p.to_string() + "\n";
        return nullptr;
    }
    auto data = std::make_shared<AppData>(std::move(*loaded.content));
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
