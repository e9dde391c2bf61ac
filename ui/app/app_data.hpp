// Everything the app reads from content/, loaded and validated once at start-up from the files
// compiled into the program. Immutable afterwards; pages take what they need from it.
#pragma once

#include "poems/centers.hpp"
#include "poems/checklists.hpp"
#include "poems/content.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/labs.hpp"
#include "poems/recovery.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"

#include <memory>
#include <string>

namespace poems::ui {

struct AppData {
    Content content;
    CriteriaRules criteria;
    LabCatalogue labs;
    MonitoringPlan monitoring;
    RecoveryContent recovery;
    PrognosisContent prognosis;
    Checklists checklists;
    CenterDirectory centers;
    CenterSearchIndex center_index;
};

// Loads the embedded content. On failure returns nullptr and fills `error` with every problem,
// one per line (the build checks content, so this means a broken build, never the person's fault).
std::shared_ptr<const AppData> load_app_data(std::string& error);

}  // namespace poems::ui
