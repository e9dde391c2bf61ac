// poems schedule (RECORD.json | --treated YYYY-MM-DD [--remission YYYY-MM-DD] | --diagnosed YYYY-MM-DD)
//                [--today YYYY-MM-DD] [--horizon MONTHS] [--factor ID=present|absent]... [--ics FILE] [--json]
//
// Prints the monitoring schedule of the guide for a record (or for plain dates): every dated item
// from the treatment date to `horizon` months after today with its status, the tests to have
// before treatment for the newly diagnosed, the "as indicated" tests, and, from a record, the
// recovery phase, the prognostic factors and the signals to report. --ics writes the items not
// done yet from today on as an iCalendar file. Exit 0; 2 on bad input or usage.
#include "commands.hpp"

#include "poems/diary.hpp"

#include "poems/content.hpp"
#include "poems/embedded_files.hpp"
#include "poems/ics.hpp"
#include "poems/record_json.hpp"
#include "poems/recovery.hpp"
#include "poems/risk_factors.hpp"
#include "poems/schedule.hpp"
#include "poems/signals.hpp"
#include "poems/topics.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace poems::cli {
namespace {

constexpr const char* kUsage =
    "usage: poems schedule RECORD.json [options]\n"
    "       poems schedule --treated YYYY-MM-DD [--remission YYYY-MM-DD] [options]\n"
    "       poems schedule --diagnosed YYYY-MM-DD [options]\n"
    "options:\n"
    "  --today YYYY-MM-DD     the date to compute statuses for (default: the computer's date)\n"
    "  --horizon MONTHS       how far after today to plan (default 12, at most 600)\n"
    "  --factor ID=present|absent   answer a prognostic factor (e.g. prognosis.pulmonary_hypertension=present)\n"
    "  --ics FILE             also write the items not done yet as an iCalendar file\n"
    "  --json                 print JSON instead of a table\n";

int fail(const std::string& message) { return usage_error("schedule", message, kUsage); }

// The topics the schedule reads (registered once, in poems/topics.hpp), or nothing with problems.
std::optional<Topics> load_everything(Problems& problems) {
    ContentLoad cl = load_content(embedded_content_files(), TopicChecks::done_by_caller);
    problems = cl.problems;
    if (!cl.content) return std::nullopt;
    Topics topics(std::move(*cl.content));
    topics.labs(), topics.monitoring(), topics.recovery(), topics.prognosis(), topics.diary();
    problems = topics.problems();
    if (!problems.empty()) return std::nullopt;
    return topics;
}

std::string test_label(const PlannedTest& t, const MonitoringPlan& plan, bool show_done) {
    const MonitoringTest* mt = plan.test(t.test_id);
    std::string s = mt ? mt->short_name.in() : t.test_id;
    if (t.applies == Tri::unknown) s += " (?)";
    if (show_done && t.done) s += " [done]";
    else if (t.planned) s += " [booked]";
    else if (t.unconfirmed) s += " [not confirmed]";
    return s;
}

std::string cite(const Content& c, const std::vector<SourceRef>& sources) {
    std::string out;
    for (const auto& s : sources) out += (out.empty() ? "" : "; ") + c.format_citation(s);
    return out;
}

void print_tests(const std::vector<PlannedTest>& tests, const MonitoringPlan& plan) {
    for (const auto& t : tests) {
        const MonitoringTest* mt = plan.test(t.test_id);
        std::string line = mt ? mt->name.in() : t.test_id;
        if (t.done) line += " (" + t.evidence + ")";
        else if (t.unconfirmed) line += " (listed at the appointment on " + to_string(*t.unconfirmed) + ", not confirmed done)";
        print_wrapped(line, std::string("  ") + (t.done ? "done     " : t.planned ? "booked   " : "to do    "), 100,
                      std::string(11, ' '));
    }
}

void print_text(const Topics& L, const Plan& p, const Record& record, bool from_record,
                const std::optional<RiskFactorReport>& risk) {
    const MonitoringPlan& plan = L.monitoring();
    std::printf("%s (today %s)\n", plan.title.in().c_str(), to_string(p.today).c_str());
    if (p.diagnosis) std::printf("Diagnosis:  %s\n", to_string(*p.diagnosis).c_str());
    if (p.anchor)
        std::printf("Treatment:  %s (%s)\n", to_string(p.anchor->date).c_str(),
                    p.anchor->kind == "asct" ? "stem cell transplant" : "treatment start");
    if (p.remission) std::printf("Remission:  %s (sustained: no relapse recorded after it)\n", to_string(*p.remission).c_str());
    if (p.extension_start) std::printf("Spacing out from: %s (%s)\n", to_string(*p.extension_start).c_str(),
                                       plan.extension_name.in().c_str());
    RecoveryStatus rs = recovery_status(p.anchor, L.recovery(), p.today);
    if (rs.stage == RecoveryStage::in_phase)
        std::printf("Recovery:   month %d after treatment, phase %s\n", rs.months_since, rs.phase->name.in().c_str());

    if (p.baseline) {
        std::printf("\n%s: %s\n", to_string(p.baseline->status), plan.baseline_name.in().c_str());
        print_tests(p.baseline->tests, plan);
        print_wrapped("why: " + plan.baseline_why.in() + " [" + cite(L.content(), plan.baseline_sources) + "]", "  ");
        std::printf("\n  If not done yet (the diagnostic workup):\n");
        print_tests(p.baseline->workup, plan);
        print_wrapped("why: " + plan.baseline_workup.text.in() + " [" + cite(L.content(), plan.baseline_workup.sources) + "]", "  ");
    }

    if (!p.items.empty()) {
        std::printf("\n%-10s  %-8s  %s\n", "DATE", "STATUS", "TESTS / WHY");
        std::string last_phase;
        for (const auto& item : p.items) {
            if (item.phase_id != last_phase) {
                const MonitoringPhase* ph = plan.phase(item.phase_id);
                std::printf("-- %s --\n", ph ? ph->name.in().c_str() : item.phase_id.c_str());
                last_phase = item.phase_id;
            }
            std::string tests;
            for (const auto& t : item.tests)
                tests += (tests.empty() ? "" : ", ") + test_label(t, plan, item.status != ItemStatus::done);
            std::string why;
            for (const auto& w : item.why) {
                const ScheduleRow* row = plan.row(w.row_id);
                why += (why.empty() ? "" : "; ") + (row ? row->name.in() : w.row_id);
            }
            char head[64];
            std::snprintf(head, sizeof head, "%-10s  %-8s  ", to_string(item.due).c_str(), to_string(item.status));
            const std::string pad(22, ' ');
            print_wrapped(tests, head, 100, pad);
            print_wrapped("why: " + why, pad, 100, pad);
        }
        std::printf("\nSource of the dates: %s. %s\n", cite(L.content(), plan.rows.front().sources).c_str(),
                    "(?) = only if a condition holds; ask your care team.");
    }

    if (!p.appointments.empty()) {
        std::printf("\nYOUR APPOINTMENTS (from today on):\n");
        for (const auto& pa : p.appointments) {
            std::string tests;
            for (std::size_t i = 0; i < pa.appointment.test_ids.size(); ++i)
                tests += (tests.empty() ? "" : ", ") +
                         (i < pa.test_names.size() && !pa.test_names[i].empty() ? pa.test_names[i].in() : pa.appointment.test_ids[i]);
            print_wrapped(to_string(pa.appointment.date) + "  " + pa.appointment.title + (tests.empty() ? "" : ": " + tests), "  ", 100,
                          std::string(14, ' '));
        }
    }

    if (!p.as_indicated.empty() && p.anchor) {
        std::printf("\nAS INDICATED (no dates):\n");
        for (const auto& a : p.as_indicated) {
            const MonitoringTest* mt = plan.test(a.test_id);
            print_wrapped("- " + (mt ? mt->name.in() : a.test_id) + ": " + a.when.in(), "  ");
        }
    }

    if (!p.note_ids.empty()) {
        std::printf("\nNOTES:\n");
        for (const auto& id : p.note_ids)
            if (const CitedText* n = plan.note(id)) print_wrapped("- " + n->text.in(), "  ");
    }

    if (from_record && risk) {
        std::printf("\nPROGNOSTIC FACTORS (%d present, %d absent, %d unknown; no score):\n", risk->present, risk->absent,
                    risk->unknown);
        for (const auto& f : risk->factors) {
            const PrognosticFactor* pf = L.prognosis().factor(f.factor_id);
            print_wrapped("- " + std::string(poems::to_string(f.state)) + ": " + (pf ? pf->name.in() : f.factor_id) +
                              " (" + f.reason + ")",
                          "  ");
        }
        if (risk->summary) print_wrapped(risk->summary->in(), "  ");
        auto signals = find_signals(record, L.labs(), plan, p.today, &L.diary());
        std::printf("\nSIGNALS TO REPORT:%s\n", signals.empty() ? " none found in the record" : "");
        for (const auto& s : signals) {
            print_wrapped("! " + s.rule->name.in() + ": " + s.rule->text.in(), "  ");
            for (const auto& d : s.data) print_wrapped(d, "      ");
            print_wrapped("rule: " + s.rule->rule.in() + " [" + cite(L.content(), s.rule->sources) + "]", "    ");
        }
    }
    std::printf("\n");
    print_wrapped(plan.intro.in(), "", 100, "");
}

Json tests_json(const std::vector<PlannedTest>& tests) {
    Json a = Json::array();
    for (const auto& t : tests) {
        Json o = {{"test_id", t.test_id}, {"row_id", t.row_id}, {"applies", poems::to_string(t.applies)},
                  {"done", t.done}, {"planned", t.planned}, {"window_start", to_string(t.window_start)},
                  {"window_end", to_string(t.window_end)}};
        if (!t.condition_id.empty()) o["condition_id"] = t.condition_id;
        if (!t.evidence.empty()) o["evidence"] = t.evidence;
        if (t.unconfirmed) o["unconfirmed_appointment"] = to_string(*t.unconfirmed);
        a.push_back(std::move(o));
    }
    return a;
}

Json sources_json(const std::vector<SourceRef>& sources) {
    Json a = Json::array();
    for (const auto& s : sources) a.push_back(source_ref_to_json(s));
    return a;
}

Json plan_json(const Topics& L, const Plan& p, const Record& record, bool from_record,
               const std::optional<RiskFactorReport>& risk) {
    auto date_or_null = [](const std::optional<Date>& d) { return d ? Json(to_string(*d)) : Json(nullptr); };
    Json j = {{"today", to_string(p.today)},
              {"until", to_string(p.until)},
              {"diagnosis", date_or_null(p.diagnosis)},
              {"treatment", p.anchor ? Json{{"date", to_string(p.anchor->date)}, {"kind", p.anchor->kind}} : Json(nullptr)},
              {"remission", date_or_null(p.remission)},
              {"extension_start", date_or_null(p.extension_start)}};
    if (p.baseline)
        j["baseline"] = {{"status", to_string(p.baseline->status)}, {"counts_from", to_string(p.baseline->counts_from)},
                         {"tests", tests_json(p.baseline->tests)}, {"workup", tests_json(p.baseline->workup)}};
    Json items = Json::array();
    for (const auto& item : p.items) {
        Json why = Json::array();
        for (const auto& w : item.why) why.push_back({{"row_id", w.row_id}, {"text", w.text.in()}, {"sources", sources_json(w.sources)}});
        items.push_back({{"uid", item.uid}, {"due", to_string(item.due)}, {"status", to_string(item.status)},
                         {"phase_id", item.phase_id}, {"tests", tests_json(item.tests)}, {"why", why}});
    }
    j["items"] = std::move(items);
    Json as = Json::array();
    for (const auto& a : p.as_indicated) as.push_back({{"id", a.id}, {"test_id", a.test_id}, {"when", a.when.in()}});
    j["as_indicated"] = std::move(as);
    j["note_ids"] = p.note_ids;
    Json appts = Json::array();
    for (const auto& pa : p.appointments) {
        Json names = Json::array();
        for (const auto& n : pa.test_names) names.push_back(n.empty() ? Json(nullptr) : Json(n.in()));
        appts.push_back({{"id", pa.appointment.id}, {"date", to_string(pa.appointment.date)}, {"title", pa.appointment.title},
                         {"test_ids", pa.appointment.test_ids}, {"test_names", names}});
    }
    j["appointments"] = std::move(appts);
    RecoveryStatus rs = recovery_status(p.anchor, L.recovery(), p.today);
    const char* stage = rs.stage == RecoveryStage::in_phase ? "in_phase"
                        : rs.stage == RecoveryStage::before_treatment ? "before_treatment"
                        : rs.stage == RecoveryStage::beyond_timeline ? "beyond_timeline" : "no_treatment";
    j["recovery"] = {{"stage", stage}, {"months_since", rs.months_since},
                     {"phase_id", rs.phase ? Json(rs.phase->id) : Json(nullptr)}};
    if (from_record && risk) {
        Json f = Json::array();
        for (const auto& r : risk->factors)
            f.push_back({{"factor_id", r.factor_id}, {"state", poems::to_string(r.state)}, {"reason", r.reason}});
        j["risk_factors"] = {{"factors", f}, {"present", risk->present}, {"absent", risk->absent},
                             {"unknown", risk->unknown}, {"three_or_more", risk->three_or_more}};
        Json s = Json::array();
        for (const auto& sig : find_signals(record, L.labs(), L.monitoring(), p.today, &L.diary()))
            s.push_back({{"rule_id", sig.rule_id}, {"test_id", sig.test_id}, {"text", sig.rule->text.in()},
                         {"data", sig.data}, {"entry_ids", sig.entry_ids}, {"sources", sources_json(sig.rule->sources)}});
        j["signals"] = std::move(s);
    }
    return j;
}

}  // namespace

