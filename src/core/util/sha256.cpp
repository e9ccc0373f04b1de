#include "util/sha256.h"

#include <nettle/sha2.h>

#include <cstdio>
#include <fstream>
#include <vector>

#include "util/error.h"

namespace sctx {

Sha256::Sha256() : ctx_(std::make_unique<sha256_ctx>()) { sha256_init(ctx_.get()); }

Sha256::~Sha256() = default;

void Sha256::update(const void* data, size_t size) {
    sha256_update(ctx_.get(), size, static_cast<const uint8_t*>(data));
}

std::string Sha256::hex_digest() {
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(ctx_.get(), SHA256_DIGEST_SIZE, digest);  // also resets the context
    char out[2 * SHA256_DIGEST_SIZE + 1];
    for (int i = 0; i < SHA256_DIGEST_SIZE; ++i) std::snprintf(out + 2 * i, 3, "%02x", digest[i]);
    return std::string(out, 2 * SHA256_DIGEST_SIZE);
}

std::string sha256_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read " + path);
    Sha256 h;
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), std::streamsize(buf.size()));
        h.update(buf.data(), size_t(in.gcount()));
    }
    return h.hex_digest();
}

}  // namespace sctx
