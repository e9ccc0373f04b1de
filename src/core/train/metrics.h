#pragma once
// Classification metrics as scikit-learn's classification_report and confusion_matrix compute them, so figures
// from this program and from the original notebook mean the same thing.
#include <cstddef>
#include <string>
#include <vector>

namespace sctx::train {

struct ClassMetrics {
    double precision = 0, recall = 0, f1 = 0;  ///< 0 where undefined (sklearn's zero_division=0)
    size_t support = 0;                        ///< true examples of the class
    size_t predicted = 0;                      ///< examples predicted as the class
};

struct ClassificationReport {
    std::vector<std::string> class_names;
    std::vector<std::vector<size_t>> confusion;  ///< [true][predicted]
    std::vector<ClassMetrics> per_class;
    size_t total = 0;
    double accuracy = 0;
    /// Unweighted mean F1 over the classes that occur in the truth or the predictions (sklearn's labels=None).
    double macro_f1 = 0;
    size_t errors = 0;  ///< examples that could not be scored (evaluate: unreadable files); not in the matrix
};

/// Accumulates (true, predicted) pairs. Labels are class indices.
class ConfusionMatrix {
public:
    explicit ConfusionMatrix(std::vector<std::string> class_names);
    void add(int truth, int predicted);
    void add_error() { ++errors_; }
    ClassificationReport report() const;

private:
    std::vector<std::string> names_;
    std::vector<std::vector<size_t>> m_;
    size_t errors_ = 0;
};

/// The report as readable text: per-class table, accuracy, macro-F1, then the confusion matrix (rows = true,
/// columns = predicted) with class names as headers.
std::string format_report(const ClassificationReport& r);

/// {"accuracy", "macro_f1", "total", "errors", "classes": [{name, precision, recall, f1, support}],
///  "confusion_matrix": {"labels": [...], "rows_true_cols_predicted": [[...]]}}
std::string report_to_json(const ClassificationReport& r, int indent = 2);

}  // namespace sctx::train
