#include "train/metrics.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "util/error.h"

namespace sctx::train {

ConfusionMatrix::ConfusionMatrix(std::vector<std::string> class_names)
    : names_(std::move(class_names)), m_(names_.size(), std::vector<size_t>(names_.size(), 0)) {}

void ConfusionMatrix::add(int truth, int predicted) {
    const int n = int(names_.size());
    if (truth < 0 || truth >= n || predicted < 0 || predicted >= n)
        throw Error("class index out of range (" + std::to_string(truth) + ", " + std::to_string(predicted) + ")");
    ++m_[size_t(truth)][size_t(predicted)];
}

ClassificationReport ConfusionMatrix::report() const {
    ClassificationReport r;
    r.class_names = names_;
    r.confusion = m_;
    r.errors = errors_;
    const size_t n = names_.size();
    r.per_class.resize(n);
    size_t correct = 0;
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            r.per_class[i].support += m_[i][j];
            r.per_class[j].predicted += m_[i][j];
            r.total += m_[i][j];
        }
        correct += m_[i][i];
    }
    double f1_sum = 0;
    size_t present = 0;
    for (size_t i = 0; i < n; ++i) {
        ClassMetrics& c = r.per_class[i];
        const double tp = double(m_[i][i]);
        c.precision = c.predicted ? tp / double(c.predicted) : 0.0;
        c.recall = c.support ? tp / double(c.support) : 0.0;
        c.f1 = c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0.0;
        if (c.support || c.predicted) {
            f1_sum += c.f1;
            ++present;
        }
    }
    r.accuracy = r.total ? double(correct) / double(r.total) : 0.0;
    r.macro_f1 = present ? f1_sum / double(present) : 0.0;
    return r;
}

std::string format_report(const ClassificationReport& r) {
    std::string out;
    char buf[256];
    size_t w = 12;
    for (const auto& n : r.class_names) w = std::max(w, n.size());
    std::snprintf(buf, sizeof buf, "%-*s %9s %9s %9s %9s\n", int(w), "", "precision", "recall", "f1-score", "support");
    out += buf;
    for (size_t i = 0; i < r.class_names.size(); ++i) {
        const ClassMetrics& c = r.per_class[i];
        std::snprintf(buf, sizeof buf, "%-*s %9.3f %9.3f %9.3f %9zu\n", int(w), r.class_names[i].c_str(), c.precision,
                      c.recall, c.f1, c.support);
        out += buf;
    }
    std::snprintf(buf, sizeof buf, "\n%-*s %9s %9s %9.3f %9zu\n%-*s %9s %9s %9.3f %9zu\n", int(w), "accuracy", "", "",
                  r.accuracy, r.total, int(w), "macro-F1", "", "", r.macro_f1, r.total);
    out += buf;
    if (r.errors) out += "errors (not scored): " + std::to_string(r.errors) + "\n";
    out += "\nConfusion matrix (rows = true, columns = predicted):\n";
    // Column headers are the class names; widths fit the longest name so the matrix stays aligned.
    std::snprintf(buf, sizeof buf, "%-*s", int(w), "");
    out += buf;
    for (const auto& n : r.class_names) {
        std::snprintf(buf, sizeof buf, " | %s", n.c_str());
        out += buf;
    }
    out += "\n";
    for (size_t i = 0; i < r.class_names.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%-*s", int(w), r.class_names[i].c_str());
        out += buf;
        for (size_t j = 0; j < r.class_names.size(); ++j) {
            std::snprintf(buf, sizeof buf, " | %*zu", int(r.class_names[j].size()), r.confusion[i][j]);
            out += buf;
        }
        out += "\n";
    }
    return out;
}

std::string report_to_json(const ClassificationReport& r, int indent) {
    nlohmann::ordered_json j;
    j["accuracy"] = r.accuracy;
    j["macro_f1"] = r.macro_f1;
    j["total"] = r.total;
    j["errors"] = r.errors;
    j["classes"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < r.class_names.size(); ++i) {
        const ClassMetrics& c = r.per_class[i];
        j["classes"].push_back({{"name", r.class_names[i]},
                                {"precision", c.precision},
                                {"recall", c.recall},
                                {"f1", c.f1},
                                {"support", c.support}});
    }
    j["confusion_matrix"] = {{"labels", r.class_names}, {"rows_true_cols_predicted", r.confusion}};
    return j.dump(indent);
}

}  // namespace sctx::train
