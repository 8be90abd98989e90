# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Rota developers
# Makes a file of packaging/ into the one the Debian package installs:
#   cmake -DIN=packaging/changelog -DOUT=build/changelog.gz -DGZIP=/bin/gzip -P debiandoc.cmake
# The SPDX lines at the top of the source ("#" lines before the first other line) are left out:
# Debian's changelog and copyright formats have no comments. With GZIP, the result is compressed
# with gzip -9n (the best compression, and no file name or time stamp in the header, so that the
# same input gives the same bytes), as Debian policy wants its changelogs.
if(NOT IN OR NOT OUT)
    message(FATAL_ERROR "usage: cmake -DIN=FILE -DOUT=FILE [-DGZIP=gzip] -P debiandoc.cmake")
endif()
file(READ "${IN}" text)
string(REGEX REPLACE "^(#[^\n]*\n)+" "" text "${text}")
if(GZIP)
    set(plain "${OUT}.in")
    file(WRITE "${plain}" "${text}")
    execute_process(COMMAND "${GZIP}" -9nc INPUT_FILE "${plain}" OUTPUT_FILE "${OUT}"
        RESULT_VARIABLE result)
    file(REMOVE "${plain}")
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${GZIP} failed on ${IN}: ${result}")
    endif()
else()
    file(WRITE "${OUT}" "${text}")
endif()
