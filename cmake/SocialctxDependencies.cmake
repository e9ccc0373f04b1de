# Every third-party dependency is found here once, as an imported target.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
pkg_check_modules(SNDFILE REQUIRED IMPORTED_TARGET sndfile)
pkg_check_modules(SOXR REQUIRED IMPORTED_TARGET soxr)
# SHA-256 of the shipped models (the pin checked at load): Nettle, as Debian ships it (nettle-dev / libnettle8).
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswresample libavutil)
find_package(nlohmann_json 3 REQUIRED)
find_package(pugixml REQUIRED)

if(SOCIALCTX_FFT STREQUAL "fftw")
  # FFTW ships no CMake config. fftw3f (single precision) computes the features; fftw3 (double) is the
  # float64 reference the FFT tests compare with.
  pkg_check_modules(FFTW3 REQUIRED IMPORTED_TARGET fftw3 fftw3f)
elseif(SOCIALCTX_FFT STREQUAL "kissfft")
  find_package(kissfft CONFIG REQUIRED COMPONENTS SHARED float)
else()
  message(FATAL_ERROR "SOCIALCTX_FFT must be fftw or kissfft, not '${SOCIALCTX_FFT}'")
endif()

# LibTorch: Debian's libtorch-dev has a CMake config with no hints needed.
find_package(Torch REQUIRED)
# Torch's exported target adds no C++ ABI flag on Debian, but TORCH_CXX_FLAGS may carry one: keep them consistent.
if(TORCH_CXX_FLAGS)
  separate_arguments(_torch_flags UNIX_COMMAND "${TORCH_CXX_FLAGS}")
  add_compile_options(${_torch_flags})
endif()
