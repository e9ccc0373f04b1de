# What `cmake --install` lays out besides the programs (whose rules live next to their targets): the shipped
# model(s), the documentation, and the run-time search path. Included before the targets are made, because
# CMAKE_INSTALL_RPATH only reaches targets created after it is set.
#
#   <prefix>/bin/socialctx, socialctx-gui          (src/cli, src/app)
#   <prefix>/share/socialctx/models/*.pt           SOCIALCTX_MODEL_INSTALL_DIR; version.cpp finds it from the
#                                                  executable's folder, so an install can be moved as a whole
#   <prefix>/share/socialctx/examples/*.wav        (src/app)
#   <prefix>/share/applications, icons, metainfo   (src/app)
#   <prefix>/share/doc/socialctx/                  README, LICENSE, THIRD_PARTY, MODEL_CARD, install notes, user
#                                                  guide and its pictures, changelog.gz
#   <prefix>/share/man/man1/                       socialctx.1.gz, socialctx-gui.1.gz

# Run-time search path. Debian's LibTorch, Qt and FFmpeg are in the default library path, and Debian wants no
# RPATH in its packages, so Linux gets none. Elsewhere the libraries travel with the program: next to it in
# ../lib, or (macOS app bundle) in Contents/Frameworks.
if(APPLE)
  set(CMAKE_INSTALL_RPATH "@executable_path/../Frameworks;@loader_path/../${CMAKE_INSTALL_LIBDIR}")
