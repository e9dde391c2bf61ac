// Everything the app reads from content/, from the files compiled into the program. Pages take
// what they need from it; once loaded, nothing in it changes.
//
// The content itself (parsed, checked, indexed) and the criteria are loaded at start-up: the
// criteria page is the first one shown. Each other topic is read the first time a page asks for
// it, so the first frame does not wait for topics it does not show (about 40 ms in a fresh
// browser). The build's tests run every loader on the shipped content, so a problem here means
// a broken build, never the person's fault; it is reported through problems().
// The UI thread only: the lazy reads are not synchronised.
#pragma once

#include "poems/centers.hpp"
#include "poems/checklists.hpp"
#include "poems/content.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/diary.hpp"
#include "poems/document.hpp"
#include "poems/labs.hpp"
#include "poems/recovery.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"

#include <memory>
#include <optional>
#include <string>

namespace poems::ui {

class AppData {
public:
    // Loads the embedded content and the criteria. On failure returns nullptr and fills `error`
    // with every problem, one per line.
    static std::shared_ptr<const AppData> load(std::string& error);

    const Content& content() const { return content_; }
    const CriteriaRules& criteria() const { return criteria_; }
    const LabCatalogue& labs() const;
    const MonitoringPlan& monitoring() const;
    const RecoveryContent& recovery() const;
    const PrognosisContent& prognosis() const;
    const Checklists& checklists() const;
    const CenterDirectory& centers() const;
    const CenterSearchIndex& center_index() const;
    const DocumentTexts& documents() const;  // content/documents.json: the printable documents' words
    const DiaryContent& diary() const;       // content/diary.json: symptoms, walking and hands, weight

    // The problems of the topics read so far, one per line ("" when there are none). A topic
    // that had problems is shown empty.
    const std::string& problems() const { return problems_; }

private:
    const Json& topic(const char* stem) const;
    void report(const Problems& problems) const;
    template <class T, class Loaded>
    const T& read_once(std::optional<T>& slot, const char* stem,
                       Loaded (*load)(const Json&, Problems&, const std::string&)) const;

    Content content_;
    CriteriaRules criteria_;
    mutable std::optional<LabCatalogue> labs_;
    mutable std::optional<MonitoringPlan> monitoring_;
    mutable std::optional<RecoveryContent> recovery_;
    mutable std::optional<PrognosisContent> prognosis_;
    mutable std::optional<Checklists> checklists_;
    mutable std::optional<CenterDirectory> centers_;
    mutable std::optional<CenterSearchIndex> center_index_;
    mutable std::optional<DocumentTexts> documents_;
    mutable std::optional<DiaryContent> diary_;
    mutable std::string problems_;
};

}  // namespace poems::ui
