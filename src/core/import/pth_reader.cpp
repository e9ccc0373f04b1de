#include "import/pth_reader.h"

#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "import/zip_directory.h"
#include "platform/byte_order.h"
#include "util/error.h"

static_assert(sctx::platform::little_endian, "tensor bytes are copied as little-endian");

namespace sctx {

namespace {

// The original's best_model.pth is about 12 MB; these limits only keep hostile files from costing memory.
constexpr uint64_t kMaxFileBytes = uint64_t(2) << 30;
constexpr uint64_t kMaxPickleBytes = 64u << 20;
constexpr size_t kMaxNotes = 20;

// miniz reads the archive through this. PyTorchStreamReader does not always check the count a read returns,
// so a read past the end yields zeros rather than whatever memory follows the buffer.
class BoundedMemoryAdapter final : public caffe2::serialize::ReadAdapterInterface {
public:
    BoundedMemoryAdapter(const uint8_t* data, size_t size) : data_(data), size_(size) {}
    size_t size() const override { return size_; }
    size_t read(uint64_t pos, void* buf, size_t n, const char* /*what*/) const override {
        const size_t got = pos < size_ ? std::min<size_t>(n, size_ - size_t(pos)) : 0;
        if (got) std::memcpy(buf, data_ + pos, got);
        if (got < n) std::memset(static_cast<uint8_t*>(buf) + got, 0, n - got);
        return got;
    }

private:
    const uint8_t* data_;
    size_t size_;
};

std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

// The archive: our own bounds-checked directory (for the checks made before miniz allocates anything) and
// LibTorch's reader for the records themselves (it inflates and checks CRCs).
class Archive {
public:
    Archive(const uint8_t* data, size_t size) : data_(data), size_(size) {
        entries_ = read_zip_directory(data, size);
        if (entries_.empty()) throw Error("the zip archive is empty");
        const auto slash = entries_[0].name.find('/');
        if (slash == std::string::npos || slash == 0)
            throw Error("not a PyTorch archive (its records are not inside one folder)");
        folder_ = entries_[0].name.substr(0, slash + 1);
        if (find("constants.pkl") || std::any_of(entries_.begin(), entries_.end(), [&](const ZipEntry& e) {
                return starts_with(e.name, folder_ + "code/");
            }))
            throw Error(
                "this is a TorchScript model, not a state_dict: `socialctx import` converts files written by "
                "torch.save(model.state_dict(), ...)");
        check_version();
        if (!find("data.pkl")) throw Error("not a PyTorch state_dict archive (no data.pkl record)");
        // PyTorchStreamReader's constructor leaks miniz state if it throws after opening the zip; everything
        // it checks there (a folder, a readable version) was checked above, so it does not.
        try {
            reader_ = std::make_unique<caffe2::serialize::PyTorchStreamReader>(
                std::make_shared<BoundedMemoryAdapter>(data, size));
        } catch (const c10::Error& e) {
            throw Error("damaged PyTorch archive: " + first_line(e.what_without_backtrace()));
        } catch (const std::exception& e) {
            throw Error("damaged PyTorch archive: " + first_line(e.what()));
        }
    }

    const ZipEntry* find(const std::string& name) const {
        for (const auto& e : entries_)
            if (e.name == folder_ + name) return &e;
        return nullptr;
    }

    /// A record's bytes. The size was checked against the file by read_zip_directory; `limit` caps it further.
    std::vector<uint8_t> record(const std::string& name, uint64_t limit) {
        const ZipEntry* e = find(name);
        if (!e) throw Error("the archive has no record " + name);
        if (e->size > limit)
            throw Error("record " + name + " claims " + std::to_string(e->size) +
                        " bytes, more than a state_dict needs");
        try {
            auto [ptr, n] = reader_->getRecord(name);
            if (n > limit) throw Error("record " + name + " is larger than a state_dict needs");
            const auto* p = static_cast<const uint8_t*>(ptr.get());
            return std::vector<uint8_t>(p, p + n);
        } catch (const c10::Error& err) {
            throw Error("cannot read record " + name + ": " + first_line(err.what_without_backtrace()));
        }
    }

private:
    // Everything PyTorchStreamReader's constructor checks about <folder>/version, checked first: miniz finds
    // records case-insensitively, so every entry it might take for the version record must pass.
    void check_version() const {
        bool found = false;
        for (const auto& e : entries_) {
            // LibTorch 1.13 prefers .data/version when an archive has one.
            if (!same_ignoring_case(e.name, folder_ + "version") &&
                !same_ignoring_case(e.name, folder_ + ".data/version"))
                continue;
            check_version_record(e);
            found = true;
        }
        if (!found) throw Error("not a PyTorch archive (no version record)");
    }

    static bool same_ignoring_case(const std::string& a, const std::string& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    }

