// The structural checks of topics other owners write (criteria, monitoring, labs, recovery,
// prognosis, checklists, centers, ...). load_content() runs every checker whose topic file is
// present, after the shared checks passed, so `poems content check` and the build refuse content
// that a topic's own parser would refuse.
#include "poems/content.hpp"

// Topic owners: include your header here ...
#include "poems/centers.hpp"
#include "poems/checklists.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/diary.hpp"
#include "poems/document.hpp"
#include "poems/labs.hpp"
#include "poems/recovery.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"

namespace poems {

namespace {

struct TopicChecker {
    const char* topic;                               // the file stem, e.g. "criteria"
    void (*check)(const Content&, Problems&);        // adds problems; must not throw
};

// ... and add one line per topic here. Example:
//   {"criteria", [](const Content& c, Problems& p) { load_criteria_rules(*c.topic("criteria"), p); }},
const std::vector<TopicChecker>& checkers() {
    static const std::vector<TopicChecker> list = {
        {"criteria", [](const Content& c, Problems& p) { load_criteria_rules(*c.topic("criteria"), p, "criteria.json"); }},
        {"checklists", [](const Content& c, Problems& p) { load_checklists(*c.topic("checklists"), p, "checklists.json"); }},
        {"centers", [](const Content& c, Problems& p) { load_centers(*c.topic("centers"), p, "centers.json"); }},
        {"labs", [](const Content& c, Problems& p) { load_lab_catalogue(*c.topic("labs"), p, "labs.json"); }},
        {"monitoring", [](const Content& c, Problems& p) { load_monitoring_plan(*c.topic("monitoring"), p, "monitoring.json"); }},
        {"recovery", [](const Content& c, Problems& p) { load_recovery(*c.topic("recovery"), p, "recovery.json"); }},
        {"prognosis", [](const Content& c, Problems& p) { load_prognosis(*c.topic("prognosis"), p, "prognosis.json"); }},
        {"documents", [](const Content& c, Problems& p) { load_document_texts(*c.topic("documents"), p, "documents.json"); }},
        {"diary", [](const Content& c, Problems& p) { load_diary_content(*c.topic("diary"), p, "diary.json"); }},
    };
    return list;
}

}  // namespace

std::vector<Problem> check_topic_structure(const Content& content) {
    Problems problems;
    for (const auto& c : checkers())
        if (content.topic(c.topic)) c.check(content, problems);
    return problems;
}

}  // namespace poems
