# Writes DIST/sw.js from the template SW_TEMPLATE (web/sw.js):
#   @POEMS_CACHE_VERSION@ -> a hash of every file in DIST and of the template itself, so any change
#                            to the app (wasm, js, html, css, icon...) makes a new cache version;
#   @POEMS_PRECACHE@      -> the files kept for offline use, as a JavaScript array: everything in
#                            DIST except the service worker itself and the embedding demo page.
# usage: cmake -DDIST=<dist folder> -DSW_TEMPLATE=<web/sw.js> -P service_worker.cmake
if(NOT DIST OR NOT SW_TEMPLATE)
  message(FATAL_ERROR "service_worker.cmake needs -DDIST=<folder> and -DSW_TEMPLATE=<file>")
endif()

file(GLOB files RELATIVE "${DIST}" "${DIST}/*")
list(SORT files)
set(hashes "")
set(precache "'./'")
foreach(name IN LISTS files)
  if(IS_DIRECTORY "${DIST}/${name}" OR name STREQUAL "sw.js" OR name MATCHES "^\\." OR name MATCHES "^demo-host")
    continue()
  endif()
  file(SHA256 "${DIST}/${name}" h)
  string(APPEND hashes "${name}:${h}\n")
  string(APPEND precache ", '${name}'")
endforeach()
file(SHA256 "${SW_TEMPLATE}" h)
string(APPEND hashes "sw.js:${h}\n")
string(SHA256 version "${hashes}")
string(SUBSTRING "${version}" 0 16 version)

file(READ "${SW_TEMPLATE}" text)
string(REPLACE "@POEMS_CACHE_VERSION@" "${version}" text "${text}")
string(REPLACE "@POEMS_PRECACHE@" "[${precache}]" text "${text}")
file(WRITE "${DIST}/sw.js" "${text}")
message(STATUS "Service worker: cache version ${version}")
