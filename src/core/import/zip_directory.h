#pragma once
// The central directory of a zip archive, read with bounds checks and nothing extracted. The .pth reader
// checks every record's claimed size here before LibTorch's zip reader (miniz) allocates a buffer of that size:
// a damaged or hostile file must cost an error message, not gigabytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sctx {

struct ZipEntry {
    std::string name;
    uint16_t method = 0;  ///< 0 stored, 8 deflated
    uint64_t compressed_size = 0;
    uint64_t size = 0;  ///< uncompressed
    uint64_t local_header_offset = 0;
    uint32_t crc32 = 0;
};

/// Lists the records of the zip archive in data[0, size). Throws sctx::Error when the archive is malformed,
/// uses a compression method other than stored/deflated or a feature miniz refuses (encryption, patch data),
/// claims a record larger than its compressed data can expand to (deflate expands at most ~1032:1) or reaching
/// past the end of the archive, or has a folder entry that claims data.
std::vector<ZipEntry> read_zip_directory(const uint8_t* data, size_t size);

/// The zip CRC-32 of data[0, size).
uint32_t zip_crc32(const uint8_t* data, size_t size);

/// Where a stored (uncompressed) record's bytes lie in the archive: the offset after its local header.
/// Throws sctx::Error if the record is compressed or its local header is damaged.
size_t stored_record_offset(const ZipEntry& entry, const uint8_t* data, size_t size);

}  // namespace sctx
