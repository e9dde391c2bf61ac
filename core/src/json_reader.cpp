#include "poems/json_reader.hpp"

#include "poems/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <utility>

namespace poems {

std::string Problem::to_string() const {
    std::string out;
    if (!file.empty()) out += file + ": ";
    if (!path.empty()) out += path + ": ";
    out += message;
    return out;
}

std::string pointer_child(const std::string& path, std::string_view key) {
    std::string out = path + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer_child(const std::string& path, std::size_t index) {
    return path + "/" + std::to_string(index);
}

const char* json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "a list";
        case Json::value_t::string: return "a string";
        case Json::value_t::boolean: return "true/false";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        default: return "an unsupported value";
    }
}

// Nesting depth of JSON text and how many keys it has (a ':' outside a string follows every key),
// ignoring brackets inside strings. The depth is checked before parsing so a hostile file of a
// million '[' never reaches the recursive parts of a parser; the keys are counted again in the
// parsed document to notice a key given twice in one object, which the parser would keep only
// once. Kept out of parse_json_text: in the browser the engine re-optimises the function its hot
// loop is in, and this loop alone is cheap to re-optimise.
struct PreScan {
    std::size_t depth = 0;
    std::size_t keys = 0;
};
[[gnu::noinline]] static PreScan pre_scan(std::string_view text) {
    std::size_t depth = 0, deepest = 0, keys = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == ':') ++keys;
        else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return {deepest, keys};
}

// The members of every object in the document.
static std::size_t object_members(const Json& doc) {
    std::size_t n = 0;
    std::vector<const Json*> todo{&doc};
    while (!todo.empty()) {
        const Json* v = todo.back();
        todo.pop_back();
        if (v->is_object()) n += v->size();
        if (v->is_structured())
            for (const auto& child : *v) todo.push_back(&child);
    }
    return n;
}

// ============================================================================================
// Syntax errors in our own words
// ============================================================================================

namespace {

// A hand-written scanner of the JSON grammar that stops at the first error and says what is wrong
// in words a person editing the file can act on. It keeps a stack of the open objects and lists
// (no recursion: the depth limit is checked before, but the scanner must not depend on it).
class SyntaxScanner {
public:
    // find_duplicates: also report the first key given twice in one object (only asked for once
    // the parser has accepted the text and lost a key: it keeps one of the two values).
    explicit SyntaxScanner(std::string_view text, bool find_duplicates = false)
        : t_(text), find_duplicates_(find_duplicates) {}

    std::optional<JsonSyntaxError> run() {
        // Byte-order marks, as bytes (not text: the font check reads string literals as text).
        if (starts_with({0xEF, 0xBB, 0xBF})) i_ = 3;  // UTF-8's, which the parser skips
        if (starts_with({0xFF, 0xFE}) || starts_with({0xFE, 0xFF}))
            return fail(0, "the file is saved as UTF-16: save it as UTF-8");
        enum class Want { value, key, colon, comma_or_close, end } want = Want::value;
        bool after_comma = false;  // the value or key wanted follows a ','
        for (;;) {
            skip_space();
            if (want == Want::end) {
                if (i_ == t_.size()) return std::nullopt;
                if (t_[i_] == '\0')
                    return fail(i_, "the JSON is complete before this point, but zero bytes follow (the file may have "
                                    "been damaged while it was saved)");
                return fail(i_, "the JSON is complete before this point, but " + shown(i_) +
                                    " follows (a file holds one value; is something pasted twice?)");
            }
            if (i_ == t_.size()) return fail_at_end();
            const char c = t_[i_];
            switch (want) {
                case Want::value:
                    if (c == ']' && !open_.empty() && open_.back().kind == '[') {
                        if (after_comma) return fail(i_, "a ',' must be followed by another value: remove the ',' before ']'");
                        close();
                    } else if (c == '{' || c == '[') {
                        open_.push_back({c, i_++});
                        want = c == '{' ? Want::key : Want::value;
                        after_comma = false;
                        continue;
                    } else if (auto e = value()) {
                        return e;
                    }
                    break;
                case Want::key:
                    if (c == '}') {
                        if (after_comma) return fail(i_, "a ',' must be followed by another key: remove the ',' before '}'");
                        close();
                        break;
                    }
                    if (c == '\'') return fail(i_, "keys take double quotes (\"name\"), not single ones");
                    if (c != '"') return fail(i_, "expected a key in double quotes (\"name\": ...), found " + shown(i_));
                    if (auto e = key()) return e;
                    want = Want::colon;
                    continue;
                case Want::colon:
                    if (c != ':') return fail(i_, "expected ':' after the key, found " + shown(i_));
                    ++i_;
                    want = Want::value;
                    after_comma = false;
                    continue;
                case Want::comma_or_close: {
                    const Open& o = open_.back();
                    const char close_char = o.kind == '{' ? '}' : ']';
                    if (c == ',') {
                        ++i_;
                        want = o.kind == '{' ? Want::key : Want::value;
                        after_comma = true;
                        continue;
                    }
                    if (c == close_char) {
                        close();
                        break;
                    }
                    const bool missing_comma = c == '"' || c == '{' || c == '[';
                    return fail(i_, std::string("expected ',' or '") + close_char + "' after a value in the " + kind_name(o.kind) +
                                        " that opens at " + where(o.at) + ", found " + shown(i_) +
                                        (missing_comma ? " (is a ',' missing?)" : ""));
                }
                case Want::end: break;
            }
            // A value is complete (or a container closed).
            want = open_.empty() ? Want::end : Want::comma_or_close;
            after_comma = false;
        }
    }

private:
    struct Open {
        char kind;       // '{' or '['
        std::size_t at;  // offset of the bracket
        std::vector<std::size_t> keys = {};  // offsets of the keys so far (find_duplicates only)
    };
    std::string_view t_;
    bool find_duplicates_ = false;
    std::size_t i_ = 0;
    std::vector<Open> open_;

