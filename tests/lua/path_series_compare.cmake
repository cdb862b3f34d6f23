# After lua_path_series_decimates_long_columns: the decimated PDF must be
# much smaller than the full one, and the decimated PNG all but identical to
# the full one.
#   cmake -DDIR=... -DIMGDIFF=path/to/imgdiff -P path_series_compare.cmake
# Antialiased strokes are not pixel-exact under any M4 binning (a pixel's
# coverage depends on where in its column the line crosses each row), so
# the PNGs are compared at 8 levels per channel (about 3%): quarter-pixel
# bins leave 0.13% of pixels beyond that (0.30% beyond 2 levels), within
# imgdiff's default share of 0.2%; whole-pixel bins left 1.8% beyond 32
# levels.
file(SIZE ${DIR}/path_series_full.pdf full)
file(SIZE ${DIR}/path_series_decimated.pdf decimated)
math(EXPR limit "${full} / 20")
if(NOT decimated LESS limit)
  message(FATAL_ERROR "decimated pdf is ${decimated} bytes, the full one ${full}: expected < ${limit}")
endif()
message("pdf sizes: decimated ${decimated}, full ${full}")
execute_process(COMMAND ${IMGDIFF} ${DIR}/path_series_full.png ${DIR}/path_series_decimated.png
                        --tolerance 8 --diff ${DIR}/path_series_png_diff.png
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "decimated png differs from the full one (imgdiff exit ${status}; "
                      "see ${DIR}/path_series_png_diff.png)")
endif()
