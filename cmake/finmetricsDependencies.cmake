# Every dependency is a Debian 12 package (scripts/setup.sh installs them).
find_package(Boost 1.74 REQUIRED)             # header-only parts: Multiprecision
find_package(date CONFIG REQUIRED)            # Howard Hinnant's date
find_package(tl-expected CONFIG REQUIRED)     # tl::expected (no std::expected in GCC 12)
find_package(fmt CONFIG REQUIRED)
find_package(Eigen3 CONFIG REQUIRED)
find_package(nlohmann_json 3 CONFIG REQUIRED)  # JSON writers (header-only, used privately)
find_package(LibXml2 REQUIRED)                # HTML articles: linked by the CLI only (src/cli)