    // A key (a string), and in find_duplicates mode the same key written earlier in this object.
    std::optional<JsonSyntaxError> key() {
        const std::size_t start = i_;
        if (auto e = string()) return e;
        if (!find_duplicates_) return std::nullopt;
        const std::string_view written = t_.substr(start, i_ - start);
        auto& keys = open_.back().keys;
        for (std::size_t earlier : keys) {
            if (t_.substr(earlier, written.size()) == written) {
                auto [line, column] = line_column(earlier);
                return fail(start, "the key " + std::string(written.substr(0, 60)) + (written.size() > 60 ? "...\"" : "") +
                                       " is given twice in one object (first at line " + std::to_string(line) +
                                       ", column " + std::to_string(column) +
                                       "): only one could be kept, so remove or rename the other");
            }
        }
        keys.push_back(start);
        return std::nullopt;
    }

    static const char* kind_name(char kind) { return kind == '{' ? "object" : "list"; }

    bool starts_with(std::initializer_list<unsigned char> bytes) const {
        if (t_.size() < bytes.size()) return false;
        std::size_t k = 0;
        for (unsigned char b : bytes)
            if (static_cast<unsigned char>(t_[k++]) != b) return false;
        return true;
    }

    void skip_space() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    void close() {
        open_.pop_back();
        ++i_;
    }

    std::pair<std::size_t, std::size_t> line_column(std::size_t offset) const {
        std::size_t line = 1, start = 0;
        for (std::size_t k = 0; k < offset && k < t_.size(); ++k)
            if (t_[k] == '\n') ++line, start = k + 1;
        return {line, offset - start + 1};
    }
    std::string where(std::size_t offset) const {
        auto [line, column] = line_column(offset);
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    // What is at `at`, for "found ...": a word, a character in quotes, or a named control character.
    std::string shown(std::size_t at) const {
        if (at >= t_.size()) return "the end of the text";
        const auto c = static_cast<unsigned char>(t_[at]);
        if (std::isalpha(c) || c == '_') {
            std::size_t end = at;
            while (end < t_.size() && end - at < 24 && (std::isalnum(static_cast<unsigned char>(t_[end])) || t_[end] == '_')) ++end;
            return "the word '" + std::string(t_.substr(at, end - at)) + (end - at == 24 ? "...'" : "'") +
                   " (words must be in double quotes, except true, false and null)";
        }
        if (c == '/' && at + 1 < t_.size() && (t_[at + 1] == '/' || t_[at + 1] == '*'))
            return "a comment (JSON has no comments: remove it)";
        if (c == '\n') return "a line break";
        if (c == '\t') return "a tab";
        if (c < 0x20 || c == 0x7F) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
            return std::string("the control character ") + buf;
        }
        if (c >= 0x80) return "a character outside ASCII (only text in double quotes may hold one)";
        return std::string("'") + static_cast<char>(c) + "'";
    }

