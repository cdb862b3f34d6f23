# Hostile input to the JSON, SQLite and PostgreSQL readers (sql_hostile.sh
# explains each case). Included from tests/hostile/CMakeLists.txt.
set(sql_hostile_cases
  json_malformed_reports_line_and_column
  json_deep_nesting_is_refused
  json_invalid_utf8_reports_line_and_offset
  json_nan_is_refused
  json_empty_and_bom_only_files_are_named
  json_top_level_scalar_is_refused
  sql_syntax_error_names_database
  sql_missing_database_is_not_created
  sql_wrong_parameter_count_is_refused
  sql_postgres_refused_connection_fails_fast)
foreach(case ${sql_hostile_cases})
  add_test(NAME hostile_${case}
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/sql_hostile.sh ${SUMI_BIN} ${PROJECT_SOURCE_DIR}
            ${SUMI_TEST_OUT}/hostile-sql ${case})
  set_tests_properties(hostile_${case} PROPERTIES TIMEOUT 60)
endforeach()
