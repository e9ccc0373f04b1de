#include "import/safe_unpickler.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "util/error.h"

namespace sctx {

size_t dtype_size(DType t) {
    switch (t) {
        case DType::Float64:
        case DType::Int64: return 8;
        case DType::Float32:
        case DType::Int32: return 4;
        case DType::Float16:
        case DType::BFloat16:
        case DType::Int16: return 2;
        case DType::Int8:
        case DType::UInt8:
        case DType::Bool: return 1;
    }
    return 1;
}

const char* dtype_name(DType t) {
    switch (t) {
        case DType::Float32: return "float32";
        case DType::Float64: return "float64";
        case DType::Float16: return "float16";
        case DType::BFloat16: return "bfloat16";
        case DType::Int64: return "int64";
        case DType::Int32: return "int32";
        case DType::Int16: return "int16";
        case DType::Int8: return "int8";
        case DType::UInt8: return "uint8";
        case DType::Bool: return "bool";
    }
    return "?";
}

namespace pickle {

const Value* Value::get(const std::string& key) const {
    if (kind != Kind::Dict) return nullptr;
    for (const auto& [k, v] : entries)
        if (k->kind == Kind::String && k->text == key) return v;
    return nullptr;
}

namespace {

// Far above what any state_dict needs (about a dozen values per tensor), far below what would hurt.
constexpr size_t kMaxValues = 2'000'000;
constexpr size_t kMaxMarkDepth = 1000;
constexpr size_t kMaxDims = 16;
constexpr int64_t kMaxStorageBytes = int64_t(1) << 40;

enum class Role { OrderedDict, RebuildTensorV2, RebuildParameter, RebuildParameterWithState, StorageType, DTypeValue };

struct AllowedGlobal {
    const char* module;
    const char* name;
    Role role;
    DType dtype;
};

// The globals torch.save() writes for a state_dict (checked with pickletools on torch 1.13's output), and the
// dtype objects newer versions may add. Everything else is refused.
const AllowedGlobal kAllowed[] = {
    {"collections", "OrderedDict", Role::OrderedDict, DType::Float32},
    {"torch._utils", "_rebuild_tensor_v2", Role::RebuildTensorV2, DType::Float32},
    {"torch._utils", "_rebuild_parameter", Role::RebuildParameter, DType::Float32},
    {"torch._utils", "_rebuild_parameter_with_state", Role::RebuildParameterWithState, DType::Float32},
    {"torch", "FloatStorage", Role::StorageType, DType::Float32},
    {"torch", "DoubleStorage", Role::StorageType, DType::Float64},
    {"torch", "HalfStorage", Role::StorageType, DType::Float16},
    {"torch", "BFloat16Storage", Role::StorageType, DType::BFloat16},
    {"torch", "LongStorage", Role::StorageType, DType::Int64},
    {"torch", "IntStorage", Role::StorageType, DType::Int32},
    {"torch", "ShortStorage", Role::StorageType, DType::Int16},
    {"torch", "CharStorage", Role::StorageType, DType::Int8},
    {"torch", "ByteStorage", Role::StorageType, DType::UInt8},
    {"torch", "BoolStorage", Role::StorageType, DType::Bool},
    {"torch", "float32", Role::DTypeValue, DType::Float32},
    {"torch", "float", Role::DTypeValue, DType::Float32},
    {"torch", "float64", Role::DTypeValue, DType::Float64},
    {"torch", "double", Role::DTypeValue, DType::Float64},
    {"torch", "float16", Role::DTypeValue, DType::Float16},
    {"torch", "half", Role::DTypeValue, DType::Float16},
    {"torch", "bfloat16", Role::DTypeValue, DType::BFloat16},
    {"torch", "int64", Role::DTypeValue, DType::Int64},
    {"torch", "long", Role::DTypeValue, DType::Int64},
    {"torch", "int32", Role::DTypeValue, DType::Int32},
    {"torch", "int", Role::DTypeValue, DType::Int32},
    {"torch", "int16", Role::DTypeValue, DType::Int16},
    {"torch", "short", Role::DTypeValue, DType::Int16},
    {"torch", "int8", Role::DTypeValue, DType::Int8},
    {"torch", "uint8", Role::DTypeValue, DType::UInt8},
    {"torch", "bool", Role::DTypeValue, DType::Bool},
};

// How a refused global is named to the user: pickle writes os.system as posix.system (nt.system on Windows).
std::string display_name(const std::string& module, const std::string& name) {
    const std::string full = module + "." + name;
    if (module == "posix" || module == "nt") return "os." + name + " (" + full + ")";
    return full;
}

std::string refusal(const std::string& module, const std::string& name) {
    std::string msg =
        "refusing to load: the pickle calls " + display_name(module, name) + ", which a state_dict never needs";
    if (module == "__main__")
        msg += " (this looks like a whole model saved with torch.save(model); save model.state_dict() instead)";
    else if (module.rfind("__torch__", 0) == 0)
        msg += " (this looks like a TorchScript model, not a state_dict)";
    return msg;
}

class Machine {
public:
    Machine(const uint8_t* data, size_t size, Document& doc) : p_(data), n_(size), doc_(doc) {}

