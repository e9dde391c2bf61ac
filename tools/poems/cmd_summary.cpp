// poems summary RECORD.json [--letter] [--format html|text] [--today YYYY-MM-DD] [-o FILE]
//                           [--paragraph TEXT]
//
// The visit summary of a record (or, with --letter, the letter asking for a POEMS evaluation) as
// a self-contained HTML page to print, or as plain text for a patient-portal message. The same
// core functions as the app (poems/document.hpp). Exit 0; 2 on a bad record or bad usage.
#include "commands.hpp"

#include "poems/content.hpp"
#include "poems/document.hpp"
#include "poems/embedded_files.hpp"
#include "poems/record_json.hpp"
#include "poems/topics.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

namespace poems::cli {
namespace {

constexpr const char* kUsage =
    "usage: poems summary RECORD.json|- [--letter] [--format html|text] [--today YYYY-MM-DD] [-o FILE]\n"
    "options:\n"
    "  --letter               the letter asking your doctor for a POEMS evaluation (default: the visit summary)\n"
    "  --format html|text     a page to print (default) or plain text for a patient-portal message\n"
    "  --today YYYY-MM-DD     the date of the document (default: the computer's date)\n"
    "  --paragraph TEXT       the letter: your own paragraph, printed as you wrote it\n"
    "  -o FILE                write to FILE instead of standard output\n";

int fail(const std::string& message) { return usage_error("summary", message, kUsage); }

}  // namespace

int run_summary(Args args) {
    std::string record_file, format = "html", out_file, paragraph;
    bool letter = false;
    std::optional<Date> today;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= args.size()) return false;
            into = std::string(args[++i]);
            return true;
        };
        if (a == "--letter") {
            letter = true;
        } else if (a == "--format") {
            if (!value(format)) return fail("--format needs html or text");
            if (format != "html" && format != "text") return fail("--format must be html or text, got \"" + format + "\"");
        } else if (a == "--today") {
            std::string d;
            if (!value(d)) return fail("--today needs a date (YYYY-MM-DD)");
            today = parse_date(d);
            if (!today) return fail("--today: \"" + d + "\" is not a valid date (YYYY-MM-DD)");
        } else if (a == "-o") {
            if (!value(out_file)) return fail("-o needs a file name");
        } else if (a == "--paragraph") {
            if (!value(paragraph)) return fail("--paragraph needs the text");
        } else if (a == "-h" || a == "--help") {
            std::printf("%s", kUsage);
            return 0;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            return fail("unknown option \"" + std::string(a) + "\"");
        } else if (record_file.empty()) {
            record_file = std::string(a);
        } else {
            return fail("one record only (got \"" + record_file + "\" and \"" + std::string(a) + "\")");
        }
    }
    if (record_file.empty()) return fail("which record? Give RECORD.json, or - for standard input");

    std::string text;
    if (record_file == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
        std::ifstream in(record_file, std::ios::binary);
        if (!in) return fail("cannot open \"" + record_file + "\"");
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    RecordLoad rl = record_from_json_text(text, record_file == "-" ? "<stdin>" : record_file);
    if (!rl.record) {
        for (const auto& p : rl.problems) std::fprintf(stderr, "poems summary: %s\n", p.to_string().c_str());
        std::fprintf(stderr, "poems summary: %s is not a valid record; nothing was written\n", record_file.c_str());
        return 2;
    }

    ContentLoad cl = load_content(embedded_content_files(), TopicChecks::done_by_caller);
    Problems problems = cl.problems;
    std::optional<Topics> topics;
    if (cl.content) {
        topics.emplace(std::move(*cl.content));
        document_content(*topics);
        problems = topics->problems();
    }
    if (!problems.empty()) {
        for (const auto& p : problems) std::fprintf(stderr, "poems summary: content: %s\n", p.to_string().c_str());
        return 2;
    }
    const DocumentContent dc = document_content(*topics);
    DocumentOptions options;
    options.own_paragraph = paragraph;
    const Date date = today ? *today : computer_today();
    const Document doc = letter ? evaluation_letter(*rl.record, dc, date, options)
                                : visit_summary(*rl.record, dc, date, options);
    const std::string out = format == "html" ? render_html(doc) : render_text(doc);
    if (out_file.empty()) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        return 0;
    }
    std::ofstream f(out_file, std::ios::binary);
    f << out;
    f.close();
    if (!f) {
        std::fprintf(stderr, "poems summary: could not write \"%s\"\n", out_file.c_str());
        return 2;
    }
    std::fprintf(stderr, "poems summary: wrote %s\n", out_file.c_str());
    return 0;
}

}  // namespace poems::cli
