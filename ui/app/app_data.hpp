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

// The embedded content, loaded: `data` on success, else nullptr and `error` with every problem,
// one per line (the build checks content, so this means a broken build, never the person's fault).
struct AppDataLoad {
    std::shared_ptr<const AppData> data;
    std::string error;
};
// A runner may call this early (the browser's, while IndexedDB is still being read) and hand
// the result to App.
AppDataLoad load_app_data();

}  // namespace poems::ui
