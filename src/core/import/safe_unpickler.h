#pragma once
// A restricted Python unpickler for the data.pkl of a torch.save()d state_dict, safe the way PyTorch's
// torch.load(weights_only=True) is: it knows only the opcodes and the handful of globals a state_dict uses
// (OrderedDict, torch._utils._rebuild_tensor_v2, torch.*Storage) and refuses anything else by name, so a
// hostile .pth cannot run code (a pickle can call any Python function, e.g. os.system).
// Nothing is executed and no tensor data is read here: storages and tensors come out as descriptions that the
// .pth reader fills from the archive's data/<key> records. Torch-free, so it can be fuzzed on its own.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sctx {

/// Element types of torch storages (torch.FloatStorage ... torch.BoolStorage).
enum class DType { Float32, Float64, Float16, BFloat16, Int64, Int32, Int16, Int8, UInt8, Bool };
size_t dtype_size(DType t);
const char* dtype_name(DType t);  ///< "float32", ...

namespace pickle {

enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor };

/// "a dict", "a tensor", ...: for messages.
const char* kind_name(Kind k);

struct Value {
    Kind kind = Kind::None;
    bool boolean = false;
    int64_t integer = 0;  ///< Int; Storage: element count
    double real = 0;
    std::string text;                 ///< String; Global: "module.name"; Storage: record key (data/<key>)
    std::vector<const Value*> items;  ///< Tuple, List; Tensor: {storage}
    std::vector<std::pair<const Value*, const Value*>> entries;  ///< Dict, in insertion order
    DType dtype = DType::Float32;                                ///< Storage
    int64_t offset = 0;                                          ///< Tensor: storage offset (elements)
    std::vector<int64_t> shape, stride;                          ///< Tensor

    /// Dict lookup by string key; nullptr when absent or not a Dict.
    const Value* get(const std::string& key) const;
};

/// Everything one pickle made. Values refer to each other by plain pointers into `values`, which owns them all
/// flat: a pickle may build cycles or deep nesting, and freeing them must not recurse.
struct Document {
    std::deque<Value> values;
    const Value* root = nullptr;
};

/// Runs the pickle in data[0, size). Throws sctx::Error: for a global outside the allow-list the message names
/// it ("refusing to load: the pickle calls os.system, which a state_dict never needs"); otherwise it says what
/// is malformed and at which byte.
std::unique_ptr<Document> unpickle(const uint8_t* data, size_t size);

}  // namespace pickle
}  // namespace sctx
