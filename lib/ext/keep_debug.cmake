# The module's debug information to DEBUG (and BUILD_ID_DIR/xx/rest.debug, where gdb and perf look it
# up by build id: the module is loaded from a memfd, so no path leads to it), the module without it to
# STRIPPED, which names DEBUG in its .gnu_debuglink.
execute_process(COMMAND ${OBJCOPY} --only-keep-debug ${MODULE} ${DEBUG} COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${OBJCOPY} --strip-debug --add-gnu-debuglink=${DEBUG} ${MODULE} ${STRIPPED}
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${READELF} -n ${MODULE} OUTPUT_VARIABLE notes COMMAND_ERROR_IS_FATAL ANY)
string(REGEX MATCH "Build ID: ([0-9a-f]+)" found "${notes}")
if(NOT CMAKE_MATCH_1)
  message(FATAL_ERROR "${MODULE} has no build id")
endif()
string(SUBSTRING ${CMAKE_MATCH_1} 0 2 head)
string(SUBSTRING ${CMAKE_MATCH_1} 2 -1 rest)
file(MAKE_DIRECTORY ${BUILD_ID_DIR}/${head})
file(COPY_FILE ${DEBUG} ${BUILD_ID_DIR}/${head}/${rest}.debug ONLY_IF_DIFFERENT)