    std::optional<JsonSyntaxError> fail(std::size_t at, std::string message) const {
        auto [line, column] = line_column(at);
        return JsonSyntaxError{at, line, column, std::move(message)};
    }
    std::optional<JsonSyntaxError> fail_at_end() const {
        if (open_.empty()) return fail(t_.size(), "the text is empty: there is no JSON value in it");
        const Open& o = open_.back();
        return fail(t_.size(), std::string("the text ends before the ") + kind_name(o.kind) + " that opens at " + where(o.at) +
                                   " is closed (is the file cut short?)");
    }

    bool word_at(std::string_view w) const { return t_.substr(i_, w.size()) == w; }

    // A value that is not an object or a list: a string, a number, true, false or null.
    std::optional<JsonSyntaxError> value() {
        const char c = t_[i_];
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        for (std::string_view w : {"true", "false", "null"}) {
            if (word_at(w)) {
                i_ += w.size();
                return std::nullopt;
            }
        }
        if (word_at("NaN") || word_at("Infinity"))
            return fail(i_, std::string("found ") + (word_at("NaN") ? "NaN" : "Infinity") +
                                ": NaN and Infinity are not allowed (numbers must be finite)");
        if (c == '\'') return fail(i_, "text takes double quotes (\"...\"), not single ones");
        if (c == '+' || c == '.') {
            return fail(i_, std::string("a number must start with a digit or '-' (write ") +
                                (c == '+' ? "5, not +5)" : "0.5, not .5)"));
        }
        return fail(i_, "expected a value (text in double quotes, a number, true, false, null, an object {...} or a list [...]), found " +
                            shown(i_));
    }

    bool digit_at(std::size_t k) const { return k < t_.size() && t_[k] >= '0' && t_[k] <= '9'; }

    std::optional<JsonSyntaxError> number() {
        const std::size_t start = i_;
        if (t_[i_] == '-') {
            ++i_;
            if (word_at("Infinity")) return fail(i_, "found -Infinity: NaN and Infinity are not allowed (numbers must be finite)");
            if (!digit_at(i_)) return fail(i_, "'-' must be followed by a digit, found " + shown(i_));
        }
        if (t_[i_] == '0' && digit_at(i_ + 1)) return fail(i_, "a number must not start with 0 (write 7, not 07)");
        while (digit_at(i_)) ++i_;
        if (i_ < t_.size() && t_[i_] == '.') {
            ++i_;
            if (!digit_at(i_)) return fail(i_, "a decimal point must be followed by a digit (write 1.0 or 1, not 1.)");
            while (digit_at(i_)) ++i_;
        }
        if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
            ++i_;
            if (i_ < t_.size() && (t_[i_] == '+' || t_[i_] == '-')) ++i_;
            if (!digit_at(i_)) return fail(i_, "an exponent must have digits (write 1e6, not 1e)");
            while (digit_at(i_)) ++i_;
        }
        const std::string token(t_.substr(start, i_ - start));
        if (!std::isfinite(std::strtod(token.c_str(), nullptr))) {
            return fail(start, "the number " + (token.size() > 40 ? token.substr(0, 40) + "..." : token) +
                                   " is too large (numbers must be finite)");
        }
        return std::nullopt;
    }

    static int hex_value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    // The code unit of "\uXXXX" at `at` (pointing at the backslash), or -1.
    int escaped_unit(std::size_t at) const {
        if (at + 6 > t_.size() || t_[at] != '\\' || t_[at + 1] != 'u') return -1;
        int unit = 0;
        for (std::size_t k = at + 2; k < at + 6; ++k) {
            const int h = hex_value(t_[k]);
            if (h < 0) return -1;
            unit = unit * 16 + h;
        }
        return unit;
    }

