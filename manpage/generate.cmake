# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# cmake -DPROGRAM=… -DARGS=a|b -DOUTPUT=… [-DGZIP=/bin/gzip] [-DEMULATOR=…] -P generate.cmake
# Runs PROGRAM ARGS and writes its standard output to OUTPUT, compressed with gzip -9n when GZIP is
# set (-n: no name or time stamp, so the same page gives the same bytes). Fails on a non-zero exit
# or empty output, leaving no OUTPUT behind.
set(ENV{QT_QPA_PLATFORM} offscreen)
string(REPLACE "|" ";" ARGS "${ARGS}")
set(raw "${OUTPUT}.tmp")
execute_process(COMMAND ${EMULATOR} ${PROGRAM} ${ARGS}
    OUTPUT_FILE "${raw}" ERROR_VARIABLE errors RESULT_VARIABLE result)
file(SIZE "${raw}" size)
if(NOT result EQUAL 0 OR size EQUAL 0)
    file(REMOVE "${raw}" "${OUTPUT}")
    message(FATAL_ERROR "${PROGRAM} ${ARGS} failed (${result}, ${size} bytes): ${errors}")
endif()
if(GZIP)
    execute_process(COMMAND ${GZIP} -9n -c INPUT_FILE "${raw}" OUTPUT_FILE "${OUTPUT}"
        RESULT_VARIABLE result)
    file(REMOVE "${raw}")
    if(NOT result EQUAL 0)
        file(REMOVE "${OUTPUT}")
        message(FATAL_ERROR "gzip of ${OUTPUT} failed (${result})")
    endif()
else()
    file(RENAME "${raw}" "${OUTPUT}")
endif()
