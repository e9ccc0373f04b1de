#pragma once
// The machine's byte order at compile time, on every compiler the project supports (GCC and Clang define
// __BYTE_ORDER__; MSVC does not, and every Windows target is little-endian).
namespace sctx::platform {

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__)
inline constexpr bool little_endian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
#elif defined(_WIN32)
inline constexpr bool little_endian = true;
#else
#error "unknown byte order: define it for this compiler in platform/byte_order.h"
#endif

}  // namespace sctx::platform
