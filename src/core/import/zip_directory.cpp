#include "import/zip_directory.h"

#include "util/error.h"

namespace sctx {

namespace {

constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint32_t kZip64EndSignature = 0x06064b50;
constexpr uint32_t kCentralSignature = 0x02014b50;
constexpr uint32_t kLocalSignature = 0x04034b50;
constexpr size_t kEndSize = 22, kZip64LocatorSize = 20, kZip64EndSize = 56, kCentralSize = 46, kLocalSize = 30;
constexpr uint64_t kMaxEntries = 100000;
// Deflate's best case is about 1032:1; anything claiming more is lying about its size.
constexpr uint64_t kMaxDeflateRatio = 1032;

uint64_t le(const uint8_t* p, int bytes) {
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

[[noreturn]] void bad(const std::string& what) { throw Error("damaged zip archive: " + what); }

}  // namespace

std::vector<ZipEntry> read_zip_directory(const uint8_t* data, size_t size) {
    if (size < kEndSize) throw Error("too short for a zip archive (truncated?)");
    // The end record sits in the last 22 + 65535 (comment) bytes; like miniz, take the last one found.
    size_t end = SIZE_MAX;
    const size_t lowest = size - kEndSize > 65535 ? size - kEndSize - 65535 : 0;
    for (size_t p = size - kEndSize + 1; p-- > lowest;) {
        if (le(data + p, 4) == kEndSignature) {
            end = p;
            break;
        }
    }
    if (end == SIZE_MAX)
        throw Error("no zip end-of-central-directory record (the file is truncated or not a zip archive)");
    uint64_t count = le(data + end + 10, 2);
    uint64_t dir_size = le(data + end + 12, 4);
    uint64_t dir_offset = le(data + end + 16, 4);
    if (end >= kZip64LocatorSize && le(data + end - kZip64LocatorSize, 4) == kZip64LocatorSignature) {
        const uint64_t z64 = le(data + end - kZip64LocatorSize + 8, 8);
        if (z64 > size || size - z64 < kZip64EndSize || le(data + z64, 4) != kZip64EndSignature)
            bad("zip64 end record out of place");
        count = le(data + z64 + 32, 8);
        dir_size = le(data + z64 + 40, 8);
        dir_offset = le(data + z64 + 48, 8);
    }
    if (dir_offset > size || dir_size > size - dir_offset) bad("central directory outside the file");
    if (count > kMaxEntries) bad("claims " + std::to_string(count) + " records");
    if (count > dir_size / kCentralSize) bad("central directory too small for its record count");

    std::vector<ZipEntry> entries;
    entries.reserve(size_t(count));
    const uint8_t* p = data + dir_offset;
    const uint8_t* const dir_end = p + dir_size;
    for (uint64_t i = 0; i < count; ++i) {
        if (size_t(dir_end - p) < kCentralSize || le(p, 4) != kCentralSignature) bad("central directory entry");
        ZipEntry e;
        const uint64_t flags = le(p + 8, 2);
        e.method = uint16_t(le(p + 10, 2));
        e.crc32 = uint32_t(le(p + 16, 4));
        e.compressed_size = le(p + 20, 4);
        e.size = le(p + 24, 4);
        e.local_header_offset = le(p + 42, 4);
        const size_t name_len = size_t(le(p + 28, 2)), extra_len = size_t(le(p + 30, 2)),
                     comment_len = size_t(le(p + 32, 2));
        if (size_t(dir_end - p) - kCentralSize < name_len + extra_len + comment_len) bad("central directory entry");
        e.name.assign(reinterpret_cast<const char*>(p + kCentralSize), name_len);
        // LibTorch looks records up by C string: a name with a NUL in it would be a different name there.
        if (e.name.find('\0') != std::string::npos) bad("record name with a NUL byte");
        if (flags & (0x01 | 0x20 | 0x40))  // encrypted, patch data, strong encryption: miniz refuses them
            throw Error("zip record " + e.name + " is encrypted or uses an unsupported zip feature");
        // Zip64: the 64-bit values follow in a 0x0001 extra field, only for the fields saturated at 0xFFFFFFFF.
        const uint8_t* x = p + kCentralSize + name_len;
        const uint8_t* const x_end = x + extra_len;
        while (x_end - x >= 4) {
            const uint64_t id = le(x, 2), len = le(x + 2, 2);
            if (uint64_t(x_end - x - 4) < len) bad("extra field of " + e.name);
            if (id == 0x0001) {
                const uint8_t* v = x + 4;
                const uint8_t* const v_end = v + len;
                for (uint64_t* field : {&e.size, &e.compressed_size, &e.local_header_offset}) {
                    if (*field != 0xFFFFFFFFu) continue;
                    if (v_end - v < 8) bad("zip64 field of " + e.name);
                    *field = le(v, 8);
                    v += 8;
                }
            }
            x += 4 + len;
        }
        // miniz "extracts" a folder entry by writing nothing, so LibTorch would hand back an uninitialised buffer
        // of the claimed size; the same for compressed data of zero bytes.
        const bool folder = (name_len && p[kCentralSize + name_len - 1] == '/') || (le(p + 38, 4) & 0x10);
        if (e.size && (folder || !e.compressed_size))
            bad("record " + e.name + (folder ? " is marked as a folder but claims data" : " has no data"));
        if (e.method != 0 && e.method != 8)
            throw Error("zip record " + e.name + " uses compression method " + std::to_string(e.method) +
                        " (only stored and deflated records are supported)");
        if (e.method == 0 && e.size != e.compressed_size) bad("stored record " + e.name + " with two sizes");
        if (e.method == 8 && e.size / kMaxDeflateRatio > e.compressed_size + 1)
            bad("record " + e.name + " claims " + std::to_string(e.size) + " bytes from " +
                std::to_string(e.compressed_size) + " compressed bytes");
        if (e.local_header_offset > size || size - e.local_header_offset < kLocalSize ||
            size - e.local_header_offset - kLocalSize < e.compressed_size)
            bad("record " + e.name + " reaches past the end of the file (truncated?)");
        entries.push_back(std::move(e));
        p += kCentralSize + name_len + extra_len + comment_len;
    }
    return entries;
}

uint32_t zip_crc32(const uint8_t* data, size_t size) {
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

size_t stored_record_offset(const ZipEntry& e, const uint8_t* data, size_t size) {
    if (e.method != 0) throw Error("zip record " + e.name + " is compressed");
    // read_zip_directory checked that the local header's fixed part is inside the file.
    const uint8_t* h = data + e.local_header_offset;
    if (le(h, 4) != kLocalSignature) bad("local header of " + e.name);
    const uint64_t offset = e.local_header_offset + kLocalSize + le(h + 26, 2) + le(h + 28, 2);
    if (offset > size || size - offset < e.size) bad("record " + e.name + " reaches past the end of the file");
    return size_t(offset);
}

}  // namespace sctx
