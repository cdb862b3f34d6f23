# Runs one visual case: renders cases/NAME.lua with sumi, then compares the
# PNG with reference/NAME.png using imgdiff, which writes OUT_DIR/NAME-diff.png
# when they differ. Called by ctest (see CMakeLists.txt) as
#   cmake -DSUMI=... -DIMGDIFF=... -DCASE=... -DREFERENCE=... -DOUT_DIR=...
#         -DNAME=... -P run_case.cmake
#
# A case may set its own comparison limits on a line of its own:
#   -- imgdiff: --tolerance 4 --max-share 0.01
foreach(var SUMI IMGDIFF CASE REFERENCE OUT_DIR NAME)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_case.cmake needs -D${var}=...")
  endif()
endforeach()

set(actual ${OUT_DIR}/${NAME}.png)
set(diff ${OUT_DIR}/${NAME}-diff.png)
file(MAKE_DIRECTORY ${OUT_DIR})
file(REMOVE ${actual} ${diff})

execute_process(
  COMMAND ${SUMI} render ${CASE} -o ${actual} --allow-read ${CMAKE_CURRENT_LIST_DIR}/fixtures
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "sumi render ${CASE} failed (exit ${rc}):\n${out}${err}")
endif()
# A warning here is usually a missing font (tofu boxes): the image would not
# be the one the reference shows, so say why rather than show a pixel diff.
if(NOT err STREQUAL "")
  message(FATAL_ERROR "sumi render ${CASE} printed warnings:\n${err}")
endif()

if(NOT EXISTS ${REFERENCE})
  message(FATAL_ERROR "no reference image ${REFERENCE}\n"
    "Look at ${actual}; if it is right, run tests/visual/update.sh BUILD_DIR to add it.")
endif()

file(STRINGS ${CASE} limits REGEX "^-- imgdiff:")
set(extra "")
if(limits)
  string(REGEX REPLACE "^-- imgdiff:" "" limits "${limits}")
  separate_arguments(extra UNIX_COMMAND "${limits}")
endif()

execute_process(
  COMMAND ${IMGDIFF} ${REFERENCE} ${actual} --diff ${diff} ${extra}
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 1)
  message(FATAL_ERROR "${NAME}: the rendering differs from reference/${NAME}.png.\n"
    "Review the diff image (red = differing pixels over the faded new rendering):\n"
    "  ${diff}\n"
    "next to the new rendering ${actual}. If the change is intended, run\n"
    "  tests/visual/update.sh BUILD_DIR\n"
    "and commit the new reference (see tests/visual/README.md).")
elseif(NOT rc EQUAL 0)
  message(FATAL_ERROR "imgdiff failed (exit ${rc})")
endif()
