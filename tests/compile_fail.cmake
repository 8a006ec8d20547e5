# Compile-fail tests (Eigen failtest style): each tests/compile_fail/<case>.cpp
# is built twice, on demand from ctest. With FINMETRICS_SHOULD_FAIL_TO_BUILD it
# must fail to compile (test compile_fail.<case>, WILL_FAIL); without it the same
# file is the control that must compile (compile_fail.<case>.control), so a
# failure for an unrelated reason (a typo, a broken header) cannot pass.
#
# The targets are OBJECT libraries outside `all`, built from the library's headers
# only (no dependency on building libfinmetrics): compiling is the test.

file(GLOB FINMETRICS_COMPILE_FAIL_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/compile_fail/*.cpp)

foreach(source IN LISTS FINMETRICS_COMPILE_FAIL_SOURCES)
  get_filename_component(case ${source} NAME_WE)
  foreach(variant IN ITEMS fail control)
    set(target finmetrics_compile_fail_${case}_${variant})
    add_library(${target} OBJECT EXCLUDE_FROM_ALL ${source})
    target_compile_features(${target} PRIVATE cxx_std_20)
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/include)
    target_link_libraries(${target} PRIVATE Boost::headers date::date tl::expected fmt::fmt Eigen3::Eigen
                                            finmetrics_warnings)
    target_compile_options(${target} PRIVATE ${FINMETRICS_TEST_OPTIMIZATION})
    finmetrics_reuse_precompiled_headers(${target} finmetrics_test_pch)
    if(variant STREQUAL "fail")
      target_compile_definitions(${target} PRIVATE FINMETRICS_SHOULD_FAIL_TO_BUILD)
      set(test_name compile_fail.${case})
    else()
      set(test_name compile_fail.${case}.control)
    endif()
    add_test(NAME ${test_name}
             COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target ${target} --config $<CONFIG>)
    # Builds in one tree must not run concurrently (ctest -j).
    # COST: they run one at a time (ten compilations); ctest -j starts them first.
    set_tests_properties(${test_name} PROPERTIES RESOURCE_LOCK finmetrics_build_tree LABELS compile_fail COST 60)
    if(variant STREQUAL "fail")
      set_tests_properties(${test_name} PROPERTIES WILL_FAIL TRUE)
    endif()
  endforeach()
endforeach()