    // Bytes of one UTF-8 character at i_ as RFC 3629 allows them (no overlong forms, no
    // surrogates, nothing past U+10FFFF), or 0.
    std::size_t utf8_length() const {
        auto at = [&](std::size_t k) -> unsigned { return i_ + k < t_.size() ? static_cast<unsigned char>(t_[i_ + k]) : 0u; };
        auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
        const unsigned c = at(0);
        if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
        if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
        if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
        if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
        if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
        if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
        if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
        return 0;
    }

    std::optional<JsonSyntaxError> string() {
        const std::size_t start = i_++;
        while (i_ < t_.size()) {
            const auto c = static_cast<unsigned char>(t_[i_]);
            if (c == '"') {
                ++i_;
                return std::nullopt;
            }
            if (c == '\\') {
                if (i_ + 1 >= t_.size()) break;
                const char e = t_[i_ + 1];
                if (e == 'u') {
                    const int unit = escaped_unit(i_);
                    if (unit < 0) return fail(i_, "'\\u' must be followed by four hexadecimal digits (e.g. \\u00e9)");
                    const std::string written(t_.substr(i_, 6));
                    if (unit >= 0xDC00 && unit <= 0xDFFF)
                        return fail(i_, written + " is the second half of a UTF-16 pair, without the first half before it");
                    if (unit >= 0xD800 && unit <= 0xDBFF) {
                        const int low = escaped_unit(i_ + 6);
                        if (low < 0xDC00 || low > 0xDFFF)
                            return fail(i_, written + " is the first half of a UTF-16 pair and must be followed by its second half (\\uDC00 to \\uDFFF)");
                        i_ += 6;
                    }
                    i_ += 6;
                    continue;
                }
                if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    const auto ue = static_cast<unsigned char>(e);
                    return fail(i_, (ue > 0x20 && ue < 0x7F ? "'\\" + std::string(1, e) + "'" : "'\\' followed by " + shown(i_ + 1)) +
                                        " is not an escape JSON knows (write \\\\ for a backslash)");
                }
                i_ += 2;
                continue;
            }
            if (c < 0x20) {
                return fail(i_, "text in double quotes must not hold " + shown(i_) +
                                    " as it is: write it as an escape (\\n for a line break, \\t for a tab)" +
                                    (c == '\n' ? ", or close the quotes before it" : ""));
            }
            if (c >= 0x80) {
                const std::size_t n = utf8_length();
                if (n == 0) return fail(i_, "the text is not valid UTF-8 here (save the file as UTF-8)");
                i_ += n;
                continue;
            }
            ++i_;
        }
        return fail(start, "the text in double quotes that starts here is never closed (a '\"' is missing)");
    }
};

}  // namespace

std::optional<JsonSyntaxError> find_json_syntax_error(std::string_view text) { return SyntaxScanner(text).run(); }

std::optional<JsonSyntaxError> find_duplicate_key(std::string_view text) { return SyntaxScanner(text, true).run(); }

