# Tests of the command line, run against the built binary from the repository root.
if(TARGET finmetrics_cli)
  add_test(NAME cli.normalize COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/normalize_cli_test.sh $<TARGET_FILE:finmetrics_cli>)
  set_tests_properties(cli.normalize PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
