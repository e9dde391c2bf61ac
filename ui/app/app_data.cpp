#include "app/app_data.hpp"

#include "poems/embedded_files.hpp"

namespace poems::ui {

namespace {
// A loader's result, or an empty T when it had problems (they are reported by the caller).
template <class T>
T value_or_empty(std::optional<T> loaded) {
    return loaded ? std::move(*loaded) : T{};
}
template <class T>
T value_or_empty(T loaded) {
    return loaded;
}

}  // namespace

std::shared_ptr<const AppData> AppData::load(std::string& error) {
    // The loaders are the topic checks; their problems are reported just the same.
    ContentLoad loaded = load_content(embedded_content_files(), TopicChecks::done_by_caller);
    Problems problems = std::move(loaded.problems);
    auto data = std::make_shared<AppData>();
    if (loaded.content) {
        data->content_ = std::move(*loaded.content);
        if (!data->content_.topic("criteria")) problems.push_back({"criteria.json", "", "missing content file"});
        else if (auto r = load_criteria_rules(*data->content_.topic("criteria"), problems, "criteria.json"))
            data->criteria_ = std::move(*r);
    }
    if (!problems.empty()) {
        error.clear();
        for (const auto& p : problems) error += p.to_string() + "\n";
        return nullptr;
    }
    return data;
}

const Json& AppData::topic(const char* stem) const {
    static const Json empty = Json::object();
    const Json* doc = content_.topic(stem);
    if (!doc) report({{std::string(stem) + ".json", "", "missing content file"}});
    return doc ? *doc : empty;
}

void AppData::report(const Problems& problems) const {
    for (const auto& p : problems) problems_ += p.to_string() + "\n";
}

// Runs `load(problems)` the first time, keeps what it returns and reports its problems.
template <class T, class Load>
const T& AppData::read_once(std::optional<T>& slot, Load load) const {
    if (!slot) {
        Problems problems;
        slot = value_or_empty(load(problems));
        report(problems);
    }
    return *slot;
}

const LabCatalogue& AppData::labs() const {
    return read_once(labs_, [&](Problems& p) { return load_lab_catalogue(topic("labs"), p, "labs.json"); });
}
const MonitoringPlan& AppData::monitoring() const {
    return read_once(monitoring_, [&](Problems& p) { return load_monitoring_plan(topic("monitoring"), p, "monitoring.json"); });
}
const RecoveryContent& AppData::recovery() const {
    return read_once(recovery_, [&](Problems& p) { return load_recovery(topic("recovery"), p, "recovery.json"); });
}
const PrognosisContent& AppData::prognosis() const {
    return read_once(prognosis_, [&](Problems& p) { return load_prognosis(topic("prognosis"), p, "prognosis.json"); });
}
const Checklists& AppData::checklists() const {
    return read_once(checklists_, [&](Problems& p) { return load_checklists(topic("checklists"), p, "checklists.json"); });
}
const CenterDirectory& AppData::centers() const {
    return read_once(centers_, [&](Problems& p) { return load_centers(topic("centers"), p, "centers.json"); });
}
const CenterSearchIndex& AppData::center_index() const {
    return read_once(center_index_, [&](Problems&) { return build_center_search_index(centers().centers, centers().regions); });
}

}  // namespace poems::ui
