# Limits on a script's memory and time, through `sumi render` (limits.sh
# explains each case). Included from tests/hostile/CMakeLists.txt.
sumi_hostile_cases(limits.sh
  limit_growing_table_stops_at_max_memory
  limit_one_huge_allocation_names_max_memory
  limit_caught_memory_error_still_fails_the_run
  limit_caught_huge_allocation_still_fails_the_run
  limit_endless_loop_stops_at_timeout
  limit_pcall_cannot_swallow_timeout
  limit_coroutine_cannot_swallow_timeout
  limit_long_c_call_is_killed_and_leaves_no_temp_file
  limit_endless_sqlite_query_stops_at_timeout
  limit_options_are_checked
  limit_trusted_run_says_so)
