// Named widgets for tests are part of the one per-frame description of what is drawn
// (app/description.hpp): name_last_item(), name_last_text(), named_items_json(), named_texts_json().
#pragma once

#include "app/description.hpp"
