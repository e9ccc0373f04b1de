#pragma once
// Test helpers: hand-made pickles and torch-style zip archives, so the .pth reader can be tested (and abused)
// without Python. Stored zip records with real CRCs, laid out as torch.save lays them out.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sctx::test {

inline uint32_t crc32(const std::string& data) {
    uint32_t crc = 0xffffffffu;
    for (unsigned char c : data) {
        crc ^= c;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline void put_le(std::string& s, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) s.push_back(char((v >> (8 * i)) & 0xff));
}

/// A zip archive of stored records.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& records) {
    std::string out, central;
    for (const auto& [name, data] : records) {
        const uint64_t offset = out.size();
        const uint32_t crc = crc32(data);
        put_le(out, 0x04034b50, 4);
        put_le(out, 20, 2);  // version needed
        put_le(out, 0, 2);   // flags
        put_le(out, 0, 2);   // stored
        put_le(out, 0, 4);   // time, date
        put_le(out, crc, 4);
        put_le(out, data.size(), 4);
        put_le(out, data.size(), 4);
        put_le(out, name.size(), 2);
        put_le(out, 0, 2);
        out += name;
        out += data;
        put_le(central, 0x02014b50, 4);
        put_le(central, 20, 2);
        put_le(central, 20, 2);
        put_le(central, 0, 2);
        put_le(central, 0, 2);
        put_le(central, 0, 4);
        put_le(central, crc, 4);
        put_le(central, data.size(), 4);
        put_le(central, data.size(), 4);
        put_le(central, name.size(), 2);
        put_le(central, 0, 2);  // extra
        put_le(central, 0, 2);  // comment
        put_le(central, 0, 2);  // disk
        put_le(central, 0, 2);  // internal attributes
        put_le(central, 0, 4);  // external attributes
        put_le(central, offset, 4);
        central += name;
    }
    const uint64_t dir_offset = out.size();
    out += central;
    put_le(out, 0x06054b50, 4);
    put_le(out, 0, 4);
    put_le(out, records.size(), 2);
    put_le(out, records.size(), 2);
    put_le(out, central.size(), 4);
    put_le(out, dir_offset, 4);
    put_le(out, 0, 2);
    return out;
}

/// A torch.save-style archive: folder/data.pkl, folder/data/<key> per storage, folder/version.
inline std::string make_torch_archive(const std::string& pickle,
                                      const std::vector<std::pair<std::string, std::string>>& storages,
                                      const std::string& folder = "archive") {
    std::vector<std::pair<std::string, std::string>> records{{folder + "/data.pkl", pickle}};
    for (const auto& [key, bytes] : storages) records.push_back({folder + "/data/" + key, bytes});
    records.push_back({folder + "/version", "3\n"});
    return make_zip(records);
}

/// Writes pickle opcodes (protocol 2 unless stated).
class PickleWriter {
public:
    PickleWriter() { s_ = "\x80\x02"; }
    PickleWriter& op(char c) {
        s_.push_back(c);
        return *this;
    }
    PickleWriter& raw(const std::string& bytes) {
        s_ += bytes;
        return *this;
    }
    PickleWriter& str(const std::string& v) {
        s_.push_back('X');
        put_le(s_, v.size(), 4);
        s_ += v;
        return *this;
    }
    PickleWriter& integer(int32_t v) {
        s_.push_back('J');
        put_le(s_, uint32_t(v), 4);
        return *this;
    }
    PickleWriter& global(const std::string& module, const std::string& name) {
        s_ += "c" + module + "\n" + name + "\n";
        return *this;
    }
    PickleWriter& ordered_dict() { return global("collections", "OrderedDict").op(')').op('R'); }
    PickleWriter& int_tuple(const std::vector<int64_t>& v) {
        op('(');
        for (int64_t x : v) integer(int32_t(x));
        return op('t');
    }
    /// _rebuild_tensor_v2(('storage', torch.<type>, key, 'cpu', numel), offset, shape, stride, False, OrderedDict())
    PickleWriter& tensor(const std::string& storage_type, const std::string& key, int64_t numel, int64_t offset,
                         const std::vector<int64_t>& shape, const std::vector<int64_t>& stride) {
        global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').str("storage").global("torch", storage_type).str(key).str("cpu").integer(int32_t(numel)).op('t');
        op('Q').integer(int32_t(offset)).int_tuple(shape).int_tuple(stride).op('\x89').ordered_dict();
        return op('t').op('R');
    }
    std::string done() { return s_ + "."; }
    const std::string& bytes() const { return s_; }

private:
    std::string s_;
};

inline std::string floats_bytes(const std::vector<float>& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
}

inline std::string longs_bytes(const std::vector<int64_t>& v) {
    return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(int64_t));
}

}  // namespace sctx::test
