# Runs COMMAND and fails unless it exits with EXPECT. When PREPARE is given,
# it runs first and must succeed. Both are lists with '|' between arguments
# (a CMake list cannot pass through a command line intact).
#   cmake "-DPREPARE=a|b" "-DCOMMAND=x|y|z" -DEXPECT=1 -P expect_exit.cmake
if(NOT DEFINED COMMAND OR NOT DEFINED EXPECT)
  message(FATAL_ERROR "expect_exit.cmake needs -DCOMMAND=... and -DEXPECT=...")
endif()
if(DEFINED PREPARE)
  string(REPLACE "|" ";" prepare "${PREPARE}")
  execute_process(COMMAND ${prepare} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "preparation failed (exit ${rc}): ${PREPARE}\n${out}${err}")
  endif()
endif()
string(REPLACE "|" ";" command "${COMMAND}")
execute_process(COMMAND ${command} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc STREQUAL "${EXPECT}")
  message(FATAL_ERROR "expected exit ${EXPECT}, got ${rc}: ${COMMAND}")
endif()
