#pragma once
// The label a writer or a summary shows for a result, and the minimum-confidence rule (BirdNET's min_conf):
// a result whose confidence is below the user's minimum is "uncertain". Its best guess and its probabilities are
// kept untouched; only what is shown as its label changes, so nothing is hidden and a script can still read the
// top class.
#include <string>
#include <vector>

namespace sctx {

/// The class name of index i, or "" for an index the model does not have.
inline std::string class_label(int i, const std::vector<std::string>& names) {
    return i >= 0 && size_t(i) < names.size() ? names[size_t(i)] : std::string();
}

/// Below the minimum (which 0 turns off). A confidence equal to the minimum is certain enough.
inline bool is_uncertain(float confidence, double min_confidence) {
    return min_confidence > 0 && double(confidence) < min_confidence;
}

constexpr const char* kUncertain = "uncertain";

/// "Group Discussion", or "uncertain (Group Discussion)" below the minimum: for labels people read (table,
/// Audacity, Raven, Sonic Visualiser).
inline std::string shown_label(int i, float confidence, const std::vector<std::string>& names, double min_confidence) {
    const std::string label = class_label(i, names);
    return is_uncertain(confidence, min_confidence) ? std::string(kUncertain) + " (" + label + ")" : label;
}

}  // namespace sctx
