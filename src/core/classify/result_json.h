#pragma once
// FileResult <-> one JSON object, the shape of `socialctx classify --format json/jsonl` records:
// file, status ("ok"|"error"), error, duration_s, label, label_index, confidence, probabilities {class: p},
// class_share {class: share}, windows, size, mtime, and with segments: segments [{start_s, end_s, label,
// confidence, probabilities}]. With a minimum confidence (> 0), "uncertain": true|false on every ok record and
// segment (its label stays the best guess). A path that is not valid UTF-8 is written with U+FFFD in "file" and its exact
// bytes in "file_hex", so the JSON stays valid and --resume/merge still know the file.
#include <string>
#include <vector>

#include "classify/file_result.h"

namespace sctx {

std::string result_to_json(const FileResult& r, const std::vector<std::string>& class_names, bool with_segments,
                           double min_confidence = 0);
/// Throws sctx::Error if the text is not a record.
FileResult result_from_json(const std::string& line, const std::vector<std::string>& class_names);

bool is_valid_utf8(const std::string& s);
/// For text outputs (table, CSV, Audacity): invalid bytes become U+FFFD.
std::string printable_path(const std::string& s);

}  // namespace sctx
