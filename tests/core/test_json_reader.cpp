#include "catch.hpp"
#include "poems/json_reader.hpp"

using poems::Json;
using poems::ObjectReader;
using poems::Problems;

TEST_CASE("a JSON Pointer escapes tilde and slash in keys") {
    CHECK(poems::pointer_child("/a", "b/c~d") == "/a/b~1c~0d");
    CHECK(poems::pointer_child("/list", std::size_t{3}) == "/list/3");
}

TEST_CASE("a truncated document is reported with its position, not thrown") {
    Problems problems;
    auto doc = poems::parse_json_text(R"({"a": [1, 2)", "x.json", problems);
    CHECK_FALSE(doc);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string().rfind("x.json: not valid JSON: parse error at line 1", 0) == 0);
}

TEST_CASE("a document nested deeper than the limit is refused before parsing") {
    Problems problems;
    std::string deep(100, '[');
    CHECK_FALSE(poems::parse_json_text(deep + std::string(100, ']'), "", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "nested too deeply (more than 32 levels)");
}

TEST_CASE("brackets inside strings do not count towards depth") {
    Problems problems;
    CHECK(poems::parse_json_text(R"({"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})", "", problems));
    CHECK(problems.empty());
}

TEST_CASE("a document over the size limit is refused") {
    Problems problems;
    CHECK_FALSE(poems::parse_json_text(std::string(2000, ' '), "big.json", problems, {1000, 32}));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "file is too large (2000 bytes; the limit is 1000)");
}

TEST_CASE("a reader reports wrong types with the path and both types") {
    Problems problems;
    Json j = Json::parse(R"({"value": "12"})");
    ObjectReader r(j, "/vegf", problems, "f.json");
    CHECK_FALSE(r.number("value"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "f.json: /vegf/value: expected a number, got a string");
}

TEST_CASE("a reader reports keys nobody asked for as unknown") {
    Problems problems;
    Json j = Json::parse(R"({"known": true, "polyneuropaty": "present"})");
    ObjectReader r(j, "", problems);
    CHECK(r.boolean("known") == true);
    r.finish();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "/polyneuropaty: unknown key \"polyneuropaty\"");
}

TEST_CASE("a required key that is missing is a problem, an optional one is not") {
    Problems problems;
    Json j = Json::object();
    ObjectReader r(j, "", problems);
    CHECK_FALSE(r.string("optional"));
    CHECK(problems.empty());
    CHECK_FALSE(r.string("id", true));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "/id: missing (this key is required)");
}

TEST_CASE("one_of names the value and what is allowed") {
    Problems problems;
    Json j = Json::parse(R"({"sample": "urine"})");
    ObjectReader r(j, "/vegf", problems);
    CHECK_FALSE(r.one_of("sample", {"serum", "plasma"}));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "/vegf/sample: \"urine\" is not one of \"serum\", \"plasma\"");
}

