#pragma once
// What a batch came to, the first thing a researcher asks: how many files and how much recorded time fell into
// each class, and how many files could not be read. `socialctx classify --summary` prints it at the end.
#include <string>
#include <vector>

#include "classify/file_result.h"

namespace sctx {

class BatchSummary {
public:
    /// min_confidence > 0: files whose confidence is below it count as "uncertain" instead of in their class
    /// (class_label.h), so the class rows hold only the results one may rely on.
    explicit BatchSummary(std::vector<std::string> class_names, double min_confidence = 0);

    /// Counts one file: by its label when it was classified (or as uncertain), as an error when not.
    void add(const FileResult& r);

    struct Class {
        size_t files = 0;
        double duration_s = 0;
    };
    size_t files() const { return ok_ + errors_; }
    size_t ok() const { return ok_; }
    size_t errors() const { return errors_; }
    double duration_s() const { return duration_s_; }
    const std::vector<Class>& classes() const { return classes_; }  ///< in the model's class order
    const Class& uncertain() const { return uncertain_; }           ///< below the minimum confidence
    double min_confidence() const { return min_confidence_; }

    /// {"files", "ok", "errors", "duration_s", "classes": {name: {"files", "duration_s"}}} on one line; with a
    /// minimum confidence also "min_confidence" and "uncertain": {"files", "duration_s"}.
    std::string to_json() const;
    /// Aligned text: one line per class (files, duration as h:mm:ss and seconds, share of files), then the totals.
    std::string to_table() const;
    /// CSV for a spreadsheet: `class,files,duration_s,share_of_files` (share of the classified files, 0-1), one row per
    /// class in model order, `uncertain` (with a minimum confidence), then `total` (the classified files) and
    /// `errors` (files that could not be read).
    std::string to_csv() const;

private:
    std::vector<std::string> names_;
    std::vector<Class> classes_;
    Class uncertain_;
    double min_confidence_ = 0;
    size_t ok_ = 0, errors_ = 0;
    double duration_s_ = 0;
};

}  // namespace sctx
