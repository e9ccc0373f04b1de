#include "classify/batch_summary.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "classify/class_label.h"
#include "util/csv.h"
#include "util/hms.h"

namespace sctx {

BatchSummary::BatchSummary(std::vector<std::string> class_names, double min_confidence)
    : names_(std::move(class_names)), classes_(names_.size()), min_confidence_(min_confidence) {}

void BatchSummary::add(const FileResult& r) {
    if (!r.ok) {
        ++errors_;
        return;
    }
    ++ok_;
    duration_s_ += r.duration_s;
    if (is_uncertain(r.confidence, min_confidence_)) {
        ++uncertain_.files;
        uncertain_.duration_s += r.duration_s;
    } else if (r.label_index >= 0 && size_t(r.label_index) < classes_.size()) {
        Class& c = classes_[size_t(r.label_index)];
        ++c.files;
        c.duration_s += r.duration_s;
    }
}

std::string BatchSummary::to_json() const {
    nlohmann::ordered_json classes = nlohmann::ordered_json::object();
    for (size_t i = 0; i < names_.size(); ++i)
        classes[names_[i]] = {{"files", classes_[i].files}, {"duration_s", classes_[i].duration_s}};
    nlohmann::ordered_json j = {
        {"files", files()}, {"ok", ok_}, {"errors", errors_}, {"duration_s", duration_s_}, {"classes", classes}};
    if (min_confidence_ > 0) {
        j["min_confidence"] = min_confidence_;
        j["uncertain"] = {{"files", uncertain_.files}, {"duration_s", uncertain_.duration_s}};
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string BatchSummary::to_table() const {
    size_t width = 9;  // "uncertain"
    for (const auto& n : names_) width = std::max(width, n.size());
    auto line = [&](const std::string& name, size_t files, double seconds, const std::string& share) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "%-*s  %6zu  %10s  %10.1f", int(width), name.c_str(), files,
                      hms(seconds).c_str(), seconds);
        return std::string(buf) + (share.empty() ? "" : "  " + share) + "\n";
    };
    char head[256];
    std::snprintf(head, sizeof head, "%-*s  %6s  %10s  %10s  %s\n", int(width), "class", "files", "duration", "seconds",
                  "share of files");
    std::string out = head;
    auto share_of = [&](size_t files) {
        char share[32];
        std::snprintf(share, sizeof share, "%5.1f%%", ok_ ? 100.0 * double(files) / double(ok_) : 0.0);
        return std::string(share);
    };
    for (size_t i = 0; i < names_.size(); ++i)
        out += line(names_[i], classes_[i].files, classes_[i].duration_s, share_of(classes_[i].files));
    if (min_confidence_ > 0)
        out += line(kUncertain, uncertain_.files, uncertain_.duration_s, share_of(uncertain_.files));
    out += line("total", ok_, duration_s_, "");
    if (min_confidence_ > 0) {
        char note[96];
        std::snprintf(note, sizeof note, "uncertain: confidence below %.2f (counted in no class)\n", min_confidence_);
        out += note;
    }
    out += "errors: " + std::to_string(errors_) + " of " + std::to_string(files()) + " files could not be read\n";
    return out;
}

std::string BatchSummary::to_csv() const {
    auto row = [](const std::string& name, size_t files, double seconds, double share) {
        char buf[96];
        std::snprintf(buf, sizeof buf, ",%zu,%.3f,%.4f\n", files, seconds, share);
        return csv::field(name) + buf;
    };
    std::string out = "class,files,duration_s,share_of_files\n";
    for (size_t i = 0; i < names_.size(); ++i)
        out += row(names_[i], classes_[i].files, classes_[i].duration_s,
                   ok_ ? double(classes_[i].files) / double(ok_) : 0.0);
    if (min_confidence_ > 0)
        out += row(kUncertain, uncertain_.files, uncertain_.duration_s,
                   ok_ ? double(uncertain_.files) / double(ok_) : 0.0);
    out += row("total", ok_, duration_s_, ok_ ? 1.0 : 0.0);
    out += row("errors", errors_, 0.0, 0.0);
    return out;
}

}  // namespace sctx
