# Installers, one per platform, all made by CPack from the same install rules (cmake/SocialctxInstall.cmake and the
# targets' own install()):
#   Linux    DEB         socialctx_<version>_<arch>.deb, dependencies from dpkg-shlibdeps   (scripts/test-deb.sh)
#   Windows  NSIS        socialctx-<version>-win64.exe: LibTorch/vcpkg DLLs + windeployqt, Start menu, "Open with"
#   macOS    DragNDrop   socialctx-<version>-macos-<arch>.dmg: socialctx-gui.app with LibTorch, Qt, FFmpeg inside
#   source   TXZ         socialctx-<version>-source.tar.xz (`cpack --config CPackSourceConfig.cmake`): the GPL offer
# Only the DEB is built and tested on this project's machines; Windows and macOS are exercised by
# .github/workflows/build.yml alone (see docs/install-and-build.md, "What is untested").
# The version comes from project(VERSION) in the top-level CMakeLists.txt, like --version and the About dialog.

set(SOCIALCTX_PACKAGE_MAINTAINER "Social Context Classifier maintainers <socialctx@users.noreply.github.com>"
    CACHE STRING "Maintainer named in the packages (Debian's Maintainer field)")

# Values reach cpack exactly as written here (no second round of CMake escaping): the NSIS commands below hold
# backslashes and quotes meant for NSIS.
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_PACKAGE_NAME "socialctx")
set(CPACK_PACKAGE_VENDOR "Social Context Classifier project")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${SOCIALCTX_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Classify recordings by social context, offline")
# Lines under 80 columns: Debian shows the extended description as written (CPackDeb indents each line).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Social Context Classifier listens to audio in 3-second windows and tells\n"
  "apart five social contexts: alone/quiet, speech/monologue, one-on-one\n"
  "conversation, group discussion and noisy environment.\n"
  "It comes as a desktop app (socialctx-gui: drop files or folders, see the\n"
  "probabilities, spectrogram and timeline, export CSV, JSON or Audacity\n"
  "labels) and a command-line tool (socialctx) for batches. Everything runs\n"
  "on this computer with the shipped model; nothing is sent anywhere.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Social Context Classifier")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo symbols stay in the build tree, not in what users download

# The source package: what the GPL's "corresponding source" offer points at.
set(CPACK_SOURCE_GENERATOR "TXZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "socialctx-${PROJECT_VERSION}-source")
# Patterns match absolute paths: anchor the build folders to this checkout, wherever it lives.
string(REGEX REPLACE "([][+.*()^$?|\\])" "\\\\\\1" _socialctx_src_re "${PROJECT_SOURCE_DIR}")
set(CPACK_SOURCE_IGNORE_FILES "^${_socialctx_src_re}/build[^/]*/" "/\\.git/" "/\\.cache/" "/__pycache__/"
    "\\.pyc$" "~$")

if(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR "DEB")
  set(CPACK_DEBIAN_PACKAGE_NAME "socialctx")
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SOCIALCTX_PACKAGE_MAINTAINER}")
  set(CPACK_DEBIAN_PACKAGE_SECTION "sound")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
  # Library dependencies (LibTorch, Qt, FFmpeg, libsndfile, soxr, FFTW) come from dpkg-shlibdeps, with the versions
  # this build was linked against. Added by hand: what is loaded as a plugin and so invisible to shlibdeps.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # LibTorch links libblas.so.3, which shlibdeps resolves to the reference BLAS; OpenBLAS (the OpenMP build: the
  # pthread one oversubscribes the cores next to LibTorch's OpenMP) takes over that alternative and makes matrix
  # products 15-30x faster (bench/run_train_benchmarks.sh).
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp")
  if(SOCIALCTX_BUILD_APP)
    # Qt's SVG icon engine and image plugin draw the app's icon (an SVG in its resources).
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp, libqt6svg6")
    # Qt Multimedia plays through GStreamer on Debian's Qt 6.4; wav/mp3/flac/ogg parsers are in -good. qt6-wayland: a
    # native window in a Wayland session (without it Qt falls back to XWayland, or fails where there is none).
    # qt6-translations-l10n: Qt's own strings (standard buttons, file dialogs) in the app's languages.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gstreamer1.0-plugins-good, qt6-qpa-plugins, qt6-wayland, qt6-translations-l10n")
  endif()
  # The program is GPL-3.0-or-later whatever the FFT backend (see LICENSE, THIRD_PARTY.md, /usr/share/doc/socialctx/
  # copyright). Debian's control file has no licence field; the KissFFT build only drops FFTW from Depends.
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE _socialctx_deb_arch
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE _socialctx_dpkg_rc)
  if(_socialctx_dpkg_rc EQUAL 0 AND _socialctx_deb_arch)
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${_socialctx_deb_arch}")
    set(CPACK_DEBIAN_FILE_NAME "socialctx_${PROJECT_VERSION}_${_socialctx_deb_arch}.deb")
  else()
    set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")  # not a Debian system: CPack asks dpkg itself, or fails clearly
  endif()