    const Value* run() {
        while (true) {
            op_at_ = pos_;
            const uint8_t op = byte();
            switch (op) {
                case 0x80: {  // PROTO
                    const uint8_t proto = byte();
                    if (proto > 5) fail("pickle protocol " + std::to_string(proto) + " is not supported");
                    break;
                }
                case 0x95: {  // FRAME: a length prefix for buffered reading; the bytes follow inline
                    const uint64_t len = unsigned_le(8);
                    if (len > n_ - pos_) fail("frame longer than the data");
                    break;
                }
                case '}': push(make(Kind::Dict)); break;   // EMPTY_DICT
                case ']': push(make(Kind::List)); break;   // EMPTY_LIST
                case ')': push(make(Kind::Tuple)); break;  // EMPTY_TUPLE
                case '(':                                  // MARK
                    if (marks_.size() >= kMaxMarkDepth) fail("marks nested too deeply");
                    marks_.push_back(stack_.size());
                    break;
                case 'X': push_string(unsigned_le(4)); break;                  // BINUNICODE
                case 0x8c: push_string(unsigned_le(1)); break;                 // SHORT_BINUNICODE
                case 0x8d: push_string(unsigned_le(8)); break;                 // BINUNICODE8
                case 'J': push_int(int32_t(uint32_t(unsigned_le(4)))); break;  // BININT
                case 'K': push_int(int64_t(unsigned_le(1))); break;            // BININT1
                case 'M': push_int(int64_t(unsigned_le(2))); break;            // BININT2
                case 0x8a: push_int(long1()); break;                           // LONG1
                case 'G': push_float(); break;                                 // BINFLOAT
                case 0x88:
                case 0x89: {  // NEWTRUE, NEWFALSE
                    Value* v = make(Kind::Bool);
                    v->boolean = op == 0x88;
                    push(v);
                    break;
                }
                case 'N': push(make(Kind::None)); break;  // NONE
                case 't': {                               // TUPLE
                    Value* t = make(Kind::Tuple);
                    t->items = pop_to_mark();
                    push(t);
                    break;
                }
                case 0x85:
                case 0x86:
                case 0x87: {  // TUPLE1, TUPLE2, TUPLE3
                    const size_t count = size_t(op - 0x84);
                    Value* t = make(Kind::Tuple);
                    t->items.resize(count);
                    for (size_t i = count; i-- > 0;) t->items[i] = pop();
                    push(t);
                    break;
                }
                case 's': {  // SETITEM
                    const Value* value = pop();
                    const Value* key = pop();
                    set_item(top(), key, value);
                    break;
                }
                case 'u': {  // SETITEMS
                    std::vector<const Value*> kv = pop_to_mark();
                    if (kv.size() % 2) fail("SETITEMS with an odd number of values");
                    Value* dict = top();
                    for (size_t i = 0; i < kv.size(); i += 2) set_item(dict, kv[i], kv[i + 1]);
                    break;
                }
                case 'a': {  // APPEND
                    const Value* item = pop();
                    list_at_top()->items.push_back(item);
                    break;
                }
                case 'e': {  // APPENDS
                    std::vector<const Value*> items = pop_to_mark();
                    Value* list = list_at_top();
                    list->items.insert(list->items.end(), items.begin(), items.end());
                    break;
                }
                case 'q': memo_[unsigned_le(1)] = top(); break;  // BINPUT
                case 'r': memo_[unsigned_le(4)] = top(); break;  // LONG_BINPUT
                case 0x94: {                                     // MEMOIZE
                    Value* v = top();
                    memo_[memo_.size()] = v;
                    break;
                }
                case 'h': push(memo_get(unsigned_le(1))); break;  // BINGET
                case 'j': push(memo_get(unsigned_le(4))); break;  // LONG_BINGET
                case 'c': {                                       // GLOBAL
                    std::string module = line();
                    std::string name = line();
                    push(global(module, name));
                    break;
                }
                case 0x93: {  // STACK_GLOBAL
                    const Value* name = pop();
                    const Value* module = pop();
                    if (module->kind != Kind::String || name->kind != Kind::String)
                        fail("STACK_GLOBAL needs two strings");
                    push(global(module->text, name->text));
                    break;
                }
                case 'R': {  // REDUCE
                    const Value* args = pop();
                    const Value* callable = pop();
                    push(reduce(callable, args));
                    break;
                }
                case 'Q': push(persistent_load(pop())); break;  // BINPERSID
                case 'b': {                                     // BUILD
                    pop();                                      // the state: OrderedDict's _metadata; not needed
                    const Value* target = top();
                    if (target->kind != Kind::Dict && target->kind != Kind::Tensor)
                        fail(std::string("BUILD on ") + kind_name(target->kind));
                    break;
                }
                case '.':  // STOP
                    if (stack_.empty()) fail("STOP with an empty stack");
                    return stack_.back();
                default: {
                    char hex[8];
                    std::snprintf(hex, sizeof hex, "0x%02x", op);
                    std::string shown = hex;
                    if (op >= 0x20 && op < 0x7f) shown += std::string(" '") + char(op) + "'";
                    fail("pickle opcode " + shown + ", which a state_dict never uses");
                }
            }
        }
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw Error("malformed state_dict pickle: " + what + " (at byte " + std::to_string(op_at_) + ")");
    }

