#include "import/state_dict_mapping.h"

#include <map>

#include "util/error.h"

namespace sctx {

namespace {

// Longest first, so "running_mean" is not read as a layer "..._running" with role "mean".
const char* const kRoles[] = {"num_batches_tracked", "running_mean", "running_var", "weight", "bias"};
const std::string kCounter = "num_batches_tracked";

struct Member {
    std::string role;
    size_t index;  // into the parameter list or the state_dict's tensors
};

struct Layer {
    std::string name;
    std::string kind;
    std::vector<Member> members;
    bool used = false;

    const Member* find(const std::string& role) const {
        for (const auto& m : members)
            if (m.role == role) return &m;
        return nullptr;
    }
};

// "conv_layers.0.weight" -> {"conv_layers.0", "weight"} with sep '.'; "bn1_running_mean" -> {"bn1",
// "running_mean"} with sep '_'. Returns false when the name ends in no known role.
bool split_role(const std::string& name, char sep, std::string& layer, std::string& role) {
    for (const char* r : kRoles) {
        const std::string suffix = r;
        if (name == suffix) {
            layer.clear();
            role = suffix;
            return true;
        }
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            name[name.size() - suffix.size() - 1] == sep) {
            layer = name.substr(0, name.size() - suffix.size() - 1);
            role = suffix;
            return true;
        }
    }
    return false;
}

template <typename ShapeOf>
std::string kind_of(const Layer& l, ShapeOf shape_of) {
    if (l.find("running_mean") || l.find("running_var") || l.find(kCounter)) return "batch norm";
    const Member* w = l.find("weight");
    if (!w) return "";
    switch (shape_of(w->index).size()) {
        case 4: return "conv2d";
        case 3: return "conv1d";
        case 2: return "linear";
        case 1: return "norm without running statistics";
        default: return "";
    }
}

// Groups names into layers in order of first appearance; names with no known role go to `loose`.
template <typename NameOf, typename ShapeOf>
std::vector<Layer> group(size_t count, char sep, NameOf name_of, ShapeOf shape_of, std::vector<size_t>& loose) {
    std::vector<Layer> layers;
    std::map<std::string, size_t> by_name;
    for (size_t i = 0; i < count; ++i) {
        std::string layer, role;
        if (!split_role(name_of(i), sep, layer, role)) {
            loose.push_back(i);
            continue;
        }
        auto [it, fresh] = by_name.emplace(layer, layers.size());
        if (fresh) layers.push_back(Layer{layer, "", {}, false});
        Layer& l = layers[it->second];
        if (l.find(role))
            loose.push_back(i);  // the same key twice (e.g. with and without "module.")
        else
            l.members.push_back({role, i});
    }
    for (auto& l : layers) l.kind = kind_of(l, shape_of);
    return layers;
}

std::string describe(const Layer& ours, const std::vector<ParameterSpec>& params) {
    std::string s = ours.name + " (" + ours.kind + ":";
    for (size_t i = 0; i < ours.members.size(); ++i)
        s += (i ? ", " : " ") + ours.members[i].role + " " + shape_string(params[ours.members[i].index].shape);
    return s + ")";
}

}  // namespace

StateDictMapping map_state_dict(const StateDict& state, const std::vector<ParameterSpec>& params,
                                const std::string& architecture) {
    const auto& tensors = state.tensors;
    std::vector<size_t> our_loose, their_loose;
    std::vector<Layer> ours = group(
        params.size(), '_', [&](size_t i) -> const std::string& { return params[i].name; },
        [&](size_t i) -> const std::vector<int64_t>& { return params[i].shape; }, our_loose);
    std::vector<Layer> theirs = group(
        tensors.size(), '.', [&](size_t i) -> const std::string& { return tensors[i].key; },
        [&](size_t i) -> const std::vector<int64_t>& { return tensors[i].shape; }, their_loose);
    if (!our_loose.empty()) throw Error("internal: parameter " + params[our_loose[0]].name + " has no role suffix");

    // Why a file layer cannot fill one of ours; empty when it can.
    auto problems = [&](const Layer& o, const Layer& t) {
        std::vector<std::string> why;
        for (const auto& m : o.members) {
            const ParameterSpec& p = params[m.index];
            const Member* tm = t.find(m.role);
            if (!tm) {
                if (m.role != kCounter) why.push_back(t.name + " has no " + m.role);
                continue;
            }
            const StateTensor& x = tensors[tm->index];
            const bool counter_ok = m.role == kCounter && x.numel() == 1;
            if (x.shape != p.shape && !counter_ok)
                why.push_back(x.key + ": expected " + shape_string(p.shape) + ", found " + shape_string(x.shape));
            else if (m.role != kCounter && !x.is_floating())
                why.push_back(x.key + " holds " + dtype_name(x.dtype) + " values, expected floating point");
        }
        return why;
    };

    StateDictMapping out;
    std::vector<std::string> errors;
    for (const Layer& o : ours) {
        Layer* chosen = nullptr;
        Layer* first_candidate = nullptr;
        for (Layer& t : theirs) {
            if (t.used || t.kind != o.kind) continue;
            if (!first_candidate) first_candidate = &t;
            if (problems(o, t).empty()) {
                chosen = &t;
                break;
            }
        }
        if (!chosen) {
            if (!first_candidate) {
                errors.push_back(describe(o, params) + ": the file has no " + o.kind + " layer left for it");
                continue;
            }
            // Report against the layer that order says should have fitted, and use it up so the layers after
            // this one are compared with their own counterparts.
            first_candidate->used = true;
            std::string msg = describe(o, params) + " does not match the file's next " + o.kind + " layer '" +
                              first_candidate->name + "':";
            for (const auto& why : problems(o, *first_candidate)) msg += "\n      " + why;
            errors.push_back(msg);
            continue;
        }
        chosen->used = true;
        for (const auto& m : o.members) {
            if (const Member* tm = chosen->find(m.role))
                out.sources.push_back({params[m.index].name, tm->index});
            else
                out.defaulted.push_back(params[m.index].name);
        }
        for (const auto& tm : chosen->members)
            if (!o.find(tm.role)) their_loose.push_back(tm.index);
    }
    if (!errors.empty()) {
        std::string msg = "the state_dict does not fit the " + architecture + " architecture:";
        for (const auto& e : errors) msg += "\n  - " + e;
        msg += "\n  The file holds:";
        size_t shown = 0;
        for (const auto& t : tensors) {
            if (shown++ == 40) {
                msg += "\n    ... (" + std::to_string(tensors.size() - 40) + " more)";
                break;
            }
            msg += "\n    " + t.key + " " + shape_string(t.shape);
        }
        throw Error(msg);
    }
    for (const Layer& t : theirs)
        if (!t.used)
            for (const auto& m : t.members) their_loose.push_back(m.index);
    if (!their_loose.empty()) {
        std::string msg = "ignored " + std::to_string(their_loose.size()) + " tensor(s) the " + architecture +
                          " architecture has no place for:";
        for (size_t i = 0; i < their_loose.size() && i < 20; ++i)
            msg += (i ? ", " : " ") + tensors[their_loose[i]].key + " " + shape_string(tensors[their_loose[i]].shape);
        if (their_loose.size() > 20) msg += ", ...";
        out.warnings.push_back(msg);
    }
    return out;
}

}  // namespace sctx