TEST_CASE("empty and whitespace-only strings are refused where text is required") {
    Problems problems;
    Json j = Json::parse(R"({"en": "  "})");
    ObjectReader r(j, "/text", problems);
    CHECK_FALSE(r.string("en"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "must not be empty");
}

// What a person editing a file sees when it is not JSON: the place and what is wrong there, in our
// words. Each row: the text, the line and column, the message.
TEST_CASE("syntax errors are placed and explained in plain words") {
    struct Row {
        std::string text;
        std::size_t line, column;
        std::string message;
    };
    const std::vector<Row> rows = {
        {"", 1, 1, "the text is empty: there is no JSON value in it"},
        {"  \n ", 2, 2, "the text is empty: there is no JSON value in it"},
        {"{\"a\": [1, 2", 1, 12, "the text ends before the list that opens at line 1, column 7 is closed (is the file cut short?)"},
        {"{\"a\": 1,\n}", 2, 1, "a ',' must be followed by another key: remove the ',' before '}'"},
        {"[1, 2,]", 1, 7, "a ',' must be followed by another value: remove the ',' before ']'"},
        {"{\"a\": 1 \"b\": 2}", 1, 9,
         "expected ',' or '}' after a value in the object that opens at line 1, column 1, found '\"' (is a ',' missing?)"},
        {"[1 2]", 1, 4, "expected ',' or ']' after a value in the list that opens at line 1, column 1, found '2'"},
        {"{\"a\" 1}", 1, 6, "expected ':' after the key, found '1'"},
        {"{a: 1}", 1, 2, "expected a key in double quotes (\"name\": ...), found the word 'a' (words must be in double "
                         "quotes, except true, false and null)"},
        {"{'a': 1}", 1, 2, "keys take double quotes (\"name\"), not single ones"},
        {"{\"a\": 'x'}", 1, 7, "text takes double quotes (\"...\"), not single ones"},
        {"{\"a\": yes}", 1, 7, "expected a value (text in double quotes, a number, true, false, null, an object {...} or "
                               "a list [...]), found the word 'yes' (words must be in double quotes, except true, false and null)"},
        {"{} {}", 1, 4, "the JSON is complete before this point, but '{' follows (a file holds one value; is something "
                        "pasted twice?)"},
        {"/* note */ {}", 1, 1, "expected a value (text in double quotes, a number, true, false, null, an object {...} or "
                                "a list [...]), found a comment (JSON has no comments: remove it)"},
        {"[NaN]", 1, 2, "found NaN: NaN and Infinity are not allowed (numbers must be finite)"},
        {"[-Infinity]", 1, 3, "found -Infinity: NaN and Infinity are not allowed (numbers must be finite)"},
        {"[1e999]", 1, 2, "the number 1e999 is too large (numbers must be finite)"},
        {"[-1e999]", 1, 2, "the number -1e999 is too large (numbers must be finite)"},
        {"[07]", 1, 2, "a number must not start with 0 (write 7, not 07)"},
        {"[+5]", 1, 2, "a number must start with a digit or '-' (write 5, not +5)"},
        {"[.5]", 1, 2, "a number must start with a digit or '-' (write 0.5, not .5)"},
        {"[1.]", 1, 4, "a decimal point must be followed by a digit (write 1.0 or 1, not 1.)"},
        {"[1e]", 1, 4, "an exponent must have digits (write 1e6, not 1e)"},
        {"[-]", 1, 3, "'-' must be followed by a digit, found ']'"},
        {"[\"a\nb\"]", 1, 4, "text in double quotes must not hold a line break as it is: write it as an escape (\\n for a "
                              "line break, \\t for a tab), or close the quotes before it"},
        {"[\"a\tb\"]", 1, 4, "text in double quotes must not hold a tab as it is: write it as an escape (\\n for a line "
                              "break, \\t for a tab)"},
        {"[\"C:\\dir\"]", 1, 5, "'\\d' is not an escape JSON knows (write \\\\ for a backslash)"},
        {"[\"\\u12\"]", 1, 3, "'\\u' must be followed by four hexadecimal digits (e.g. \\u00e9)"},
        {"[\"\\udc00\"]", 1, 3, "\\udc00 is the second half of a UTF-16 pair, without the first half before it"},
        {"[\"\\ud83d x\"]", 1, 3, "\\ud83d is the first half of a UTF-16 pair and must be followed by its second half "
                                  "(\\uDC00 to \\uDFFF)"},
        {"[\"Ren\xE9\"]", 1, 6, "the text is not valid UTF-8 here (save the file as UTF-8)"},
        {"[\"\xC0\xAF\"]", 1, 3, "the text is not valid UTF-8 here (save the file as UTF-8)"},       // overlong '/'
        {"[\"\xED\xA0\x80\"]", 1, 3, "the text is not valid UTF-8 here (save the file as UTF-8)"},   // a surrogate
        {"[\"\xF4\x90\x80\x80\"]", 1, 3, "the text is not valid UTF-8 here (save the file as UTF-8)"},  // past U+10FFFF
        {"[\"abc", 1, 2, "the text in double quotes that starts here is never closed (a '\"' is missing)"},
        {"\xFF\xFE{\0", 1, 1, "the file is saved as UTF-16: save it as UTF-8"},
        // Found by fuzzing: the JSON library ends the text at a zero byte, so what followed was dropped.
        {std::string("{}\0{\"more\": 1}", 14), 1, 3, "the JSON is complete before this point, but zero bytes follow (the "
                                                       "file may have been damaged while it was saved)"},
        {std::string("[\"a\0b\"]", 7), 1, 4, "text in double quotes must not hold the control character U+0000 as it is: "
                                              "write it as an escape (\\n for a line break, \\t for a tab)"},
        {"[\x01]", 1, 2, "expected a value (text in double quotes, a number, true, false, null, an object {...} or a "
                         "list [...]), found the control character U+0001"},
    };
    for (const auto& row : rows) {
        INFO(row.text);
        Problems problems;
        CHECK_FALSE(poems::parse_json_text(row.text, "f.json", problems));  // the parser refuses it too
        auto error = poems::find_json_syntax_error(row.text);
        REQUIRE(error);
        CHECK(error->line == row.line);
        CHECK(error->column == row.column);
        CHECK(error->message == row.message);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].to_string() == "f.json: not valid JSON: parse error at line " + std::to_string(row.line) +
                                             ", column " + std::to_string(row.column) + ": " + row.message);
    }
}

TEST_CASE("the syntax scanner accepts what the parser accepts") {
    for (std::string text : {"{}", "[]", " [ ] ", "0", "-0.5e-3", "\"\"", "true", "null", "[1,[2,{\"a\":[]}]]",
                             "\xEF\xBB\xBF{\"bom\": true}", "[\"\\ud83d\\ude00 \\u00e9 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"]",
                             "[\"\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80\"]", "[1.7976931348623157e308, 1e-400, "
                             "123456789012345678901234567890]"}) {
        INFO(text);
        Problems problems;
        CHECK(poems::parse_json_text(text, "", problems));
        CHECK(problems.empty());
        CHECK_FALSE(poems::find_json_syntax_error(text));
    }
}

// Found while growing the record corpus: nlohmann_json keeps one value of a key given twice and
// drops the other without a word ({"notes": [...], "notes": []} read as a record with no notes).
TEST_CASE("a key given twice in one object is refused, with where both are") {
    Problems problems;
    CHECK_FALSE(poems::parse_json_text("{\"a\": 1,\n \"b\": {\"a\": 2, \"a\": 3}}", "f.json", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].to_string() == "f.json: line 2, column 16: the key \"a\" is given twice in one object (first at "
                                     "line 2, column 8): only one could be kept, so remove or rename the other");
    // The same key in different objects is what lists of entries are made of.
    problems.clear();
    CHECK(poems::parse_json_text(R"({"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}], "c": "x:y"})", "", problems));
    CHECK(problems.empty());
    // Written differently but the same key: caught by the count, named without a place.
    CHECK_FALSE(poems::parse_json_text(R"({"a": 1, "\u0061": 2})", "", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "a key is given twice in one object: only one could be kept");
}
