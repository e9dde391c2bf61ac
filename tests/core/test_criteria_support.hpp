// Shared by the criteria and findings tests: the real content/criteria.json and small helpers.
#pragma once

#include "poems/criteria.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/findings.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace poems_test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline poems::Json read_json(const std::string& path) { return poems::Json::parse(read_file(path)); }

// The criteria from the source tree (POEMS_CONTENT_DIR), loaded once; a test fails loudly if invalid.
inline const poems::CriteriaRules& rules() {
    static const poems::CriteriaRules loaded = [] {
        poems::Problems problems;
        auto r = poems::load_criteria_rules(read_json(std::string(POEMS_CONTENT_DIR) + "/criteria.json"), problems);
        if (!r) {
            std::string all;
            for (const auto& p : problems) all += p.to_string() + "\n";
            throw std::runtime_error("content/criteria.json does not load:\n" + all);
        }
        return *r;
    }();
    return loaded;
}

inline std::vector<std::filesystem::path> files_in(const std::string& folder, const std::string& ext) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(folder))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Findings from JSON text written in a test; fails the test (throws) when it does not parse.
inline poems::Findings findings(const std::string& json_text) {
    poems::Problems problems;
    auto f = poems::parse_findings(poems::Json::parse(json_text), rules(), problems);
    if (!f) throw std::runtime_error("test findings do not parse: " + problems.at(0).to_string());
    return *f;
}

inline poems::Evaluation eval(const std::string& json_text) { return poems::evaluate(findings(json_text), rules()); }

inline bool has_warning(const poems::Evaluation& e, const std::string& id) {
    return std::any_of(e.warnings.begin(), e.warnings.end(), [&](const auto& w) { return w.id == id; });
}

}  // namespace poems_test