std::optional<Json> parse_json_text(std::string_view text, const std::string& file, Problems& problems,
                                    const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        problems.push_back({file, "", "file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                                          std::to_string(limits.max_bytes) + ")"});
        return std::nullopt;
    }
    const PreScan scan = pre_scan(text);
    if (scan.depth > limits.max_depth) {
        problems.push_back({file, "", "nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)"});
        return std::nullopt;
    }
    // nlohmann_json stops at a zero byte as if the text ended there, so whatever follows one would
    // be dropped without a word (found by fuzzing). JSON never holds one outside an escape: refuse it.
    std::size_t failed_at = text.size();
    if (std::memchr(text.data(), 0, text.size()) == nullptr) {
        try {
            Json doc = Json::parse(text.begin(), text.end());
            if (object_members(doc) == scan.keys) return doc;
            // A key given twice in one object: the parser kept one value and dropped the other
            // without a word. Refuse the text and say which key, and where.
            const auto twice = find_duplicate_key(text);
            problems.push_back({file, "", twice ? "line " + std::to_string(twice->line) + ", column " +
                                                      std::to_string(twice->column) + ": " + twice->message
                                                : "a key is given twice in one object: only one could be kept"});
            return std::nullopt;
        } catch (const Json::parse_error& e) {
            failed_at = e.byte > 0 ? e.byte - 1 : 0;  // the parser counts the bytes it read
        } catch (const std::exception&) {
        }
    }
    // The parser's own message is written for programmers: say it in our words.
    std::string at;
    std::string why;
    if (auto error = find_json_syntax_error(text)) {
        at = "line " + std::to_string(error->line) + ", column " + std::to_string(error->column);
        why = ": " + error->message;
    } else {
        // Not expected (the fuzz targets check that both agree); still name the place.
        std::size_t line = 1, column = 1;
        for (std::size_t k = 0; k < failed_at && k < text.size(); ++k) {
            if (text[k] == '\n') line += 1, column = 1;
            else column += 1;
        }
        at = "line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    problems.push_back({file, "", "not valid JSON: parse error at " + at + why});
    return std::nullopt;
}

ObjectReader::ObjectReader(const Json& object, std::string path, Problems& problems, std::string file)
    : path_(std::move(path)), problems_(problems), file_(std::move(file)) {
    if (object.is_object()) object_ = &object;
    else problems_.push_back({file_, path_, std::string("expected an object, got ") + json_type_name(object)});
}

void ObjectReader::fail(std::string_view key, std::string message) {
    problems_.push_back({file_, key.empty() ? path_ : pointer_child(path_, key), std::move(message)});
}

void ObjectReader::ignore(std::string_view key) { seen_.emplace_back(key); }

const Json* ObjectReader::value(std::string_view key, bool required) {
    if (!object_) return nullptr;
    seen_.emplace_back(key);
    auto it = object_->find(key);
    if (it == object_->end()) {
        if (required) fail(key, "missing (this key is required)");
        return nullptr;
    }
    return &*it;
}

template <typename Check>
static const Json* typed(ObjectReader& r, const Json* v, std::string_view key, Check check, const char* want) {
    if (!v) return nullptr;
    if (!check(*v)) {
        r.fail(key, std::string("expected ") + want + ", got " + json_type_name(*v));
        return nullptr;
    }
    return v;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required, bool non_empty) {
    const Json* v = typed(*this, value(key, required), key, [](const Json& j) { return j.is_string(); }, "a string");
    if (!v) return std::nullopt;
    std::string s = v->get<std::string>();
    if (non_empty && is_blank(s)) {
        fail(key, "must not be empty");
        return std::nullopt;
    }
    return s;
}

std::optional<double> ObjectReader::number(std::string_view key, bool required) {
    const Json* v = typed(*this, value(key, required), key, [](const Json& j) { return j.is_number(); }, "a number");
    if (!v) return std::nullopt;
    double d = v->get<double>();
    if (!std::isfinite(d)) {
        fail(key, "must be a finite number");
        return std::nullopt;
    }
    return d;
}

std::optional<long long> ObjectReader::integer(std::string_view key, bool required) {
    const Json* v = typed(*this, value(key, required), key,
                          [](const Json& j) { return j.is_number_integer() || j.is_number_unsigned(); }, "a whole number");
    if (!v) return std::nullopt;
    if (v->is_number_unsigned() && v->get<unsigned long long>() > 9007199254740991ULL) {
        fail(key, "number is too large");
        return std::nullopt;
    }
    return v->get<long long>();
}

std::optional<bool> ObjectReader::boolean(std::string_view key, bool required) {
    const Json* v = typed(*this, value(key, required), key, [](const Json& j) { return j.is_boolean(); }, "true or false");
    if (!v) return std::nullopt;
    return v->get<bool>();
}

const Json* ObjectReader::array(std::string_view key, bool required) {
    return typed(*this, value(key, required), key, [](const Json& j) { return j.is_array(); }, "a list");
}

const Json* ObjectReader::object(std::string_view key, bool required) {
    return typed(*this, value(key, required), key, [](const Json& j) { return j.is_object(); }, "an object");
}

std::optional<std::string> ObjectReader::one_of(std::string_view key, const std::vector<std::string>& allowed,
                                                bool required) {
    auto s = string(key, required, false);
    if (!s) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *s) == allowed.end()) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "\"" : ", \"") + a + "\"";
        fail(key, "\"" + *s + "\" is not one of " + list);
        return std::nullopt;
    }
    return s;
}

void ObjectReader::finish() {
    if (!object_) return;
    for (const auto& [key, _] : object_->items()) {
        if (std::find(seen_.begin(), seen_.end(), key) == seen_.end()) fail(key, "unknown key \"" + key + "\"");
    }
}

}  // namespace poems
