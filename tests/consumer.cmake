# find_package(finmetrics) from an installed prefix, as {fmt}'s find-package-test.
if(FINMETRICS_INSTALL)
  add_test(NAME consumer.find_package
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  # COST: among the longest tests (an install, a configure and a build); started first.
  set_tests_properties(consumer.find_package PROPERTIES RESOURCE_LOCK build_tree COST 80)
endif()
