# `cmake --install`: the CLI, the styles (found by `--style NAME`) and the man
# page; CPack makes a .deb whose dependencies dpkg-shlibdeps works out from
# the binary, plus the default font. Included from the top-level CMakeLists.txt.
include(GNUInstallDirs)
install(TARGETS handout RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/styles/ DESTINATION ${CMAKE_INSTALL_DATADIR}/handout/styles
        FILES_MATCHING PATTERN "*.yaml")
install(FILES ${CMAKE_BINARY_DIR}/handout.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/docs/ci/github-actions.yml ${PROJECT_SOURCE_DIR}/docs/ci/gitlab-ci.yml
        DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "handout")
set(CPACK_PACKAGE_VENDOR "handout")
set(CPACK_PACKAGE_CONTACT "handout maintainers <handout@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "handout")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "text")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # libhpdf, libharfbuzz, libicu, ... from the binary
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-wqy-microhei")  # the default style's font
# PDF hyphenation patterns, read at run time from /usr/share/hyphen (none: no hyphenation)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hyphen-en-us")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Turns bullet-structured slide text into reports
 handout converts slide decks written as bullet text into an XML
 intermediate, a typeset PDF and a YouTube link audit, many decks at once,
 incrementally and in CI shards.")
set(CPACK_STRIP_FILES ON)
include(CPack)
