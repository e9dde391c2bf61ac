// libFuzzer target for the findings reader (poems-findings/1), the way `poems criteria FILE` reads
// a file: any bytes are refused with named problems or read, never crash or hang; findings that
// are read evaluate against the real criteria and write back to a document that reads back the
// same. A vignette (its "findings" object inside) is read both ways, so the seeds' shapes survive.
// Run with tools/fuzz.sh findings SECONDS (seeds: tests/fixtures/findings-bad, tests/fixtures/vignettes).
#include "fuzz_check.hpp"
#include "poems/criteria.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/findings.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace poems;
using poems::fuzz::require;

static const CriteriaRules& rules() {
    static const CriteriaRules r = [] {
        Problems problems;
        auto loaded = load_embedded_criteria_rules(problems);
        require(loaded.has_value());
        return *loaded;
    }();
    return r;
}

static void check_findings(const Json& doc) {
    Problems problems;
    auto findings = parse_findings(doc, rules(), problems, "", "fuzz.json");
    require(findings.has_value() == problems.empty());
    for (const auto& p : problems) require(!p.message.empty() && p.file == "fuzz.json");
    if (!findings) return;

    Evaluation e = evaluate(*findings, rules());
    require(!evaluation_to_json(e).dump().empty());

    Problems again;
    auto back = parse_findings(findings_to_json(*findings), rules(), again);
    require(back.has_value() && again.empty() && *back == *findings);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    Problems problems;
    auto doc = parse_json_text(text, "fuzz.json", problems);
    poems::fuzz::check_json_verdict(text, problems, doc.has_value());
    if (!doc) {
        require(problems.size() == 1);
        return 0;
    }
    check_findings(*doc);
    if (doc->is_object() && doc->contains("findings")) check_findings((*doc)["findings"]);
    return 0;
}
