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
