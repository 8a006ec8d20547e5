# ctest python.install: installs the build into PREFIX and imports the package
# from PREFIX/SITE with the build's interpreter, from a neutral directory.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${installed}")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${PREFIX}/${SITE}
          ${PYTHON} -c "import finmetrics, sys; assert finmetrics.__file__.startswith(sys.argv[1]), finmetrics.__file__; print(finmetrics.parse_figure('Rmb81bn').value)"
          ${PREFIX}
  WORKING_DIRECTORY ${PREFIX}
  RESULT_VARIABLE imported OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT imported EQUAL 0 OR NOT out STREQUAL "81000000000\n")
  message(FATAL_ERROR "the installed package did not import: ${out}${err}")
endif()
foreach(f share/man/man1/finmetrics.1 share/bash-completion/completions/finmetrics share/doc/finmetrics/LICENSE)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
message(STATUS "installed and imported from ${PREFIX}/${SITE}")
