// `poems record`: check a record file or an export, and move a record in and out of a folder.
//   poems record check FILE|-                  validate; summary and exit 0, or each problem and exit 2
//   poems record export --dir DIR              print the record kept in DIR as an export
//   poems record import FILE|- --dir DIR [--yes]
//                                              show what importing would change; with --yes, save it
// `check` never modifies the file it reads.
#include "commands.hpp"

#include "poems/diary.hpp"
#include "poems/embedded_files.hpp"
#include "poems/findings.hpp"
#include "poems/labs.hpp"
#include "poems/record_store.hpp"
#include "poems/schedule.hpp"

#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>

namespace poems::cli {

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage: poems record check FILE|-\n"
                 "       poems record export --dir DIR\n"
                 "       poems record import FILE|- --dir DIR [--yes]\n");
    return 2;
}

// The text of FILE or stdin, limited to the record size limit.
std::optional<std::string> read_input(std::string_view name) {
    std::string error;
    auto text = name == "-" ? read_text_stream(stdin, kMaxRecordFileBytes, error)
                            : read_text_file(std::string(name), kMaxRecordFileBytes, error);
    if (!text) std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(name.size()), name.data(), error.c_str());
    return text;
}

std::string display_name(std::string_view name) { return name == "-" ? "(stdin)" : std::string(name); }

int print_problems(const Problems& problems) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
    return 2;
}

int check(std::string_view name) {
    auto text = read_input(name);
    if (!text) return 2;
    const std::string shown = display_name(name);
    RecordLoad load = record_from_json_text(*text, shown);
    if (!load.record) return print_problems(load.problems);

    const Record& r = *load.record;
    std::printf("%s: a valid POEMS Companion record (%s)\n", shown.c_str(), record_schema_name(load.from_schema).c_str());
    if (load.migrated)
        std::printf("  written in schema %d; it reads as schema %d (the file was not changed)\n", load.from_schema,
                    kRecordSchemaVersion);
    int profile_fields = !r.profile.display_name.empty() + r.profile.birth_year.has_value() + !r.profile.sex.empty();
    std::printf("  profile: %d of 3 fields filled\n", profile_fields);
    Problems ignored;
    if (auto f = parse_findings(r.findings, ignored)) {
        std::size_t known = 0;
        for (const auto& key : criterion_keys()) known += f->get(key) != Tri::unknown;
        std::printf("  findings: %zu of %zu criteria marked present or absent\n", known, criterion_keys().size());
    }
    RecordSummary s = summarize_record(r);
    for (const auto& [section, n] : s.counts) std::printf("  %s: %zu\n", section_label(section, 2), n);

    // This version's content, to name what the diary holds and to list ids it does not know.
    auto topic = [&](std::string_view name) -> std::optional<Json> {
        for (const auto& f : embedded_content_files())
            if (std::string_view(f.name) == name) return parse_json_text(f.text, f.name, ignored);
        return std::nullopt;
    };
    auto labs_doc = topic("labs.json"), plan_doc = topic("monitoring.json"), diary_doc = topic("diary.json");
    auto catalogue = labs_doc ? load_lab_catalogue(*labs_doc, ignored) : std::nullopt;
    auto plan = plan_doc ? load_monitoring_plan(*plan_doc, ignored) : std::nullopt;
    auto diary = diary_doc ? load_diary_content(*diary_doc, ignored) : std::nullopt;

    // The diary, section by section: what it holds and its latest entry.
    std::printf("  diary:\n");
    {
        std::size_t listed = 0, other = 0;
        const SymptomEntry* latest = nullptr;
        for (const auto& e : r.symptoms) {
            (e.symptom_id.empty() ? other : listed)++;
            if (!latest || e.date >= latest->date) latest = &e;
        }
        std::printf("    symptoms: %zu entries (%zu by symptom id, %zu other)", r.symptoms.size(), listed, other);
        if (latest) {
            const DiaryChoice* c = diary && !latest->symptom_id.empty() ? diary->symptom(latest->symptom_id) : nullptr;
            std::string what = c ? c->name.in() : latest->symptom_id.empty() ? latest->symptom : latest->symptom_id;
            std::printf("; latest %s: %s, %d/10", to_string(latest->date).c_str(), what.c_str(), latest->severity);
        }
        std::printf("\n");
    }
    {
        const FunctionEntry *walk = nullptr, *hands = nullptr;
        for (const auto& f : r.function) {
            if (!f.walking.empty() && (!walk || f.date >= walk->date)) walk = &f;
            if (!f.hands.empty() && (!hands || f.date >= hands->date)) hands = &f;
        }
        auto level = [&](const DiaryScale* scale, const std::string& id) {
            const DiaryChoice* c = scale ? scale->level(id) : nullptr;
            return c ? c->name.in() : id;
        };
        std::printf("    function: %zu entries", r.function.size());
        if (walk) std::printf("; walking %s: %s", to_string(walk->date).c_str(), level(diary ? &diary->walking : nullptr, walk->walking).c_str());
        if (hands) std::printf("; hands %s: %s", to_string(hands->date).c_str(), level(diary ? &diary->hands : nullptr, hands->hands).c_str());
        std::printf("\n");
    }
    {
        const WeightEntry* latest = nullptr;
        for (const auto& w : r.weights)
            if (!latest || w.date >= latest->date) latest = &w;
        std::printf("    weights: %zu", r.weights.size());
        if (latest) std::printf("; latest %s: %s %s", to_string(latest->date).c_str(), format_number(latest->value).c_str(), latest->unit.c_str());
        std::printf("\n");
    }
    {
        std::size_t upcoming = 0, planned = 0, confirmed = 0, unconfirmed = 0;
        for (const auto& a : r.appointments) {
            upcoming += a.date >= computer_today();
            planned += a.test_ids.size();
            confirmed += a.done_test_ids.size();
            if (a.date < computer_today()) unconfirmed += a.test_ids.size() - a.done_test_ids.size();
        }
        std::printf("    appointments: %zu (%zu from today on); %zu tests planned, %zu confirmed done", r.appointments.size(),
                    upcoming, planned, confirmed);
        if (unconfirmed) std::printf(", %zu at past appointments not confirmed (they do not count as done)", unconfirmed);
        std::printf("\n");
    }
    std::printf("    notes: %zu\n", r.notes.size());

    // Entries naming something this version's content does not know are valid and kept: say
    // which, never hide them.
    if (catalogue) {
        auto unknown = results_of_unknown_tests(r, *catalogue);
        if (!unknown.empty()) {
            std::printf("  %zu lab %s for a test this version's catalogue does not list (kept as entered):\n",
                        unknown.size(), unknown.size() == 1 ? "result is" : "results are");
            for (const LabResult* l : unknown)
                std::printf("    %s %s: %s %s (%s)\n", to_string(l->date).c_str(), l->test_id.c_str(),
                            format_number(l->value).c_str(), l->unit.c_str(), l->id.c_str());
        }
    }
    if (catalogue && plan && diary) {
        auto unknown = unknown_diary_ids(r, *diary, *plan, *catalogue);
        if (!unknown.empty()) {
            std::printf("  %zu %s this version's content does not know (the entries are kept as entered):\n",
                        unknown.size(), unknown.size() == 1 ? "id" : "ids");
            for (const auto& u : unknown)
                std::printf("    /%s %s: %s \"%s\"\n", u.section.c_str(), u.entry_id.c_str(), u.key.c_str(), u.value.c_str());
        }
    }
    if (s.first_date) std::printf("  dates: %s to %s\n", to_string(*s.first_date).c_str(), to_string(*s.last_date).c_str());
    else std::printf("  dates: none\n");
    return 0;
}

