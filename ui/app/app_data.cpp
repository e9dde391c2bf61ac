#include "app/app_data.hpp"

#include "poems/embedded_files.hpp"

namespace poems::ui {

std::shared_ptr<const AppData> load_app_data(std::string& error) {
    // The loaders below are the topic checks; their problems are reported just the same.
    ContentLoad loaded = load_content(embedded_content_files(), TopicChecks::done_by_caller);
    Problems problems = std::move(loaded.problems);
    auto data = std::make_shared<AppData>();
    if (loaded.content) {
        data->content = std::move(*loaded.content);
        const Content& c = data->content;
        auto need = [&](const char* topic) -> const Json& {
            static const Json empty = Json::object();
            const Json* doc = c.topic(topic);
            if (!doc) problems.push_back({std::string(topic) + ".json", "", "missing content file"});
            return doc ? *doc : empty;
        };
        if (auto r = load_criteria_rules(need("criteria"), problems, "criteria.json")) data->criteria = std::move(*r);
        if (auto r = load_lab_catalogue(need("labs"), problems, "labs.json")) data->labs = std::move(*r);
        if (auto r = load_monitoring_plan(need("monitoring"), problems, "monitoring.json")) data->monitoring = std::move(*r);
        if (auto r = load_recovery(need("recovery"), problems, "recovery.json")) data->recovery = std::move(*r);
        if (auto r = load_prognosis(need("prognosis"), problems, "prognosis.json")) data->prognosis = std::move(*r);
        data->checklists = load_checklists(need("checklists"), problems, "checklists.json");
        data->centers = load_centers(need("centers"), problems, "centers.json");
        data->center_index = build_center_search_index(data->centers.centers, data->centers.regions);
    }
    if (!problems.empty()) {
        error.clear();
        for (const auto& p : problems) error += p.to_string() + "\n";
        return nullptr;
    }
    return data;
}

}  // namespace poems::ui
