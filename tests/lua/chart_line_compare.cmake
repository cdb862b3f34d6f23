# After lua_chart_line_continuous_x: the million-point chart's PDF must be
# small (decimated to the page's points), and the decimated PNG of the
# sampled series all but identical to the undecimated one, compared at 8
# levels per channel as path_series_compare.cmake explains.
#   cmake -DDIR=... -DIMGDIFF=path/to/imgdiff -P chart_line_compare.cmake
file(SIZE ${DIR}/chart_line_million.pdf size)
# 842 pt of width, at most 16 points a point: about 13,500 path points,
# some 13 bytes each, plus the axes and text (188 KB with cairo 1.16); the
# undecimated chart would hold a million points, about 13 MB.
if(NOT size LESS 300000)
  message(FATAL_ERROR "the million-point chart's pdf is ${size} bytes: expected < 300000")
endif()
message("million-point chart pdf: ${size} bytes")
execute_process(COMMAND ${IMGDIFF} ${DIR}/chart_line_sample_full.png ${DIR}/chart_line_sample_decimated.png
                        --tolerance 8 --diff ${DIR}/chart_line_sample_diff.png
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the decimated chart differs from the full one (imgdiff exit ${status}; "
                      "see ${DIR}/chart_line_sample_diff.png)")
endif()
