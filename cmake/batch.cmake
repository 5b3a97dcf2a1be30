# The batch (src/batch/) and installed styles: SHA-256 from OpenSSL,
# threads; where the installed tool looks for styles.
# Included from src/CMakeLists.txt after handout_core is defined.
include(GNUInstallDirs)
target_link_libraries(handout_core PRIVATE OpenSSL::Crypto Threads::Threads)
target_compile_definitions(handout_core PRIVATE
  HANDOUT_INSTALL_STYLES_DIR="${CMAKE_INSTALL_FULL_DATADIR}/handout/styles")
