# Tests of the command line, run against the built binary from the repository root.
if(TARGET finmetrics_cli)
  add_test(NAME cli.normalize COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/normalize_cli_test.sh $<TARGET_FILE:finmetrics_cli>)
  set_tests_properties(cli.normalize PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
if(TARGET finmetrics_cli)
  add_test(NAME cli.check COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_cli_test.sh $<TARGET_FILE:finmetrics_cli>)
  set_tests_properties(cli.check PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
if(TARGET finmetrics_cli)
  add_test(NAME cli.extract COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/extract_cli_test.sh $<TARGET_FILE:finmetrics_cli>)
  set_tests_properties(cli.extract PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
if(TARGET finmetrics_cli)
  set(_finmetrics_man "")
  if(TARGET finmetrics_man)
    set(_finmetrics_man ${PROJECT_BINARY_DIR}/src/cli/finmetrics.1)
  endif()
  add_test(NAME cli.conventions COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/conventions_cli_test.sh
           $<TARGET_FILE:finmetrics_cli> ${_finmetrics_man})
  set_tests_properties(cli.conventions PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endif()
if(TARGET finmetrics_cli)
  # The HTML report in headless chromium (DOM and screenshot kept in the build tree).
  find_program(FINMETRICS_TEST_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  if(NOT FINMETRICS_TEST_PYTHON)
    find_program(FINMETRICS_TEST_PYTHON python3)
  endif()
  add_test(NAME cli.html_report COMMAND ${FINMETRICS_TEST_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/cli/html_report_test.py
           $<TARGET_FILE:finmetrics_cli> ${PROJECT_BINARY_DIR}/html_report)
  set_tests_properties(cli.html_report PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} TIMEOUT 300)
endif()
if(TARGET finmetrics_cli)
  # normalize-v2 on a 20,000-row generated corpus with its exact expected output.
  # Disabled until parse_figure reads the v2 forms (the lexicon grammar of issue 9;
  # today about half the corpus is refused, every accepted row agrees).
  add_test(NAME cli.normalize_v2_corpus COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/normalize_v2_corpus_test.sh $<TARGET_FILE:finmetrics_cli>)
  set_tests_properties(cli.normalize_v2_corpus PROPERTIES WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} SKIP_RETURN_CODE 77 DISABLED TRUE)
endif()
