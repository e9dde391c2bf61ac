// poems criteria FILE|- [--json]
//
// Reads a findings document (`poems-findings/1`: a bare JSON object, see docs/criteria.md) and
// prints the evaluation: the verdict, each criterion with its status and reason, what is still
// unknown and which tests would settle it, warnings, the red-flag screen and the disclaimer.
// Exit 0 whatever the verdict; 2 on bad input (unreadable file, invalid JSON, a key or value the
// format does not allow: the message names the key) or bad usage.
#include "commands.hpp"

#include "poems/criteria.hpp"
#include "poems/criteria_rules.hpp"
#include "poems/embedded_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace poems::cli {
namespace {

constexpr const char* kUsage = "usage: poems criteria FILE|- [--json]\n";

bool read_input(const std::string& file, std::string& text, std::string& error) {
    if (file == "-") {
        std::ostringstream s;
        s << std::cin.rdbuf();
        text = s.str();
        return true;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = "cannot read " + file + ": " + std::strerror(errno);
        return false;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        error = "cannot read " + file;
        return false;
    }
    return true;
}

// A workup id's name from the embedded workup.json ("workup.cbc" -> "Complete blood count ..."),
// or the id itself when the file or the item is not there.
std::string workup_name(const std::string& id) {
    static Json workup = [] {
        for (const auto& f : embedded_content_files()) {
            if (std::string_view(f.name) != "workup.json") continue;
            Problems ignored;
            if (auto j = parse_json_text(f.text, f.name, ignored)) return *j;
        }
        return Json::object();
    }();
    if (workup.contains("items") && workup["items"].is_array())
        for (const auto& item : workup["items"])
            if (item.is_object() && item.value("id", "") == id && item.contains("name") && item["name"].is_object())
                return item["name"].value("en", id);
    return id;
}

// Wraps text to 78 columns after an indent, so long reasons stay readable in a terminal.
void wrap(const std::string& text, const std::string& indent, const char* rest = nullptr) {
    print_wrapped(text, indent, 78, rest ? rest : "\x01");
}

void print_text(const Evaluation& e, const std::string& input_name) {
    std::printf("POEMS criteria check: %s\n\n", input_name.c_str());
    std::printf("RESULT: %s\n", to_string(e.verdict));
    wrap(e.headline, "  ", "  ");
    wrap(e.explanation, "  ", "  ");
    for (const auto& w : e.why) wrap("- " + w, "  ");

    for (const auto& g : e.groups) {
        const char* state = g.state == "met" ? "met" : g.state == "cannot_be_met" ? "cannot be met" : "not settled yet";
        std::printf("\n%s (%s) [%s]\n", g.name.c_str(), g.rule.c_str(), state);
        for (const auto& c : e.criteria) {
            if (c.group != g.key) continue;
            std::printf("  %-10s %s\n", to_string(c.status), c.name.c_str());
            wrap(c.reason, "             ", "             ");
        }
    }

    if (!e.missing.empty()) {
        std::printf("\nSTILL UNKNOWN, and what would settle it:\n");
        for (const auto& m : e.missing) {
            const CriterionResult* c = e.criterion(m.key);
            std::string tests;
            for (const auto& w : m.settled_by_ids) tests += (tests.empty() ? "" : "; ") + workup_name(w);
            wrap("- " + (c ? c->name : m.key) + " (" + to_string(m.status) + "): " + tests, "  ");
        }
        std::printf("\nTESTS TO ASK YOUR DOCTOR ABOUT, most useful first:\n");
        int n = 1;
        for (const auto& t : e.tests_to_settle) {
            std::string settles;
            for (const auto& k : t.settles) {
                const CriterionResult* c = e.criterion(k);
                settles += (settles.empty() ? "" : ", ") + (c ? c->name : k);
            }
            wrap(std::to_string(n++) + ". " + workup_name(t.workup_id) + " [" + t.workup_id + "] - for: " + settles, "  ", "     ");
        }
    }

    if (!e.warnings.empty()) {
        std::printf("\nWARNINGS:\n");
        for (const auto& w : e.warnings) wrap("! " + w.text, "  ");
    }

    std::printf("\nRED-FLAG SCREEN: workup recommended: %s\n", e.workup_recommended ? "YES" : "does not apply");
    wrap(e.red_flag_headline, "  ", "  ");
    wrap(e.red_flag_reason, "  ", "  ");

    std::printf("\n");
    wrap(e.disclaimer, "", "");
}

}  // namespace

int run_criteria(Args args) {
    std::string file;
    bool json = false;
    for (auto a : args) {
        if (a == "--json") json = true;
        else if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return 0;
        } else if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "poems criteria: unknown option \"%.*s\"\n%s", static_cast<int>(a.size()), a.data(), kUsage);
            return 2;
        } else if (!file.empty()) {
            std::fprintf(stderr, "poems criteria: give one findings file\n%s", kUsage);
            return 2;
        } else {
            file = std::string(a);
        }
    }
    if (file.empty()) {
        std::fprintf(stderr, "poems criteria: no findings file given\n%s", kUsage);
        return 2;
    }

    Problems problems;
    auto rules = load_embedded_criteria_rules(problems);
    if (!rules) {
        for (const auto& p : problems) std::fprintf(stderr, "poems criteria: %s\n", p.to_string().c_str());
        std::fprintf(stderr, "poems criteria: the criteria compiled into this program are invalid\n");
        return 2;
    }

    std::string text, error;
    if (!read_input(file, text, error)) {
        std::fprintf(stderr, "poems criteria: %s\n", error.c_str());
        return 2;
    }
    const std::string name = file == "-" ? "stdin" : file;
    auto doc = parse_json_text(text, name, problems);
    std::optional<Findings> findings;
    if (doc) findings = parse_findings(*doc, *rules, problems, "", name);
    if (!findings) {
        for (const auto& p : problems) std::fprintf(stderr, "poems criteria: %s\n", p.to_string().c_str());
        if (doc && doc->is_object() && doc->contains("findings"))
            std::fprintf(stderr, "poems criteria: this looks like a vignette file: pass its \"findings\" object on its own\n");
        return 2;
    }

    Evaluation e = evaluate(*findings, *rules);
    if (json) std::printf("%s\n", evaluation_to_json(e).dump(2).c_str());
    else print_text(e, name);
    return 0;
}

}  // namespace poems::cli
