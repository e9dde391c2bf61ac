// Properties of the evaluator over 10,000 generated findings. The generator is a fixed-seed
// splitmix64, so every run (native or wasm) sees the same cases and a failure can be replayed.
#include "catch.hpp"
#include "test_criteria_support.hpp"

#include <cstdint>

using poems::Evaluation;
using poems::Findings;
using poems::Tri;
using poems::Verdict;
using namespace poems_test;

namespace {

struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

Findings generate(Rng& rng) {
    Findings f;
    for (const auto& key : poems::criterion_keys()) {
        int pick = rng.below(4);  // not given, unknown, present, absent
        if (pick == 1) f.set(key, Tri::unknown);
        if (pick == 2) f.set(key, Tri::present);
        if (pick == 3) f.set(key, Tri::absent);
    }
    if (rng.chance(30)) {
        static const double values[] = {50, 150, 199, 200, 299, 300, 350, 849, 850, 999, 1000, 2400};
        poems::VegfMeasurement m{values[rng.below(12)], "pg/mL", rng.chance(50) ? "serum" : "plasma", std::nullopt};
        if (rng.chance(40)) m.upper_limit_of_normal = rng.chance(50) ? 100.0 : 300.0;
        f.vegf = m;
    }
    if (rng.chance(30)) {
        std::vector<std::string> list;
        for (const auto& e : rules().endocrine_findings)
            if (rng.chance(15)) list.push_back(e.key);
        f.endocrine_findings = list;
    }
    if (rng.chance(30)) {
        std::vector<poems::MProteinTest> tests;
        int n = rng.below(4);
        for (int i = 0; i < n; ++i)
            tests.push_back({poems::m_protein_test_kinds()[rng.below(5)], rng.chance(30) ? "positive" : "negative"});
        f.m_protein_tests = tests;
    }
    if (rng.chance(30)) {
        static const char* conditions[] = {"cidp", "mgus_neuropathy", "diabetic_neuropathy", "guillain_barre"};
        f.prior_diagnosis = poems::PriorDiagnosis{conditions[rng.below(4)], rng.chance(50)};
    }
    return f;
}

// Keys the findings leave unknown (not given, or given as "unknown").
std::vector<std::string> unknown_keys(const Findings& f) {
    std::vector<std::string> out;
    for (const auto& key : poems::criterion_keys())
        if (f.get(key) == Tri::unknown) out.push_back(key);
    return out;
}

constexpr int kCases = 10000;

std::string describe(int i, const Findings& f, const std::string& what) {
    return "case " + std::to_string(i) + " " + what + ": " + poems::findings_to_json(f).dump();
}

}  // namespace

// Each property checks silently and reports only the cases that break it (with the findings, so
// they can be replayed); a CHECK per case would make 10,000 cases slow under Node.

TEST_CASE("property: turning an unknown into present never undoes meets_criteria") {
    Rng rng{1};
    int checked = 0;
    for (int i = 0; i < kCases; ++i) {
        Findings f = generate(rng);
        if (poems::evaluate(f, rules()).verdict != Verdict::meets_criteria) continue;
        for (const auto& key : unknown_keys(f)) {
            Findings g = f;
            g.set(key, Tri::present);
            if (poems::evaluate(g, rules()).verdict != Verdict::meets_criteria) FAIL_CHECK(describe(i, f, key + " -> present"));
            ++checked;
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("property: turning an unknown into absent never turns does_not_meet into meets_criteria") {
    Rng rng{2};
    int checked = 0;
    for (int i = 0; i < kCases; ++i) {
        Findings f = generate(rng);
        if (poems::evaluate(f, rules()).verdict != Verdict::does_not_meet) continue;
        for (const auto& key : unknown_keys(f)) {
            Findings g = f;
            g.set(key, Tri::absent);
            if (poems::evaluate(g, rules()).verdict == Verdict::meets_criteria) FAIL_CHECK(describe(i, f, key + " -> absent"));
            ++checked;
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("property: every verdict is consistent with the items behind it") {
    Rng rng{3};
    int seen[4] = {0, 0, 0, 0};
    for (int i = 0; i < kCases; ++i) {
        Findings f = generate(rng);
        Evaluation e = poems::evaluate(f, rules());
        ++seen[static_cast<int>(e.verdict)];
        auto expect = [&](bool ok, const char* what) {
            if (!ok) FAIL_CHECK(describe(i, f, what));
        };
        if (e.verdict == Verdict::meets_criteria) {
            expect(e.criterion("polyneuropathy")->status == poems::Status::present, "meets without polyneuropathy");
            expect(e.criterion("monoclonal_plasma_cell_disorder")->status == poems::Status::present, "meets without M-protein");
        }
        if (e.verdict == Verdict::does_not_meet) expect(!e.why.empty(), "does_not_meet without a why");
        if (e.verdict == Verdict::incomplete) {
            expect(!e.missing.empty() && !e.tests_to_settle.empty(), "incomplete without missing items or tests");
            for (const auto& m : e.missing) expect(!m.settled_by_ids.empty(), "a missing item without tests");
        } else {
            expect(e.missing.empty(), "missing items outside incomplete");
        }
        expect(!e.headline.empty() && !e.disclaimer.empty() && !e.red_flag_reason.empty(), "an empty headline, disclaimer or screen reason");
    }
    // The generator reaches every verdict, or the properties above prove little.
    for (int v = 0; v < 4; ++v) CHECK(seen[v] > 50);
}

TEST_CASE("property: every criterion has a reason with its placeholders filled, and a source") {
    Rng rng{4};
    for (int i = 0; i < kCases; ++i) {
        Findings f = generate(rng);
        Evaluation e = poems::evaluate(f, rules());
        if (e.criteria.size() != poems::criterion_keys().size()) FAIL_CHECK(describe(i, f, "a criterion is missing"));
        for (const auto& c : e.criteria)
            if (c.reason.empty() || c.reason.find('{') != std::string::npos || c.sources.empty())
                FAIL_CHECK(describe(i, f, c.key + ": reason \"" + c.reason + "\""));
        for (const auto& w : e.warnings)
            if (w.text.find('{') != std::string::npos || w.sources.empty()) FAIL_CHECK(describe(i, f, w.id + ": " + w.text));
        if (e.red_flag_reason.find('{') != std::string::npos) FAIL_CHECK(describe(i, f, e.red_flag_reason));
    }
}

TEST_CASE("property: evaluate is deterministic and findings round-trip through JSON") {
    Rng rng{5};
    for (int i = 0; i < kCases; ++i) {
        Findings f = generate(rng);
        Evaluation a = poems::evaluate(f, rules());
        if (!(a == poems::evaluate(f, rules()))) FAIL_CHECK(describe(i, f, "two evaluations differ"));
        if (i % 100 == 0 && poems::evaluation_to_json(a) != poems::evaluation_to_json(poems::evaluate(f, rules())))
            FAIL_CHECK(describe(i, f, "two evaluation JSONs differ"));
        poems::Problems problems;
        auto again = poems::parse_findings(poems::findings_to_json(f), rules(), problems);
        if (!again || !(*again == f)) FAIL_CHECK(describe(i, f, "does not round-trip"));
    }
}