int run_schedule(Args args) {
    std::optional<Date> treated, remission, diagnosed, today;
    std::string record_file, ics_file;
    bool json = false;
    int horizon = 12;
    FactorAnswers answers;
    auto date_arg = [&](std::size_t& i, std::string_view flag, std::optional<Date>& out) -> bool {
        if (i + 1 >= args.size()) {
            fail(std::string(flag) + " needs a date (YYYY-MM-DD)");
            return false;
        }
        auto d = parse_date(args[++i]);
        if (!d) {
            fail(std::string(flag) + ": \"" + std::string(args[i]) + "\" is not a valid date (YYYY-MM-DD)");
            return false;
        }
        if (out) {
            fail(std::string(flag) + " is given twice");
            return false;
        }
        out = d;
        return true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "--help" || a == "-h") {
            std::printf("%s", kUsage);
            return 0;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--treated") {
            if (!date_arg(i, a, treated)) return 2;
        } else if (a == "--remission") {
            if (!date_arg(i, a, remission)) return 2;
        } else if (a == "--diagnosed") {
            if (!date_arg(i, a, diagnosed)) return 2;
        } else if (a == "--today") {
            if (!date_arg(i, a, today)) return 2;
        } else if (a == "--ics") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return fail("--ics needs a file name");
            ics_file = std::string(args[++i]);
        } else if (a == "--horizon") {
            if (i + 1 >= args.size()) return fail("--horizon needs a number of months");
            std::string v(args[++i]);
            if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) > 600)
                return fail("--horizon: \"" + v + "\" is not a number of months from 0 to 600");
            horizon = std::stoi(v);
        } else if (a == "--factor") {
            if (i + 1 >= args.size()) return fail("--factor needs ID=present or ID=absent");
            std::string v(args[++i]);
            auto eq = v.find('=');
            std::string id = v.substr(0, eq), state = eq == std::string::npos ? "" : v.substr(eq + 1);
            if (state != "present" && state != "absent") return fail("--factor: \"" + v + "\" is not ID=present or ID=absent");
            answers[id] = state == "present" ? Tri::present : Tri::absent;
        } else if (a.size() > 1 && a[0] == '-') {
            return fail("unknown option \"" + std::string(a) + "\"");
        } else if (!record_file.empty()) {
            return fail("give one record file");
        } else {
            record_file = std::string(a);
        }
    }
    const bool from_record = !record_file.empty();
    if (from_record && (treated || remission || diagnosed))
        return fail("give either a record file or --treated/--remission/--diagnosed, not both");
    if (remission && !treated && !from_record) return fail("--remission needs --treated (remission is counted after treatment)");
    if (!from_record && !treated && !diagnosed) return fail("give a record file, --treated or --diagnosed");
    if (remission && treated && *remission < *treated) return fail("--remission must not be before --treated");
    if (diagnosed && treated && *treated < *diagnosed) return fail("--treated must not be before --diagnosed");

    Problems problems;
    auto L = load_everything(problems);
    if (!L) {
        for (const auto& p : problems) std::fprintf(stderr, "poems schedule: %s\n", p.to_string().c_str());
        std::fprintf(stderr, "poems schedule: the content compiled into this program is invalid\n");
        return 2;
    }
    for (const auto& [id, _] : answers)
        if (!L->prognosis().factor(id)) return fail("--factor: unknown prognostic factor \"" + id + "\"");

    Record record;
    if (from_record) {
        std::ifstream in(record_file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "poems schedule: cannot read %s: %s\n", record_file.c_str(), std::strerror(errno));
            return 2;
        }
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        RecordLoad rl = record_from_json_text(text, record_file);
        if (!rl.record) {
            for (const auto& p : rl.problems) std::fprintf(stderr, "poems schedule: %s\n", p.to_string().c_str());
            return 2;
        }
        record = std::move(*rl.record);
    } else {
        record = record_from_dates(diagnosed, treated, remission);
    }

    const Date now = today ? *today : computer_today();
    std::optional<RiskFactorReport> risk;
    if (from_record || !answers.empty()) risk = evaluate_risk_factors(record, L->prognosis(), L->labs(), now, answers);
    Plan p = make_schedule(record, L->monitoring(), L->labs(), now, horizon, risk ? &*risk : nullptr);

    if (!ics_file.empty()) {
        std::ofstream out(ics_file, std::ios::binary);
        out << schedule_to_ics(p, L->monitoring(), now);
        if (!out) {
            std::fprintf(stderr, "poems schedule: cannot write %s: %s\n", ics_file.c_str(), std::strerror(errno));
            return 2;
        }
    }
    if (json) std::printf("%s\n", plan_json(*L, p, record, from_record, risk).dump(2).c_str());
    else print_text(*L, p, record, from_record, risk);
    return 0;
}

}  // namespace poems::cli
