#pragma once
// SHA-256 (FIPS 180-4), for pinning the shipped model: a model is code, so a changed file must not load silently.
#include <cstddef>
#include <cstdint>
#include <string>

namespace sctx {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    std::string hex_digest();  ///< finishes the hash; lowercase hex

private:
    void block(const uint8_t* p);
    uint32_t h_[8];
    uint8_t buf_[64];
    size_t buf_len_ = 0;
    uint64_t total_ = 0;
};

/// Hash of a whole file, read in blocks. Throws sctx::Error if it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace sctx
