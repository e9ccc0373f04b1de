#pragma once
// The labelled file lists `socialctx evaluate` scores a model on: a CSV with the header `file,label`, file paths
// relative to the CSV's folder (or absolute), labels spelled as the model's class names.
#include <istream>
#include <string>
#include <vector>

namespace sctx::train {

struct LabelledFile {
    std::string file;  ///< resolved path
    int label = -1;    ///< index into the class names
    size_t line = 0;
};

/// Throws sctx::Error naming the line of a bad row (unknown label, wrong number of fields, missing header).
std::vector<LabelledFile> parse_label_list(std::istream& in, const std::string& name, const std::string& base_dir,
                                           const std::vector<std::string>& class_names);
std::vector<LabelledFile> read_label_list(const std::string& path, const std::vector<std::string>& class_names);

}  // namespace sctx::train
