#pragma once
// The output formats of `socialctx classify` (and of merge and the app's export): each record is written as
// soon as its file is done.
#include <memory>
#include <string>
#include <vector>

#include "classify/file_result.h"
#include "classify/output_file.h"

namespace sctx {

enum class OutputFormat { Table, Csv, Json, Jsonl, Audacity, Raven, SonicVisualiser };
OutputFormat parse_output_format(const std::string& name);  ///< throws sctx::Error
const char* to_string(OutputFormat f);

struct WriterOptions {
    std::vector<std::string> class_names;
    bool segments = false;       ///< per-window results too
    bool multiple_files = true;  ///< Audacity, Sonic Visualiser: labels start with the file name when several
    double high_freq_hz = 8000;  ///< Raven: the top of each selection's band (the model's fmax, or half its rate)
    /// Results below it are "uncertain" (class_label.h): labels people read say "uncertain (best guess)", CSV gets
    /// an `uncertain` column (0/1) and JSON an "uncertain" field; 0 turns it off and leaves every format as before.
    double min_confidence = 0;
};

class ResultWriter {
public:
    virtual ~ResultWriter() = default;
    virtual void write(const FileResult& r) = 0;
    /// Closes the document (e.g. the JSON array) and commits the file.
    virtual void finish() = 0;
};

std::unique_ptr<ResultWriter> make_writer(OutputFormat format, OutputFile& out, const WriterOptions& options);

}  // namespace sctx
