#include "poems/json_reader.hpp"

#include <algorithm>
#include <cmath>

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

// Nesting depth of JSON text, ignoring brackets inside strings. Checked before parsing so a
// hostile file of a million '[' never reaches the recursive parts of a parser. Kept out of
// parse_json_text: in the browser the engine re-optimises the function its hot loop is in, and
// this loop alone is cheap to re-optimise.
[[gnu::noinline]] static std::size_t nesting_depth(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
        else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
}

std::optional<Json> parse_json_text(std::string_view text, const std::string& file, Problems& problems,
                                    const ParseLimits& limits) {
    if (text.size() > limits.max_bytes) {
        problems.push_back({file, "", "file is too large (" + std::to_string(text.size()) + " bytes; the limit is " +
                                          std::to_string(limits.max_bytes) + ")"});
        return std::nullopt;
    }
    if (nesting_depth(text) > limits.max_depth) {
        problems.push_back({file, "", "nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)"});
        return std::nullopt;
    }
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        std::string what = e.what();
        // nlohmann's message is "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
        auto at = what.find("parse error");
        problems.push_back({file, "", "not valid JSON: " + (at == std::string::npos ? what : what.substr(at))});
    } catch (const std::exception& e) {
        problems.push_back({file, "", std::string("not valid JSON: ") + e.what()});
    }
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
    if (non_empty && s.find_first_not_of(" \t\r\n") == std::string::npos) {
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
