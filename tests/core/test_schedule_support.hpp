// Loads the real content files for the monitoring tests (labs, monitoring, recovery, prognosis)
// and builds small records. Shared by tests/core/test_{labs,schedule,signals,recovery,risk_factors,ics}.cpp.
#pragma once

#include "catch.hpp"

#include "poems/diary.hpp"
#include "poems/labs.hpp"
#include "poems/recovery.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"

#include <fstream>
#include <iterator>
#include <string>

namespace poems::test {

inline Json content_json(const std::string& name) {
    std::ifstream in(std::string(POEMS_CONTENT_DIR) + "/" + name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Problems problems;
    auto j = parse_json_text(text, name, problems);
    REQUIRE(j);
    return *j;
}

template <typename T>
inline T loaded(std::optional<T> value, const Problems& problems) {
    for (const auto& p : problems) UNSCOPED_INFO(p.to_string());
    REQUIRE(problems.empty());
    REQUIRE(value);
    return std::move(*value);
}

inline const LabCatalogue& labs() {
    static const LabCatalogue c = [] {
        Problems p;
        auto v = load_lab_catalogue(content_json("labs.json"), p);
        return loaded(std::move(v), p);
    }();
    return c;
}

inline const MonitoringPlan& monitoring() {
    static const MonitoringPlan m = [] {
        Problems p;
        auto v = load_monitoring_plan(content_json("monitoring.json"), p);
        return loaded(std::move(v), p);
    }();
    return m;
}

inline const RecoveryContent& recovery() {
    static const RecoveryContent r = [] {
        Problems p;
        auto v = load_recovery(content_json("recovery.json"), p);
        return loaded(std::move(v), p);
    }();
    return r;
}

inline const PrognosisContent& prognosis() {
    static const PrognosisContent c = [] {
        Problems p;
        auto v = load_prognosis(content_json("prognosis.json"), p);
        return loaded(std::move(v), p);
    }();
    return c;
}

inline const DiaryContent& diary() {
    static const DiaryContent c = [] {
        Problems p;
        auto v = load_diary_content(content_json("diary.json"), p);
        return loaded(std::move(v), p);
    }();
    return c;
}

inline Date d(const char* text) {
    auto v = parse_date(text);
    REQUIRE(v);
    return *v;
}

inline void event(Record& r, const char* kind, const char* date) {
    r.events.push_back({"event-" + std::to_string(r.events.size() + 1), kind, d(date), "", ""});
}

inline void lab(Record& r, const char* test, double value, const char* unit, const char* date, const char* note = "") {
    r.labs.push_back({"lab-" + std::to_string(r.labs.size() + 1), test, value, unit, d(date), note});
}

// An "other" entry: the person's own words, no symptom id.
inline void symptom(Record& r, const char* text, const char* date, int severity = 0) {
    r.symptoms.push_back({"symptom-" + std::to_string(r.symptoms.size() + 1), d(date), text, severity, ""});
}

// An entry for a symptom of the diary's list (content/diary.json), by id.
inline void symptom_of(Record& r, const char* symptom_id, const char* date, int severity) {
    r.symptoms.push_back({"symptom-" + std::to_string(r.symptoms.size() + 1), d(date), "", severity, "", symptom_id});
}

// `confirmed`: the person confirmed every listed test done at it (done_test_ids).
inline void appointment(Record& r, const char* date, std::vector<std::string> tests, bool confirmed = false) {
    std::vector<std::string> done = confirmed ? tests : std::vector<std::string>{};
    r.appointments.push_back({"appt-" + std::to_string(r.appointments.size() + 1), d(date), "visit", std::move(tests), "",
                              std::move(done)});
}

}  // namespace poems::test
