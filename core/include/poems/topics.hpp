// The topics of content/ that have a typed reader, registered once: each one's file stem, type
// and loader stand in POEMS_CONTENT_TOPICS below and nowhere else. load_content()'s topic checks
// (check_topic_structure), the app's AppData and the CLI all read the topics through Topics.
//
// A topic is read the first time it is asked for (the app's first frame waits only for the
// criteria); its problems are kept, and a topic that had problems, or whose file is missing, is
// returned empty. Not synchronised: one thread at a time.
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
#include "poems/ui_words.hpp"

#include <optional>
#include <string>

// X(stem, type, loader): content/<stem>.json, read by `loader(doc, problems, "<stem>.json")`.
// A new topic adds one line here (and its header above).
#define POEMS_CONTENT_TOPICS(X)                             \
    X(criteria, CriteriaRules, load_criteria_rules)         \
    X(checklists, Checklists, load_checklists)              \
    X(centers, CenterDirectory, load_centers)               \
    X(labs, LabCatalogue, load_lab_catalogue)               \
    X(monitoring, MonitoringPlan, load_monitoring_plan)     \
    X(recovery, RecoveryContent, load_recovery)             \
    X(prognosis, PrognosisContent, load_prognosis)          \
    X(documents, DocumentTexts, load_document_texts)        \
    X(diary, DiaryContent, load_diary_content)          \
    X(ui, UiWords, load_ui_words)

namespace poems {

class Topics {
public:
    explicit Topics(Content content) : content_(std::move(content)) {}

    const Content& content() const { return content_; }

#define POEMS_TOPIC_GETTER(stem, type, loader) const type& stem() const;
    POEMS_CONTENT_TOPICS(POEMS_TOPIC_GETTER)
#undef POEMS_TOPIC_GETTER

    // Reads every topic whose file is present (a missing one is not asked for), as the content
    // check does; returns whether all of them read without a problem.
    bool read_present() const;

    // The problems of the topics read so far, and the same one per line ("" when none).
    const Problems& problems() const { return problems_; }
    const std::string& problem_lines() const { return problem_lines_; }

private:
    template <class T, class Loaded>
    const T& read_once(std::optional<T>& slot, const char* stem,
                       Loaded (*load)(const Json&, Problems&, const std::string&)) const;

    Content content_;
#define POEMS_TOPIC_SLOT(stem, type, loader) mutable std::optional<type> stem##_;
    POEMS_CONTENT_TOPICS(POEMS_TOPIC_SLOT)
#undef POEMS_TOPIC_SLOT
    mutable Problems problems_;
    mutable std::string problem_lines_;
};

// What the printable documents read (poems/document.hpp), from the topics: reads the ones it
// needs; check topics.problems() before using it.
DocumentContent document_content(const Topics& topics);

}  // namespace poems
