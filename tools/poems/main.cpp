// poems: the core of POEMS Companion on the command line, for scripts, clinicians and sites.
// It informs; it never diagnoses.
#include "commands.hpp"

#include <cstdio>
#include <ctime>
#include <sstream>
#include <string>
#include <vector>

namespace poems::cli {
// Each subcommand's entry point, defined in its cmd_*.cpp. Add a line here and in the table.
int run_criteria(Args args);
int run_record(Args args);
int run_schedule(Args args);
int run_centers(Args args);
int run_checklist(Args args);
int run_content(Args args);
int run_summary(Args args);

std::span<const Command> commands() {
    static const Command table[] = {
        {"content", "content check [DIR] [--seeds D]  validate the content files (compiled-in, or DIR/*.json), no text copied from a seed", run_content},
        {"record", "record check FILE|-           validate a saved record or an export (also: export, import)", run_record},
        {"criteria", "criteria FILE|- [--json]      check findings against the published criteria", run_criteria},
        {"centers", "centers [--region R] [--remote] [--search WORDS]  list expert centers (--details, --json)", run_centers},
        {"checklist", "checklist [--stage S] [--record FILE] [--ask]  the action checklist for a stage", run_checklist},
        {"schedule", "schedule RECORD|--treated D   monitoring schedule, statuses, signals (--ics FILE, --json)", run_schedule},
        {"summary", "summary RECORD [--letter] [--format html|text] [-o FILE]  visit summary or letter to print", run_summary},
    };
    return {table, sizeof(table) / sizeof(table[0])};
}

Date computer_today() { return local_date_of(std::time(nullptr)); }

void print_wrapped(const std::string& text, const std::string& indent, std::size_t width, std::string rest) {
    if (rest == "\x01") rest = indent + "  ";
    std::string line = indent;
    std::istringstream words(text);
    std::string word;
    bool empty = true;
    auto visible = [](const std::string& s) {  // UTF-8 characters, for alignment
        std::size_t n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80;
        return n;
    };
    while (words >> word) {
        if (!empty && visible(line) + 1 + visible(word) > width) {
            std::printf("%s\n", line.c_str());
            line = rest;
            empty = true;
        }
        line += (empty ? "" : " ") + word;
        empty = false;
    }
    if (!empty) std::printf("%s\n", line.c_str());
}

int usage_error(const char* command, const std::string& message, const char* usage) {
    std::fprintf(stderr, "poems %s: %s\n%s", command, message.c_str(), usage);
    return 2;
}

}  // namespace poems::cli

static int usage(std::FILE* out) {
    std::fprintf(out, "usage: poems COMMAND [ARGS]\n\nPOEMS Companion on the command line. It shows whether findings match\n"
                      "published criteria and what is still unknown; only a doctor diagnoses.\n\ncommands:\n");
    for (const auto& c : poems::cli::commands()) std::fprintf(out, "  %s\n", c.synopsis);
    std::fprintf(out, "  help                          this text\n");
    return out == stdout ? 0 : 2;
}

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    std::string_view name = argv[1];
    if (name == "help" || name == "--help" || name == "-h") return usage(stdout);
    std::vector<std::string_view> rest(argv + 2, argv + argc);
    for (const auto& c : poems::cli::commands())
        if (name == c.name) return c.run(rest);
    std::fprintf(stderr, "poems: unknown command \"%s\"\n\n", argv[1]);
    return usage(stderr);
}