elseif(UNIX AND NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
  set(CMAKE_INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}")
endif()

# On macOS the models sit inside the app bundle (version.cpp looks in <exe>/../Resources/models); everywhere
# else in the shared data folder next to bin/.
if(APPLE)
  set(SOCIALCTX_MODEL_INSTALL_DESTINATION "socialctx-gui.app/Contents/Resources/models")
else()
  set(SOCIALCTX_MODEL_INSTALL_DESTINATION "${SOCIALCTX_MODEL_INSTALL_DIR}")
endif()
set(SOCIALCTX_DOC_INSTALL_DIR "${CMAKE_INSTALL_DATADIR}/doc/socialctx")

# The models that ship: every .pt in models/ and its card. A cache entry so a test can package a stand-in
# model without touching the source tree (scripts/test-deb.sh does, when models/socialctx.pt is absent).
set(SOCIALCTX_MODELS_SOURCE_DIR "${PROJECT_SOURCE_DIR}/models" CACHE PATH
    "Folder whose *.pt files and MODEL_CARD.md are installed as the shipped models")
file(GLOB _socialctx_models CONFIGURE_DEPENDS "${SOCIALCTX_MODELS_SOURCE_DIR}/*.pt")
get_filename_component(_socialctx_shipped_name "${SOCIALCTX_SHIPPED_MODEL}" NAME)
if(NOT EXISTS "${SOCIALCTX_MODELS_SOURCE_DIR}/${_socialctx_shipped_name}")
  message(STATUS "No ${_socialctx_shipped_name} in ${SOCIALCTX_MODELS_SOURCE_DIR}: installed programs will "
                 "need --model (or SOCIALCTX_MODEL) until the trained model is committed")
endif()
if(_socialctx_models)
  install(FILES ${_socialctx_models} DESTINATION "${SOCIALCTX_MODEL_INSTALL_DESTINATION}")
endif()
install(FILES "${SOCIALCTX_MODELS_SOURCE_DIR}/MODEL_CARD.md" DESTINATION "${SOCIALCTX_MODEL_INSTALL_DESTINATION}"
        OPTIONAL)

# Documentation. OPTIONAL: a missing README must not break an install, and the packaging test lists what is there.
install(FILES
  "${PROJECT_SOURCE_DIR}/README.md"
  "${PROJECT_SOURCE_DIR}/LICENSE"
  "${PROJECT_SOURCE_DIR}/THIRD_PARTY.md"
  "${PROJECT_SOURCE_DIR}/docs/install-and-build.md"
  "${SOCIALCTX_MODELS_SOURCE_DIR}/MODEL_CARD.md"
  "${PROJECT_SOURCE_DIR}/docs/user-guide.md"
  "${PROJECT_SOURCE_DIR}/docs/screenshot-de.png"  # the user guide's picture, next to it so its link works
  DESTINATION "${SOCIALCTX_DOC_INSTALL_DIR}" OPTIONAL)
install(FILES "${PROJECT_SOURCE_DIR}/docs/screenshot.png"  # where the README's link looks: docs/screenshot.png
        DESTINATION "${SOCIALCTX_DOC_INSTALL_DIR}/docs" OPTIONAL)
if(UNIX AND NOT APPLE)
  # Debian policy: every package carries /usr/share/doc/<package>/copyright.
  if(SOCIALCTX_FFT STREQUAL "fftw")
    set(SOCIALCTX_FFT_COPYRIGHT_NOTE " and FFTW 3 (GPL-2+)")
  else()
    set(SOCIALCTX_FFT_COPYRIGHT_NOTE " and KissFFT (BSD-3-Clause)")
  endif()
  configure_file("${PROJECT_SOURCE_DIR}/cmake/debian-copyright.in" "${PROJECT_BINARY_DIR}/debian-copyright" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/debian-copyright" DESTINATION "${SOCIALCTX_DOC_INSTALL_DIR}"
          RENAME copyright)
  # The changelog (Debian's format, as a native package carries it) and the man pages, compressed as Debian policy
  # wants them (gzip -9n: no name or time stamp inside, so builds are reproducible).
  set(_socialctx_gz_sources "${PROJECT_SOURCE_DIR}/packaging/debian/changelog" "${PROJECT_SOURCE_DIR}/man/socialctx.1"
      "${PROJECT_SOURCE_DIR}/man/socialctx-gui.1")
  set(_socialctx_gz_outputs)
  foreach(_src IN LISTS _socialctx_gz_sources)
    get_filename_component(_name "${_src}" NAME)
    set(_out "${PROJECT_BINARY_DIR}/compressed-docs/${_name}.gz")
    add_custom_command(OUTPUT "${_out}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/compressed-docs"
      COMMAND sh -c "gzip -9n -c \"$1\" > \"$2\"" sh "${_src}" "${_out}"
      DEPENDS "${_src}" VERBATIM)
    list(APPEND _socialctx_gz_outputs "${_out}")
  endforeach()
  add_custom_target(socialctx_compressed_docs ALL DEPENDS ${_socialctx_gz_outputs})
  install(FILES "${PROJECT_BINARY_DIR}/compressed-docs/changelog.gz" DESTINATION "${SOCIALCTX_DOC_INSTALL_DIR}")
  install(FILES "${PROJECT_BINARY_DIR}/compressed-docs/socialctx.1.gz"
                "${PROJECT_BINARY_DIR}/compressed-docs/socialctx-gui.1.gz"
          DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endif()

# Platform properties of the desktop app, for src/app/CMakeLists.txt to call on its executable before its
# install(TARGETS ...) (which then needs `BUNDLE DESTINATION .` for macOS). No effect on Linux.
function(socialctx_app_platform_properties target)
  if(WIN32)
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/packaging/socialctx-gui.rc")  # the .exe's icon
  endif()
  set_target_properties(${target} PROPERTIES
    WIN32_EXECUTABLE ON   # no console window behind the app
    MACOSX_BUNDLE ON
    MACOSX_BUNDLE_INFO_PLIST "${PROJECT_SOURCE_DIR}/cmake/MacOSXBundleInfo.plist.in"
    MACOSX_BUNDLE_BUNDLE_NAME "Social Context Classifier"
    MACOSX_BUNDLE_GUI_IDENTIFIER "io.github.socialctx.SocialContextClassifier"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "socialctx.icns"
    MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later")
endfunction()