endif()

# Qt's deployment tool (windeployqt / macdeployqt) run at install time on the installed app. Qt 6.4's deployment
# API (technology preview, Windows and macOS only) is enough: qt_deploy_runtime_dependencies in a generated
# install script, the way Qt's own QT_DEPLOY_SUPPORT documentation shows.
function(_socialctx_install_qt_deploy app_path)
  find_package(Qt6 6.3 REQUIRED COMPONENTS Core)
  set(_extra "")
  if(ARGN)
    set(_extra "ADDITIONAL_EXECUTABLES ${ARGN}")
  endif()
  set(_script "${PROJECT_BINARY_DIR}/deploy_socialctx_gui.cmake")
  file(GENERATE OUTPUT "${_script}" CONTENT "
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(EXECUTABLE \"${app_path}\" ${_extra} GENERATE_QT_CONF VERBOSE)
")
  install(SCRIPT "${_script}")
endfunction()

if(WIN32)
  set(CPACK_GENERATOR "NSIS")
  set(CPACK_PACKAGE_FILE_NAME "socialctx-${PROJECT_VERSION}-win64")
  set(CPACK_NSIS_PACKAGE_NAME "Social Context Classifier ${PROJECT_VERSION}")
  set(CPACK_NSIS_DISPLAY_NAME "Social Context Classifier")
  set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
  set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/socialctx.ico")
  set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/packaging/socialctx.ico")
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\socialctx-gui.exe")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  # bin\ (socialctx.exe, the CLI) goes on the user's PATH through packaging/windows/socialctx-path.ps1, not
  # CPACK_NSIS_MODIFY_PATH, whose NSIS string functions truncate a PATH longer than 1,024 characters.
  install(FILES "${PROJECT_SOURCE_DIR}/packaging/windows/socialctx-path.ps1" DESTINATION bin)
  # Start menu (and an optional desktop) shortcut to the app; NSIS looks in CPACK_NSIS_EXECUTABLES_DIRECTORY (bin).
  set(CPACK_PACKAGE_EXECUTABLES "socialctx-gui" "Social Context Classifier")
  set(CPACK_CREATE_DESKTOP_LINKS "socialctx-gui")
  set(CPACK_NSIS_MENU_LINKS "${PROJECT_HOMEPAGE_URL}" "Social Context Classifier website")

  # "Open with" for audio files: a ProgID plus OpenWithProgids entries, so the app is offered without taking
  # over the user's default player. SHCTX follows the installer's all-users/current-user choice.
  set(_progid "SocialContextClassifier.Audio")
  set(_app "$INSTDIR\\bin\\socialctx-gui.exe")
  set(_install "WriteRegStr SHCTX 'Software\\Classes\\${_progid}' '' 'Audio recording'\n")
  string(APPEND _install "WriteRegStr SHCTX 'Software\\Classes\\${_progid}\\DefaultIcon' '' '${_app},0'\n")
  string(APPEND _install
         "WriteRegStr SHCTX 'Software\\Classes\\${_progid}\\shell\\open\\command' '' '\"${_app}\" \"%1\"'\n")
  string(APPEND _install "WriteRegStr SHCTX 'Software\\Classes\\Applications\\socialctx-gui.exe' 'FriendlyAppName' "
                         "'Social Context Classifier'\n")
  set(_uninstall "")
  foreach(ext IN ITEMS wav mp3 m4a flac ogg)
    string(APPEND _install "WriteRegStr SHCTX 'Software\\Classes\\.${ext}\\OpenWithProgids' '${_progid}' ''\n")
    string(APPEND _install
           "WriteRegStr SHCTX 'Software\\Classes\\Applications\\socialctx-gui.exe\\SupportedTypes' '.${ext}' ''\n")
    string(APPEND _uninstall "DeleteRegValue SHCTX 'Software\\Classes\\.${ext}\\OpenWithProgids' '${_progid}'\n")
  endforeach()
  string(APPEND _uninstall "DeleteRegKey SHCTX 'Software\\Classes\\${_progid}'\n")
  string(APPEND _uninstall "DeleteRegKey SHCTX 'Software\\Classes\\Applications\\socialctx-gui.exe'\n")
  # Tell Explorer the associations changed (SHCNE_ASSOCCHANGED).
  set(_notify "System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'\n")
  # The CLI on the user's PATH (removed again first thing on uninstall, while the script is still there).
  set(_ps "nsExec::ExecToLog 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"$INSTDIR\\bin\\socialctx-path.ps1\"")
  set(_path_add "${_ps} -Add \"$INSTDIR\\bin\"'\n")
  set(_path_remove "${_ps} -Remove \"$INSTDIR\\bin\"'\n")
  # The MSVC runtime: windeployqt puts Microsoft's vc_redist.x64.exe into bin\; run it quietly unless the runtime
  # is already installed (its registry key says Installed=1), then delete it.
  set(_vcredist "SetRegView 64\n")
  string(APPEND _vcredist "ReadRegDWORD $0 HKLM 'SOFTWARE\\Microsoft\\VisualStudio\\14.0\\VC\\Runtimes\\x64' 'Installed'\n")
  string(APPEND _vcredist "SetRegView default\n")
  string(APPEND _vcredist "StrCmp $0 '1' socialctx_vcredist_done\n")
  string(APPEND _vcredist "IfFileExists '$INSTDIR\\bin\\vc_redist.x64.exe' 0 socialctx_vcredist_done\n")
  string(APPEND _vcredist "ExecWait '\"$INSTDIR\\bin\\vc_redist.x64.exe\" /quiet /norestart' $1\n")
  string(APPEND _vcredist "socialctx_vcredist_done:\n")
  string(APPEND _vcredist "Delete '$INSTDIR\\bin\\vc_redist.x64.exe'\n")
  set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "${_vcredist}${_install}${_path_add}${_notify}")
  set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "${_path_remove}${_uninstall}${_notify}")

  # The DLLs the programs link that are not Qt's (LibTorch from its official zip; FFmpeg, libsndfile, soxr, FFTW
  # from vcpkg), copied next to the .exe files. Qt's own DLLs and plugins come from windeployqt below.
  set(_dll_dirs "")
  if(TORCH_INSTALL_PREFIX)
    list(APPEND _dll_dirs "${TORCH_INSTALL_PREFIX}/lib")
  endif()
  if(VCPKG_INSTALLED_DIR AND VCPKG_TARGET_TRIPLET)
    list(APPEND _dll_dirs "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}/bin")
  endif()
  set(_exes "$<TARGET_FILE:socialctx>")
  if(TARGET socialctx-gui)
    list(APPEND _exes "$<TARGET_FILE:socialctx-gui>")
  endif()
  install(CODE "set(_socialctx_exes \"${_exes}\")\nset(_socialctx_dll_dirs \"${_dll_dirs}\")")
  install(CODE [[
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES ${_socialctx_exes}
      DIRECTORIES ${_socialctx_dll_dirs}
      RESOLVED_DEPENDENCIES_VAR _deps
      UNRESOLVED_DEPENDENCIES_VAR _missing
      PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^Qt6" "^(msvcp|vcruntime|concrt)[0-9]"
      POST_EXCLUDE_REGEXES "[Ss][Yy][Ss][Tt][Ee][Mm]32" "[Ss][Yy][Ss][Ww][Oo][Ww]64")
    foreach(_dll IN LISTS _deps)
      file(INSTALL "${_dll}" DESTINATION "${CMAKE_INSTALL_PREFIX}/bin")
    endforeach()
    if(_missing)
      message(WARNING "DLLs not found for the installer (system ones are expected here): ${_missing}")
    endif()
  ]])
  if(TARGET socialctx-gui)
    # windeployqt: Qt DLLs, the platform/image/multimedia plugins, and the MSVC runtime, into bin\.
    _socialctx_install_qt_deploy("\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:socialctx-gui>")
  endif()
