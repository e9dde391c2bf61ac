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
        if (auto r = load_criteria_rules(data->topic("criteria"), problems, "criteria.json")) data->criteria_ = std::move(*r);
    }
    data->report(problems);
    if (!data->problems_.empty()) {
        error = data->problems_;
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

// Runs the topic's loader the first time, keeps what it returns and reports its problems.
template <class T, class Loaded>
const T& AppData::read_once(std::optional<T>& slot, const char* stem,
                            Loaded (*load)(const Json&, Problems&, const std::string&)) const {
    if (!slot) {
        Problems problems;
        slot = value_or_empty(load(topic(stem), problems, std::string(stem) + ".json"));
        report(problems);
    }
    return *slot;
}

const LabCatalogue& AppData::labs() const { return read_once(labs_, "labs", load_lab_catalogue); }
const MonitoringPlan& AppData::monitoring() const { return read_once(monitoring_, "monitoring", load_monitoring_plan); }
const RecoveryContent& AppData::recovery() const { return read_once(recovery_, "recovery", load_recovery); }
const PrognosisContent& AppData::prognosis() const { return read_once(prognosis_, "prognosis", load_prognosis); }
const Checklists& AppData::checklists() const { return read_once(checklists_, "checklists", load_checklists); }
const CenterDirectory& AppData::centers() const { return read_once(centers_, "centers", load_centers); }
const DocumentTexts& AppData::documents() const { return read_once(documents_, "documents", load_document_texts); }
const DiaryContent& AppData::diary() const { return read_once(diary_, "diary", load_diary_content); }
const CenterSearchIndex& AppData::center_index() const {
    if (!center_index_) center_index_ = build_center_search_index(centers().centers, centers().regions);
    return *center_index_;
}

}  // namespace poems::ui
