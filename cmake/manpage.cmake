# A man page made from a command's --help, so the two cannot drift.
# Invoked in script mode:
#   cmake -DHELP2MAN=... -DSUMI=path/to/sumi -DSUB=render|"" -DSUMMARY="..." -DOUT=file -P manpage.cmake
if(SUB STREQUAL "")
  set(help "--help")
  set(page "sumi")
else()
  set(help "${SUB} --help")
  set(page "sumi-${SUB}")
endif()
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --name=${SUMMARY}
          --help-option=${help} --version-option=--version
          --section=1 ${SUMI}
  OUTPUT_VARIABLE roff RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "help2man failed for '${page}'")
endif()
string(TOUPPER "${page}" title)
string(REGEX REPLACE "\\.TH SUMI " ".TH ${title} " roff "${roff}")
string(REGEX REPLACE "\n\\.SH NAME\nsumi \\\\-" "\n.SH NAME\n${page} \\\\-" roff "${roff}")
# help2man names the binary by the path it was given.
string(REPLACE "${SUMI}" "sumi" roff "${roff}")
file(WRITE "${OUT}" "${roff}")