    uint8_t byte() {
        if (pos_ >= n_) fail("data ends before STOP (truncated?)");
        return p_[pos_++];
    }
    uint64_t unsigned_le(int bytes) {
        if (n_ - pos_ < size_t(bytes)) fail("data ends inside an opcode's argument (truncated?)");
        uint64_t v = 0;
        for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p_[pos_ + size_t(i)];
        pos_ += size_t(bytes);
        return v;
    }
    int64_t long1() {
        const size_t len = size_t(unsigned_le(1));
        if (n_ - pos_ < len) fail("data ends inside LONG1 (truncated?)");
        const uint8_t* b = p_ + pos_;
        pos_ += len;
        if (len == 0) return 0;
        // Two's complement, little-endian; more than 8 bytes only if the extra ones are sign extension.
        const uint8_t sign = (b[len - 1] & 0x80) ? 0xff : 0x00;
        for (size_t i = 8; i < len; ++i)
            if (b[i] != sign) fail("integer too large for 64 bits");
        if (len > 8 && ((b[7] & 0x80) ? 0xff : 0x00) != sign) fail("integer too large for 64 bits");
        uint64_t v = sign ? ~uint64_t(0) : 0;
        for (size_t i = std::min<size_t>(len, 8); i-- > 0;) v = (v << 8) | b[i];
        return int64_t(v);
    }
    std::string line() {
        const void* nl = std::memchr(p_ + pos_, '\n', std::min<size_t>(n_ - pos_, 1024));
        if (!nl) fail("GLOBAL name without an end of line");
        const size_t len = size_t(static_cast<const uint8_t*>(nl) - (p_ + pos_));
        std::string s(reinterpret_cast<const char*>(p_ + pos_), len);
        pos_ += len + 1;
        return s;
    }

