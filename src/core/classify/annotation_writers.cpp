#include "classify/annotation_writers.h"

#include <cstdio>

#include "classify/class_label.h"
#include "classify/result_json.h"
#include "util/csv.h"

namespace sctx {

namespace {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// A tab or line break inside a field would start a new column or row: Raven has no quoting.
std::string tsv_field(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s;
}

/// The windows of a result; a result without windows (a model that gives only a file label) is one window.
std::vector<Segment> windows_of(const FileResult& r) {
    if (!r.segments.empty()) return r.segments;
    Segment whole;
    whole.start_s = 0;
    whole.end_s = r.duration_s;
    whole.label_index = r.label_index;
    whole.confidence = r.confidence;
    return {whole};
}

/// "a.wav: " when several files share one label track or layer, so each label says whose it is.
std::string file_prefix(const FileResult& r, bool multiple_files) {
    if (!multiple_files) return {};
    const std::string name = printable_path(r.file);
    return name.substr(name.find_last_of('/') + 1) + ": ";
}

// One line per window of each classified file, as the line format says: the Audacity and Sonic Visualiser
// writers differ only in that.
class WindowLinesWriter final : public ResultWriter {
public:
    using Line = std::string (*)(const Segment& window, const std::string& label);
    WindowLinesWriter(OutputFile& out, const WriterOptions& o, Line line) : out_(out), o_(o), line_(line) {}
    void write(const FileResult& r) override {
        if (!r.ok) return;
        const std::string prefix = file_prefix(r, o_.multiple_files);
        std::string text;
        for (const auto& s : windows_of(r))
            text += line_(s, prefix + shown_label(s.label_index, s.confidence, o_.class_names, o_.min_confidence));
        out_.write(text);
        out_.flush();
    }
    void finish() override { out_.commit(); }

private:
    OutputFile& out_;
    WriterOptions o_;
    Line line_;
};

std::string audacity_line(const Segment& s, const std::string& label) {
    return fmt("%.6f", s.start_s) + "\t" + fmt("%.6f", s.end_s) + "\t" + label + "\n";
}

std::string sonic_visualiser_line(const Segment& s, const std::string& label) {
    return fmt("%.6f", s.start_s) + "," + fmt("%.6f", s.end_s - s.start_s) + "," + csv::field(label) + "\n";
}

class RavenWriter final : public ResultWriter {
public:
    RavenWriter(OutputFile& out, const WriterOptions& o) : out_(out), o_(o) {
        out_.write(
            "Selection\tView\tChannel\tBegin Time (s)\tEnd Time (s)\tLow Freq (Hz)\tHigh Freq (Hz)\tLabel\t"
            "Confidence\tBegin Path\tFile Offset (s)\n");
    }
    void write(const FileResult& r) override {
        if (!r.ok) return;
        const std::string path = tsv_field(printable_path(r.file));
        const std::string band = fmt("%.1f", 0.0) + "\t" + fmt("%.1f", o_.high_freq_hz);
        std::string text;
        for (const auto& s : windows_of(r)) {
            // Raven's own tables number selections from 1 and name the view the selection was made in.
            text += std::to_string(++selection_) + "\tSpectrogram 1\t1\t" + fmt("%.6f", s.start_s) + "\t" +
                    fmt("%.6f", s.end_s) + "\t" + band + "\t" +
                    tsv_field(shown_label(s.label_index, s.confidence, o_.class_names, o_.min_confidence)) + "\t" +
                    fmt("%.6f", s.confidence) + "\t" + path + "\t" + fmt("%.6f", s.start_s) + "\n";
        }
        out_.write(text);
        out_.flush();
    }
    void finish() override { out_.commit(); }

private:
    OutputFile& out_;
    WriterOptions o_;
    long selection_ = 0;
};

}  // namespace

std::unique_ptr<ResultWriter> make_audacity_writer(OutputFile& out, const WriterOptions& options) {
    return std::make_unique<WindowLinesWriter>(out, options, audacity_line);
}

std::unique_ptr<ResultWriter> make_raven_writer(OutputFile& out, const WriterOptions& options) {
    return std::make_unique<RavenWriter>(out, options);
}

std::unique_ptr<ResultWriter> make_sonic_visualiser_writer(OutputFile& out, const WriterOptions& options) {
    return std::make_unique<WindowLinesWriter>(out, options, sonic_visualiser_line);
}

}  // namespace sctx
