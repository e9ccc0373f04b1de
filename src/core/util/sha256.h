#pragma once
// SHA-256 (FIPS 180-4), for pinning the shipped model: a model is code, so a changed file must not load silently.
// The hash itself is Nettle's (GNU Nettle, LGPL-3+/GPL-2+, maintained and shipped by Debian as libnettle8); this is
// only the small interface the rest of the code uses.
#include <cstddef>
#include <memory>
#include <string>

struct sha256_ctx;

namespace sctx {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, size_t size);
    std::string hex_digest();  ///< finishes the hash (and starts a new one); lowercase hex

private:
    std::unique_ptr<sha256_ctx> ctx_;
};

/// Hash of a whole file, read in blocks. Throws sctx::Error if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace sctx
