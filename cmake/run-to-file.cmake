# Runs PROGRAM with ARGS (a ;-list) and writes its standard output to OUTPUT;
# fails the build when the program fails. Used as: cmake -DPROGRAM=... -DARGS=...
# -DOUTPUT=... [-DGZIP=ON] -P run-to-file.cmake
execute_process(COMMAND ${PROGRAM} ${ARGS}
  OUTPUT_FILE ${OUTPUT}.tmp
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed: ${result}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
