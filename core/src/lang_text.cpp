#include "poems/lang_text.hpp"

#include "poems/text.hpp"

#include <algorithm>

namespace poems {

const std::string& LangText::in(std::string_view lang) const {
    static const std::string empty_text;
    if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second;
    if (auto it = by_lang.find("en"); it != by_lang.end()) return it->second;
    return empty_text;
}

std::optional<LangText> read_lang_text_value(const Json& v, const std::string& path, Problems& problems,
                                             const std::string& file) {
    if (!v.is_object()) {
        problems.push_back({file, path, std::string("expected a language map such as {\"en\": \"...\"}, got ") +
                                            json_type_name(v)});
        return std::nullopt;
    }
    LangText out;
    bool ok = true;
    for (const auto& [lang, text] : v.items()) {
        std::string at = pointer_child(path, lang);
        bool code_ok = !lang.empty() && lang.size() <= 8 &&
                       std::all_of(lang.begin(), lang.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
        if (!code_ok) {
            problems.push_back({file, at, "\"" + lang + "\" is not a language code (such as \"en\" or \"fr\")"});
            ok = false;
        } else if (!text.is_string()) {
            problems.push_back({file, at, std::string("expected a string, got ") + json_type_name(text)});
            ok = false;
        } else if (is_blank(text.get<std::string>())) {
            problems.push_back({file, at, "must not be empty"});
            ok = false;
        } else {
            out.by_lang.emplace(lang, text.get<std::string>());
        }
    }
    if (!v.contains("en")) {
        problems.push_back({file, path, "missing the English text (\"en\")"});
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<LangText> read_lang_text(ObjectReader& r, ReadSink sink, std::string_view key, bool required) {
    const Json* v = r.value(key, required);
    if (!v) return std::nullopt;
    return read_lang_text_value(*v, pointer_child(r.path(), key), sink.problems, sink.file);
}

void read_topic_head(ObjectReader& r, ReadSink sink) {
    r.ignore("schema");
    r.ignore("topic");
    read_lang_text(r, sink, "title");
    read_lang_text(r, sink, "note", false);
}

std::vector<SourceRef> read_source_refs(ObjectReader& r, ReadSink sink, std::string_view key, bool required) {
    std::vector<SourceRef> out;
    const Json* list = r.array(key, required);
    if (!list) return out;
    std::string path = pointer_child(r.path(), key);
    if (list->empty()) {
        r.fail(key, "must cite at least one source");
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader c((*list)[i], pointer_child(path, i), sink.problems, sink.file);
        if (!c.is_object()) continue;
        SourceRef ref;
        if (auto pub = c.string("publication")) {  // checked against sources.json by the content loader
            ref.publication = *pub;
            c.finish();
            out.push_back(std::move(ref));
            continue;
        }
        ref.seed = c.string("seed", true).value_or("");
        ref.section = c.string("section", true).value_or("");
        if (const Json* refs = c.array("refs")) {
            std::string refs_path = pointer_child(c.path(), "refs");
            for (std::size_t k = 0; k < refs->size(); ++k) {
                const Json& n = (*refs)[k];
                if (!n.is_number_integer() || n.get<long long>() < 1 || n.get<long long>() > 1000)
                    sink.problems.push_back({sink.file, pointer_child(refs_path, k), "expected a reference number (1 or more)"});
                else
                    ref.refs.push_back(n.get<int>());
            }
        }
        c.finish();
        out.push_back(std::move(ref));
    }
    return out;
}

bool is_well_formed_id(std::string_view id) {
    if (id.empty() || id.front() == '.' || id.back() == '.') return false;
    bool has_dot = false;
    char prev = 0;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        if (!ok || (c == '.' && prev == '.')) return false;
        has_dot = has_dot || c == '.';
        prev = c;
    }
    return has_dot;
}

std::vector<std::string> read_id_list(ObjectReader& r, ReadSink sink, std::string_view key, bool required,
                                      const std::vector<std::string>& prefixes) {
    std::vector<std::string> out;
    const Json* list = r.array(key, required);
    if (!list) return out;
    std::string path = pointer_child(r.path(), key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        std::string at = pointer_child(path, i);
        if (!v.is_string()) {
            sink.problems.push_back({sink.file, at, std::string("expected an id (a string), got ") + json_type_name(v)});
            continue;
        }
        std::string id = v.get<std::string>();
        if (!is_well_formed_id(id)) {
            sink.problems.push_back({sink.file, at, "\"" + id + "\" is not a well-formed id (lowercase words joined by dots)"});
            continue;
        }
        if (!prefixes.empty() && std::none_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
                return id.rfind(p, 0) == 0;
            })) {
            std::string list_text;
            for (const auto& p : prefixes) list_text += (list_text.empty() ? "\"" : ", \"") + p + "\"";
            sink.problems.push_back({sink.file, at, "\"" + id + "\" should start with " + list_text});
            continue;
        }
        if (std::find(out.begin(), out.end(), id) != out.end()) {
            sink.problems.push_back({sink.file, at, "\"" + id + "\" is listed twice"});
            continue;
        }
        out.push_back(std::move(id));
    }
    return out;
}

}  // namespace poems
