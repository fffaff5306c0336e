# Fails when a file outside coding/ (and the benchmarks and tests, which build
# and inspect fixtures) reaches the project's SQLite file directly rather than
# through the core's stores.
set(offenders "")
foreach(dir cli workbench search importers exporters fuzz)
  file(GLOB_RECURSE files "${ROOT}/${dir}/*.h" "${ROOT}/${dir}/*.cpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" hits REGEX "[.>]db\\(\\)|#[ \t]*include[ \t]*[<\"](coding/sqlite\\.h|sqlite3\\.h)|sql::")
    if(hits)
      list(APPEND offenders "${file}")
    endif()
  endforeach()
endforeach()
if(offenders)
  message(FATAL_ERROR "files outside coding/ use the project's SQLite file directly:\n${offenders}")
endif()
message(STATUS "only coding/ touches the project's SQLite file")
