// Strict reading of JSON documents that people and communities write by hand.
//
// Every problem is reported with the JSON Pointer path of the value at fault (RFC 6901), so a
// message can say exactly what and where: `/vegf/value: must not be negative`. Readers collect
// problems instead of stopping at the first one, so a person can fix a file in one pass.
// Used by the content loader, the findings parser and the record parser alike.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poems {

using Json = nlohmann::json;

struct Problem {
    std::string file;     // empty when the input has no file name (stdin, a record in memory)
    std::string path;     // JSON Pointer; "" is the whole document
    std::string message;  // plain language, no trailing period

    // "file: /path: message", leaving out the parts that are empty.
    std::string to_string() const;
};
using Problems = std::vector<Problem>;

// JSON Pointer of a child: escapes '~' and '/' in keys as RFC 6901 requires.
std::string pointer_child(const std::string& path, std::string_view key);
std::string pointer_child(const std::string& path, std::size_t index);

// "a string", "a number", ... for messages such as `expected a string, got a number`.
const char* json_type_name(const Json& value);

// Where and why `text` is not JSON, in plain words (never the JSON library's), or nothing when it
// is: "the text ends before the object that opens at line 1, column 1 is closed (is the file cut
// short?)". Follows RFC 8259 as the parser reads it: a UTF-8 byte-order mark at the start is
// skipped, text in quotes must be valid UTF-8, and a number must be finite (1e999 is refused).
// Only called once parsing has failed, so valid input never pays for it.
struct JsonSyntaxError {
    std::size_t offset = 0;  // byte offset of the character at fault (the text's length at its end)
    std::size_t line = 1, column = 1;  // of that offset, both from 1; columns count bytes
    std::string message;
};
std::optional<JsonSyntaxError> find_json_syntax_error(std::string_view text);
// The first key given twice in one object, written the same way both times, or nothing: JSON
// allows it, but a parser keeps only one of the two values. parse_json_text() refuses such text.
std::optional<JsonSyntaxError> find_duplicate_key(std::string_view text);

// Parses JSON text without throwing past this call. On a syntax error returns nothing and adds
// one problem that gives the line and column and says what is wrong there
// ("not valid JSON: parse error at line 3, column 7: ..."; a truncated file ends up here). A key
// given twice in one object is refused too ("line 4, column 2: the key "notes" is given twice in
// one object ..."): the parser would keep one value and drop the other without a word.
// Enforces the size and depth limits given, because input may be hostile.
struct ParseLimits {
    std::size_t max_bytes = 8u << 20;  // 8 MiB
    std::size_t max_depth = 32;
};
std::optional<Json> parse_json_text(std::string_view text, const std::string& file, Problems& problems,
                                    const ParseLimits& limits = {});

// Reads one JSON object key by key. Keys that were never asked for are reported as unknown by
// finish(), so a misspelt key is an error instead of silently ignored data.
class ObjectReader {
public:
    ObjectReader(const Json& object, std::string path, Problems& problems, std::string file = {});

    bool is_object() const { return object_ != nullptr; }
    const std::string& path() const { return path_; }

    // The raw value, or nullptr when absent (an error too when `required`).
    const Json* value(std::string_view key, bool required = false);

    // Typed reads: nothing when absent or of the wrong type (the latter is a problem).
    std::optional<std::string> string(std::string_view key, bool required = false, bool non_empty = true);
    std::optional<double> number(std::string_view key, bool required = false);  // finite only
    std::optional<long long> integer(std::string_view key, bool required = false);
    std::optional<bool> boolean(std::string_view key, bool required = false);
    const Json* array(std::string_view key, bool required = false);
    const Json* object(std::string_view key, bool required = false);
    // A string that must be one of `allowed`.
    std::optional<std::string> one_of(std::string_view key, const std::vector<std::string>& allowed,
                                      bool required = false);

    // Marks a key as known without reading it (e.g. "schema", already checked by the caller).
    void ignore(std::string_view key);

    // Reports every key that was never read. Call once, after reading.
    void finish();

    // Adds a problem at a child path of this object (or at this object for an empty key).
    void fail(std::string_view key, std::string message);

private:
    const Json* object_ = nullptr;
    std::string path_;
    Problems& problems_;
    std::string file_;
    std::vector<std::string> seen_;
};

}  // namespace poems