// "--dir DIR" from the arguments, removing it; nothing when absent.
std::optional<std::string> take_dir(std::vector<std::string_view>& args) {
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "--dir") {
            std::string dir(args[i + 1]);
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            return dir;
        }
    return std::nullopt;
}

void print_messages(const StoreLoad& l) {
    for (const auto& m : l.messages) std::fprintf(stderr, "%s\n", m.c_str());
}

int export_cmd(std::vector<std::string_view> args) {
    auto dir = take_dir(args);
    if (!dir || !args.empty()) return usage();
    StoreLoad l = load_record(*dir);
    print_messages(l);
    if (l.read_only) return 2;
    std::fputs(export_record(l.record).c_str(), stdout);
    return 0;
}

int import_cmd(std::vector<std::string_view> args) {
    auto dir = take_dir(args);
    bool yes = false;
    for (auto it = args.begin(); it != args.end();)
        if (*it == "--yes") {
            yes = true;
            it = args.erase(it);
        } else ++it;
    if (!dir || args.size() != 1) return usage();

    auto text = read_input(args[0]);
    if (!text) return 2;
    StoreLoad current = load_record(*dir);
    print_messages(current);
    if (current.read_only) {
        std::fprintf(stderr, "the record in %s cannot be replaced by this version; nothing was changed\n", dir->c_str());
        return 2;
    }
    RecordImport imp = import_record(*text, current.record, display_name(args[0]));
    if (!imp.load.record) return print_problems(imp.load.problems);
    for (const auto& line : imp.diff->lines) std::printf("%s\n", line.c_str());
    if (!yes) {
        std::printf("nothing was changed; add --yes to replace the record in %s\n", dir->c_str());
        return 0;
    }
    SaveResult saved = save_record(*dir, *imp.load.record);
    if (!saved.ok) {
        std::fprintf(stderr, "%s\n", saved.message.c_str());
        return 2;
    }
    std::printf("saved (%zu bytes); the previous record is kept as %s.bak\n", saved.bytes, kRecordFileName);
    return 0;
}

}  // namespace

int run_record(Args args) {
    if (args.empty()) return usage();
    std::vector<std::string_view> rest(args.begin() + 1, args.end());
    if (args[0] == "check") return rest.size() == 1 ? check(rest[0]) : usage();
    if (args[0] == "export") return export_cmd(rest);
    if (args[0] == "import") return import_cmd(rest);
    return usage();
}

}  // namespace poems::cli
