// poems checklist [--stage S] [--record FILE] [--ask] [--today YYYY-MM-DD]
// Shows one stage of the action checklist: each step, ticked or not (from the record), and for
// steps about tests, what the record holds about them. Without --stage it opens the stage the
// record suggests (see suggest_stage). --ask prints the "what to ask my doctor" text instead.
// Exit codes: 0 shown, 2 bad usage, unknown stage, unreadable record or invalid content.
#include "commands.hpp"

#include "poems/checklists.hpp"
#include "poems/content.hpp"
#include "poems/embedded_files.hpp"
#include "poems/record_json.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace poems::cli {

static int checklist_usage() {
    std::fprintf(stderr, "usage: poems checklist [--stage S] [--record FILE] [--ask] [--today YYYY-MM-DD]\n"
                         "  --stage S       suspect, just_diagnosed, in_treatment or family (default: suggested by the record)\n"
                         "  --record FILE   a saved record (ticks, events, lab results, appointments)\n"
                         "  --ask           print the \"what to ask my doctor\" text for the stage\n");
    return 2;
}

int run_checklist(Args args) {
    std::string stage_arg, record_path;
    bool ask = false;
    std::optional<Date> today;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        bool has_value = i + 1 < args.size();
        if (a == "--ask") ask = true;
        else if (a == "--stage" && has_value) stage_arg = std::string(args[++i]);
        else if (a == "--record" && has_value) record_path = std::string(args[++i]);
        else if (a == "--today" && has_value) {
            today = parse_date(args[++i]);
            if (!today) {
                std::fprintf(stderr, "poems checklist: --today needs a date written YYYY-MM-DD\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "poems checklist: unknown option or missing value \"%s\"\n", std::string(a).c_str());
            return checklist_usage();
        }
    }
    if (!today) today = computer_today();

    ContentLoad load = load_content(embedded_content_files());
    if (!load.content) {
        for (const auto& p : load.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 2;
    }
    Problems problems;
    Checklists lists = load_checklists(*load.content->topic("checklists"), problems, "checklists.json");
    if (!problems.empty()) {
        for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
        return 2;
    }

    Record record;
    if (!record_path.empty()) {
        std::ifstream in(record_path, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "poems checklist: cannot open \"%s\"\n", record_path.c_str());
            return 2;
        }
        std::ostringstream text;
        text << in.rdbuf();
        RecordLoad r = record_from_json_text(text.str(), record_path);
        if (!r.record) {
            for (const auto& p : r.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
            return 2;
        }
        record = std::move(*r.record);
    }

    std::string stage_id = stage_arg.empty() ? std::string(suggest_stage(record))
                           : stage_arg.rfind("stage.", 0) == 0 ? stage_arg
                                                               : "stage." + stage_arg;
    const ChecklistStage* stage = lists.stage(stage_id);
    if (!stage) {
        std::string allowed;
        for (const auto& s : lists.stages) allowed += (allowed.empty() ? "" : ", ") + s.id.substr(6);
        std::fprintf(stderr, "poems checklist: unknown stage \"%s\"; use one of: %s\n", stage_arg.c_str(), allowed.c_str());
        return 2;
    }

    if (ask) {
        std::printf("%s", ask_my_doctor_text(lists, *stage, record, {}, "en", *today).c_str());
        return 0;
    }

    LabWorkupLinks links = lab_workup_links(*load.content);
    StageProgress progress = stage_progress(*stage, record);
    std::printf("%s (%zu of %zu done)%s\n", stage->title.in("en").c_str(), progress.done, progress.total,
                stage_arg.empty() ? " - suggested from your record; any stage can be opened with --stage" : "");
    for (const auto& item : stage->items) {
        auto ticked = tick_date(record, item.id);
        std::printf("\n[%s] %s\n", ticked ? "x" : " ", item.label.in("en").c_str());
        if (ticked) std::printf("    done on %s\n", to_string(*ticked).c_str());
        for (const auto& t : item_test_status(item, record, *today, links)) {
            const Json* test = load.content->item(t.workup_id);
            std::string name = t.workup_id;
            if (test && test->contains("name")) name = std::string(text_in((*test)["name"]));
            std::string state = t.last_result        ? "result on " + to_string(*t.last_result)
                                : t.last_appointment ? "done at the appointment on " + to_string(*t.last_appointment)
                                : t.next_appointment ? "planned on " + to_string(*t.next_appointment)
                                                     : "nothing in your record yet";
            std::printf("    %s: %s\n", name.c_str(), state.c_str());
        }
        std::printf("    (%s)\n", item.id.c_str());
    }
    return 0;
}

}  // namespace poems::cli