endif()

if(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_PACKAGE_FILE_NAME "socialctx-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
  set(CPACK_DMG_VOLUME_NAME "Social Context Classifier")
  # The GPL asks for no acceptance: no licence dialog when the image is opened (CMP0133 is OLD under 3.22).
  set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
  set(_bundle "socialctx-gui.app")

  # The CLI travels inside the bundle, next to the app, so it finds the model at ../Resources/models and the
  # libraries at ../Frameworks. (src/cli's own rule also puts a copy in bin/ at the image's root: see the docs.)
  install(TARGETS socialctx RUNTIME DESTINATION "${_bundle}/Contents/MacOS")

  # The icon: rendered from the SVG at configure time when the Mac has rsvg-convert (Homebrew librsvg) and
  # iconutil (Xcode command-line tools); without them the bundle has the generic icon.
  find_program(SOCIALCTX_RSVG_CONVERT rsvg-convert)
  find_program(SOCIALCTX_ICONUTIL iconutil)
  if(SOCIALCTX_RSVG_CONVERT AND SOCIALCTX_ICONUTIL)
    set(_iconset "${PROJECT_BINARY_DIR}/socialctx.iconset")
    file(MAKE_DIRECTORY "${_iconset}")
    foreach(size IN ITEMS 16 32 128 256 512)
      math(EXPR size2 "${size} * 2")
      execute_process(COMMAND "${SOCIALCTX_RSVG_CONVERT}" -w ${size} -h ${size} "${PROJECT_SOURCE_DIR}/resources/socialctx.svg"
                              -o "${_iconset}/icon_${size}x${size}.png")
      execute_process(COMMAND "${SOCIALCTX_RSVG_CONVERT}" -w ${size2} -h ${size2} "${PROJECT_SOURCE_DIR}/resources/socialctx.svg"
                              -o "${_iconset}/icon_${size}x${size}@2x.png")
    endforeach()
    execute_process(COMMAND "${SOCIALCTX_ICONUTIL}" -c icns "${_iconset}" -o "${PROJECT_BINARY_DIR}/socialctx.icns")
    install(FILES "${PROJECT_BINARY_DIR}/socialctx.icns" DESTINATION "${_bundle}/Contents/Resources")
  else()
    message(STATUS "No rsvg-convert/iconutil: socialctx-gui.app gets the generic icon")
  endif()

  # LibTorch's dylibs (official zip) into Contents/Frameworks, before macdeployqt looks at the bundle: the
  # programs find them through their install RPATH @executable_path/../Frameworks, and each other through
  # @loader_path.
  if(TORCH_INSTALL_PREFIX)
    install(CODE "set(_socialctx_torch_lib \"${TORCH_INSTALL_PREFIX}/lib\")\nset(_socialctx_bundle \"${_bundle}\")")
    install(CODE [[
      file(GLOB _torch_dylibs "${_socialctx_torch_lib}/*.dylib")
      set(_fw "${CMAKE_INSTALL_PREFIX}/${_socialctx_bundle}/Contents/Frameworks")
      file(INSTALL ${_torch_dylibs} DESTINATION "${_fw}" FOLLOW_SYMLINK_CHAIN)
      foreach(_lib IN LISTS _torch_dylibs)
        get_filename_component(_name "${_lib}" NAME)
        # Official builds carry an rpath to their own lib dir; inside the bundle only @loader_path matters.
        execute_process(COMMAND install_name_tool -add_rpath @loader_path "$ENV{DESTDIR}${_fw}/${_name}"
                        ERROR_QUIET)
      endforeach()
    ]])
  endif()
  if(TARGET socialctx-gui)
    # macdeployqt: Qt frameworks and plugins, and the Homebrew dylibs (FFmpeg, libsndfile, soxr, FFTW) of both
    # programs, with their install names rewritten.
    _socialctx_install_qt_deploy("${_bundle}" "${_bundle}/Contents/MacOS/socialctx")  # relative to the prefix
  endif()
  # install_name_tool invalidates signatures and Apple silicon refuses unsigned code: sign with the Developer ID
  # named in SOCIALCTX_CODESIGN_IDENTITY (the workflow sets it when its signing secrets exist; hardened runtime and
  # a timestamp, as notarization requires), else ad hoc.
  install(CODE [[
    set(_identity "$ENV{SOCIALCTX_CODESIGN_IDENTITY}")
    set(_options "")
    if(_identity STREQUAL "")
      set(_identity "-")
    else()
      set(_options --options runtime --timestamp)
    endif()
  ]])
  install(CODE "execute_process(COMMAND codesign --force --deep \${_options} --sign \"\${_identity}\" \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${_bundle}\" COMMAND_ERROR_IS_FATAL ANY)")
endif()

include(CPack)