    Value* make(Kind k) {
        if (doc_.values.size() >= kMaxValues) fail("more values than any state_dict holds");
        doc_.values.emplace_back();
        doc_.values.back().kind = k;
        return &doc_.values.back();
    }
    void push(const Value* v) { stack_.push_back(v); }
    void push_string(uint64_t len) {
        if (len > n_ - pos_) fail("string longer than the data (truncated?)");
        Value* v = make(Kind::String);
        v->text.assign(reinterpret_cast<const char*>(p_ + pos_), size_t(len));
        pos_ += size_t(len);
        push(v);
    }
    void push_int(int64_t i) {
        Value* v = make(Kind::Int);
        v->integer = i;
        push(v);
    }
    void push_float() {
        uint64_t bits = 0;
        if (n_ - pos_ < 8) fail("data ends inside BINFLOAT (truncated?)");
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | p_[pos_++];  // big-endian, unlike everything else
        Value* v = make(Kind::Float);
        std::memcpy(&v->real, &bits, 8);
        push(v);
    }

    // The stack above the innermost MARK is all an opcode may consume (Python keeps marked frames apart too).
    size_t frame_floor() const { return marks_.empty() ? 0 : marks_.back(); }
    const Value* pop() {
        if (stack_.size() <= frame_floor()) fail("stack underflow");
        const Value* v = stack_.back();
        stack_.pop_back();
        return v;
    }
    // Values on the stack are only ever mutated through containers this machine made, so dropping const is
    // safe; the stack keeps const pointers because the memo hands the same value out many times.
    Value* top() {
        if (stack_.size() <= frame_floor()) fail("stack underflow");
        return const_cast<Value*>(stack_.back());
    }
    std::vector<const Value*> pop_to_mark() {
        if (marks_.empty()) fail("no MARK to pop to");
        const size_t mark = marks_.back();
        marks_.pop_back();
        std::vector<const Value*> items(stack_.begin() + std::ptrdiff_t(mark), stack_.end());
        stack_.resize(mark);
        return items;
    }
    Value* list_at_top() {
        Value* v = top();
        if (v->kind != Kind::List) fail(std::string("APPEND to ") + kind_name(v->kind));
        return v;
    }
    const Value* memo_get(uint64_t index) {
        auto it = memo_.find(index);
        if (it == memo_.end()) fail("memo entry " + std::to_string(index) + " read before it was written");
        return it->second;
    }

    // Python dict semantics: a repeated key keeps its first position and takes the new value.
    void set_item(Value* dict, const Value* key, const Value* value) {
        if (dict->kind != Kind::Dict) fail(std::string("SETITEM on ") + kind_name(dict->kind));
        std::string id;
        switch (key->kind) {
            case Kind::String: id = "s" + key->text; break;
            case Kind::Int: id = "i" + std::to_string(key->integer); break;
            case Kind::Bool: id = key->boolean ? "i1" : "i0"; break;
            case Kind::None: id = "n"; break;
            default: fail(std::string("a dict key that is ") + kind_name(key->kind));
        }
        auto& index = dict_index_[dict];
        auto [it, fresh] = index.emplace(std::move(id), dict->entries.size());
        if (fresh)
            dict->entries.emplace_back(key, value);
        else
            dict->entries[it->second].second = value;
    }

    const Value* global(const std::string& module, const std::string& name) {
        for (const auto& g : kAllowed) {
            if (module != g.module || name != g.name) continue;
            Value* v = make(Kind::Global);
            v->text = module + "." + name;
            v->integer = int64_t(g.role);
            v->dtype = g.dtype;
            return v;
        }
        throw Error(refusal(module, name));
    }

    static bool is_int(const Value* v) { return v->kind == Kind::Int; }

    std::vector<int64_t> int_tuple(const Value* v, const char* what) {
        if (v->kind != Kind::Tuple) fail(std::string(what) + " is not a tuple");
        if (v->items.size() > kMaxDims) fail(std::string(what) + " has too many dimensions");
        std::vector<int64_t> out;
        for (const Value* i : v->items) {
            if (!is_int(i) || i->integer < 0) fail(std::string(what) + " holds something other than a count");
            out.push_back(i->integer);
        }
        return out;
    }

    const Value* reduce(const Value* callable, const Value* args) {
        if (callable->kind != Kind::Global) fail(std::string("REDUCE calls ") + kind_name(callable->kind));
        if (args->kind != Kind::Tuple) fail("REDUCE arguments are not a tuple");
        const auto& a = args->items;
        switch (Role(callable->integer)) {
            case Role::OrderedDict:
                if (!a.empty()) fail("OrderedDict called with arguments");
                return make(Kind::Dict);
            case Role::RebuildTensorV2: return rebuild_tensor(a);
            case Role::RebuildParameter:
            case Role::RebuildParameterWithState:
                // (data, requires_grad, backward_hooks[, state]): a Parameter is its data for our purposes.
                if (a.size() < 3 || a[0]->kind != Kind::Tensor) fail(callable->text + " without a tensor");
                return a[0];
            case Role::StorageType:
            case Role::DTypeValue: break;
        }
        const auto dot = callable->text.rfind('.');
        throw Error(refusal(callable->text.substr(0, dot), callable->text.substr(dot + 1)));
    }

    // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
    const Value* rebuild_tensor(const std::vector<const Value*>& a) {
        if (a.size() < 6 || a.size() > 7) fail("_rebuild_tensor_v2 with " + std::to_string(a.size()) + " arguments");
        if (a[0]->kind != Kind::Storage) fail("_rebuild_tensor_v2 without a storage");
        if (!is_int(a[1]) || a[1]->integer < 0) fail("_rebuild_tensor_v2 with a bad storage offset");
        Value* t = make(Kind::Tensor);
        t->items = {a[0]};
        t->offset = a[1]->integer;
        t->shape = int_tuple(a[2], "tensor size");
        t->stride = int_tuple(a[3], "tensor stride");
        if (t->shape.size() != t->stride.size()) fail("tensor size and stride differ in length");
        // The elements the view touches must lie inside the storage (overflow-safe: every term is checked).
        const int64_t storage_numel = a[0]->integer;
        bool empty = false;
        for (int64_t s : t->shape) empty = empty || s == 0;
        if (!empty) {
            int64_t last = t->offset;
            for (size_t i = 0; i < t->shape.size(); ++i) {
                const int64_t span = t->shape[i] - 1;
                if (t->stride[i] != 0 && span > (storage_numel - last) / t->stride[i])
                    fail("tensor reaches past the end of its storage");
                last += span * t->stride[i];
            }
            if (last >= storage_numel) fail("tensor reaches past the end of its storage");
        }
        return t;
    }

    // ('storage', storage_type, key, location, numel): the tensor data lives in the archive under data/<key>.
    const Value* persistent_load(const Value* pid) {
        if (pid->kind != Kind::Tuple || pid->items.size() != 5) fail("persistent id is not a 5-tuple");
        const auto& f = pid->items;
        if (f[0]->kind != Kind::String || f[0]->text != "storage") fail("persistent id is not a storage");
        if (f[1]->kind != Kind::Global || Role(f[1]->integer) != Role::StorageType)
            fail("persistent id without a storage type");
        if (f[2]->kind != Kind::String || f[2]->text.empty() || f[2]->text.size() > 64)
            fail("persistent id with a bad record key");
        if (f[3]->kind != Kind::String) fail("persistent id without a location");
        if (!is_int(f[4]) || f[4]->integer < 0 || f[4]->integer > kMaxStorageBytes / int64_t(dtype_size(f[1]->dtype)))
            fail("persistent id with a bad element count");
        Value* s = make(Kind::Storage);
        s->dtype = f[1]->dtype;
        s->text = f[2]->text;
        s->integer = f[4]->integer;
        return s;
    }

    const uint8_t* p_;
    size_t n_;
    size_t pos_ = 0, op_at_ = 0;
    Document& doc_;
    std::vector<const Value*> stack_;
    std::vector<size_t> marks_;
    std::unordered_map<uint64_t, Value*> memo_;
    std::unordered_map<const Value*, std::unordered_map<std::string, size_t>> dict_index_;
};

}  // namespace

std::unique_ptr<Document> unpickle(const uint8_t* data, size_t size) {
    auto doc = std::make_unique<Document>();
    Machine machine(data, size, *doc);
    doc->root = machine.run();
    return doc;
}

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::None: return "None";
        case Kind::Bool: return "a bool";
        case Kind::Int: return "an int";
        case Kind::Float: return "a float";
        case Kind::String: return "a string";
        case Kind::Tuple: return "a tuple";
        case Kind::List: return "a list";
        case Kind::Dict: return "a dict";
        case Kind::Global: return "a global (a class or function)";
        case Kind::Storage: return "a storage";
        case Kind::Tensor: return "a tensor";
    }
    return "?";
}

}  // namespace pickle
}  // namespace sctx