    void check_version_record(const ZipEntry& v) const {
        if (v.size > 32) throw Error("not a PyTorch archive (bad version record)");
        const size_t at = stored_record_offset(v, data_, size_);
        if (zip_crc32(data_ + at, size_t(v.size)) != v.crc32)
            throw Error("damaged zip archive: the version record fails its CRC check");
        std::string text(reinterpret_cast<const char*>(data_ + at), size_t(v.size));
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
        if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
            throw Error("not a PyTorch archive (bad version record)");
        const uint64_t version = std::stoull(text);
        if (version < caffe2::serialize::kMinSupportedFileFormatVersion ||
            version > caffe2::serialize::kMaxSupportedFileFormatVersion)
            throw Error("PyTorch archive format version " + text + " is not supported by this build");
    }

    const uint8_t* data_;
    size_t size_;
    std::vector<ZipEntry> entries_;
    std::string folder_;
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> reader_;
};

// Copies the elements a tensor view (offset, shape, stride) selects from its storage into C order.
class TensorBuilder {
public:
    TensorBuilder(Archive& archive, uint64_t budget_bytes) : archive_(archive), budget_(budget_bytes) {}

    StateTensor build(const std::string& key, const pickle::Value& t) {
        const pickle::Value& storage = *t.items.at(0);
        const std::vector<uint8_t>& bytes = storage_bytes(storage);
        const size_t esz = dtype_size(storage.dtype);
        StateTensor out;
        out.key = key;
        out.dtype = storage.dtype;
        out.shape = t.shape;
        // A zero stride can make a huge view of a small storage: count against the budget before allocating.
        uint64_t numel = 1;
        for (int64_t s : t.shape) {
            if (s != 0 && numel > (budget_ / esz) / uint64_t(s))
                throw Error("tensor '" + key + "' of shape " + shape_string(t.shape) + " is larger than the file");
            numel *= uint64_t(s);
        }
        if (numel * esz > budget_) throw Error("the tensors add up to more data than the file holds");
        budget_ -= numel * esz;
        out.data.resize(size_t(numel * esz));
        if (numel == 0) return out;
        const uint8_t* base = bytes.data() + size_t(t.offset) * esz;
        if (is_contiguous(t.shape, t.stride)) {
            std::memcpy(out.data.data(), base, out.data.size());
        } else {
            // Odometer over the indices; the unpickler proved every reachable element is inside the storage.
            const size_t dims = t.shape.size();
            std::vector<int64_t> index(dims, 0);
            uint8_t* dst = out.data.data();
            for (uint64_t n = 0; n < numel; ++n) {
                int64_t at = 0;
                for (size_t d = 0; d < dims; ++d) at += index[d] * t.stride[d];
                std::memcpy(dst, base + size_t(at) * esz, esz);
                dst += esz;
                for (size_t d = dims; d-- > 0;) {
                    if (++index[d] < t.shape[d]) break;
                    index[d] = 0;
                }
            }
        }
        if (out.dtype == DType::Bool)
            for (auto& b : out.data) b = b ? 1 : 0;  // any other byte would be an invalid C++ bool
        return out;
    }

private:
    static bool is_contiguous(const std::vector<int64_t>& shape, const std::vector<int64_t>& stride) {
        int64_t expected = 1;
        for (size_t d = shape.size(); d-- > 0;) {
            if (shape[d] != 1 && stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    const std::vector<uint8_t>& storage_bytes(const pickle::Value& s) {
        auto it = storages_.find(s.text);
        if (it != storages_.end()) {
            if (it->second.first != s.dtype ||
                int64_t(it->second.second.size()) != s.integer * int64_t(dtype_size(s.dtype)))
                throw Error("storage " + s.text + " is used with two different types or sizes");
            return it->second.second;
        }
        const std::string name = "data/" + s.text;
        const uint64_t expected = uint64_t(s.integer) * dtype_size(s.dtype);
        const ZipEntry* entry = archive_.find(name);
        if (!entry) throw Error("the archive has no record " + name + " for a tensor's data");
        auto mismatch = [&](uint64_t found) {
            return Error("record " + name + " holds " + std::to_string(found) + " bytes, but the pickle describes " +
                         std::to_string(s.integer) + " " + dtype_name(s.dtype) + " values");
        };
        if (entry->size != expected) throw mismatch(entry->size);
        std::vector<uint8_t> bytes = archive_.record(name, expected);
        if (bytes.size() != expected) throw mismatch(bytes.size());
        return storages_.emplace(s.text, std::make_pair(s.dtype, std::move(bytes))).first->second.second;
    }

    Archive& archive_;
    uint64_t budget_;
    std::map<std::string, std::pair<DType, std::vector<uint8_t>>> storages_;
};

float half_to_float(uint16_t h) {
    const uint32_t sign = uint32_t(h & 0x8000) << 16, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    uint32_t bits;
    if (exp == 0) {
        const float f = std::ldexp(float(mant), -24);  // zero or subnormal
        return sign ? -f : f;
    }
    if (exp == 31)
        bits = sign | 0x7f800000u | (mant << 13);
    else
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

template <typename T>
T element_as(const StateTensor& t, size_t i) {
    const uint8_t* p = t.data.data() + i * dtype_size(t.dtype);
    auto load = [p](auto v) {
        std::memcpy(&v, p, sizeof v);
        return v;
    };
    switch (t.dtype) {
        case DType::Float32: return T(load(float{}));
        case DType::Float64: return T(load(double{}));
        case DType::Float16: return T(half_to_float(load(uint16_t{})));
        case DType::BFloat16: {
            const uint32_t bits = uint32_t(load(uint16_t{})) << 16;
            float f;
            std::memcpy(&f, &bits, 4);
            return T(f);
        }
        case DType::Int64: return T(load(int64_t{}));
        case DType::Int32: return T(load(int32_t{}));
        case DType::Int16: return T(load(int16_t{}));
        case DType::Int8: return T(load(int8_t{}));
        case DType::UInt8:
        case DType::Bool: return T(load(uint8_t{}));
    }
    return T{};
}

}  // namespace

size_t StateTensor::numel() const { return data.size() / dtype_size(dtype); }

bool StateTensor::is_floating() const {
    return dtype == DType::Float32 || dtype == DType::Float64 || dtype == DType::Float16 || dtype == DType::BFloat16;
}

std::vector<float> StateTensor::to_floats() const {
    std::vector<float> out(numel());
    if (dtype == DType::Float32) {
        if (!out.empty()) std::memcpy(out.data(), data.data(), data.size());
        return out;
    }
    for (size_t i = 0; i < out.size(); ++i) out[i] = element_as<float>(*this, i);
    return out;
}

std::vector<int64_t> StateTensor::to_ints() const {
    std::vector<int64_t> out(numel());
    for (size_t i = 0; i < out.size(); ++i) {
        if (is_floating()) {
            const double v = element_as<double>(*this, i);
            out[i] = std::isfinite(v) && std::fabs(v) < 9e18 ? int64_t(v) : 0;
        } else {
            out[i] = element_as<int64_t>(*this, i);
        }
    }
    return out;
}

std::string shape_string(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

StateDict read_state_dict_from_memory(const uint8_t* data, size_t size) {
    // torch.save before PyTorch 1.6 (or with _use_new_zipfile_serialization=False) wrote a bare pickle stream.
    if (size >= 2 && data[0] == 0x80 && data[1] <= 5)
        throw Error(
            "this is PyTorch's legacy (pre-1.6) file format, which is not supported: load it in Python and "
            "save it again with torch.save()");
    if (size < 4 || std::memcmp(data, "PK\x03\x04", 4) != 0)
        throw Error("not a PyTorch state_dict file (not a zip archive)");
    Archive archive(data, size);
    if (archive.find("byteorder")) {  // written by newer PyTorch versions; absent means little-endian
        const std::vector<uint8_t> b = archive.record("byteorder", 16);
        if (std::string(b.begin(), b.end()) != "little")
            throw Error("the file's tensors are stored big-endian, which is not supported");
    }
    const std::vector<uint8_t> pkl = archive.record("data.pkl", kMaxPickleBytes);
    const std::unique_ptr<pickle::Document> doc = pickle::unpickle(pkl.data(), pkl.size());

    const pickle::Value* root = doc->root;
    if (root->kind != pickle::Kind::Dict)
        throw Error(std::string("the file holds ") + pickle::kind_name(root->kind) +
                    ", not a state_dict (a dict of tensors)");
    StateDict out;
    const pickle::Value* dict = root;
    for (const char* wrapper : {"state_dict", "model_state_dict", "model"}) {
        const pickle::Value* inner = root->get(wrapper);
        if (inner && inner->kind == pickle::Kind::Dict) {
            dict = inner;
            out.notes.push_back(std::string("used the checkpoint's '") + wrapper + "' entry");
            break;
        }
    }
    // Materialised tensors may not exceed a few times the file: shared storages are legitimate, unbounded
    // re-reading of one storage is not.
    TensorBuilder builder(archive, 4 * uint64_t(size) + (1u << 20));
    size_t skipped = 0;
    for (const auto& [k, v] : dict->entries) {
        if (k->kind != pickle::Kind::String || v->kind != pickle::Kind::Tensor) {
            if (skipped++ < kMaxNotes)
                out.notes.push_back("skipped " + (k->kind == pickle::Kind::String ? "'" + k->text + "'" : "an entry") +
                                    " (" + pickle::kind_name(v->kind) + ", not a tensor)");
            continue;
        }
        std::string key = k->text;
        if (starts_with(key, "module.")) key.erase(0, 7);  // saved from a DataParallel wrapper
        out.tensors.push_back(builder.build(key, *v));
    }
    if (skipped > kMaxNotes) out.notes.push_back("skipped " + std::to_string(skipped - kMaxNotes) + " more entries");
    if (out.tensors.empty()) throw Error("the file holds no tensors");
    return out;
}

StateDict read_state_dict(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw Error("no such file");
    if (!std::filesystem::is_regular_file(status)) throw Error("not a regular file");
    const uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) throw Error("cannot read: " + ec.message());
    if (size > kMaxFileBytes)
        throw Error("the file is " + std::to_string(size >> 20) +
                    " MB, larger than any state_dict this program imports");
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size)))
        throw Error("cannot read the file");
    return read_state_dict_from_memory(bytes.data(), bytes.size());
}

}  // namespace sctx
