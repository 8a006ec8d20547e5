include(CMakePackageConfigHelpers)

install(TARGETS finmetrics EXPORT finmetricsTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/finmetrics DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(FINMETRICS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/finmetrics)
install(EXPORT finmetricsTargets NAMESPACE finmetrics:: DESTINATION ${FINMETRICS_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/finmetricsConfig.cmake.in
  ${PROJECT_BINARY_DIR}/finmetricsConfig.cmake INSTALL_DESTINATION ${FINMETRICS_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/finmetricsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/finmetricsConfig.cmake
              ${PROJECT_BINARY_DIR}/finmetricsConfigVersion.cmake
        DESTINATION ${FINMETRICS_CMAKE_DIR})

# The licence (Apache-2.0) travels with the package: installed beside the docs and
# stated in the package configuration (finmetrics_LICENSE).
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/finmetrics)
