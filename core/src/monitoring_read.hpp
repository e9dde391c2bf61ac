// Reading helpers shared by the loaders of the monitoring topics (labs, monitoring, recovery,
// prognosis). Not part of the public API; defined in labs.cpp.
#pragma once

#include "poems/labs.hpp"

namespace poems::monitoring_detail {

// Checks "schema" and "topic" of a content document.
void read_header(ObjectReader& top, const std::string& topic);

// An id at `key`, well formed and starting with `prefix` ("monitoring.", "labs.", ...).
std::optional<std::string> read_id(ObjectReader& r, const std::string& prefix, std::string_view key = "id");

// {"id", <text_key>: {"en": ...}, "sources": [...]}; the caller reads any other key and calls finish()

std::optional<CitedText> read_cited_text(ObjectReader& r, ReadSink sink, const std::string& prefix,
                                         std::string_view text_key = "text");

}  // namespace poems::monitoring_detail
