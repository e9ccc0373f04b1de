#include "classify/result_writer.h"

#include <cstdio>
#include <sstream>

#include "classify/annotation_writers.h"
#include "classify/class_label.h"
#include "classify/result_json.h"
#include "util/csv.h"
#include "util/error.h"

namespace sctx {

OutputFormat parse_output_format(const std::string& name) {
    if (name == "table") return OutputFormat::Table;
    if (name == "csv") return OutputFormat::Csv;
    if (name == "json") return OutputFormat::Json;
    if (name == "jsonl") return OutputFormat::Jsonl;
    if (name == "audacity") return OutputFormat::Audacity;
    if (name == "raven") return OutputFormat::Raven;
    if (name == "sv") return OutputFormat::SonicVisualiser;
    throw Error("unknown format '" + name + "' (table, csv, json, jsonl, audacity, raven, sv)");
}

const char* to_string(OutputFormat f) {
    switch (f) {
        case OutputFormat::Table: return "table";
        case OutputFormat::Csv: return "csv";
        case OutputFormat::Json: return "json";
        case OutputFormat::Jsonl: return "jsonl";
        case OutputFormat::Audacity: return "audacity";
        case OutputFormat::Raven: return "raven";
        case OutputFormat::SonicVisualiser: return "sv";
    }
    return "?";
}

namespace {

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

class TableWriter final : public ResultWriter {
public:
    TableWriter(OutputFile& out, const WriterOptions& o) : out_(out), o_(o) {
        out_.write(pad("label", label_width()) + "  conf   duration  file\n");
    }
    void write(const FileResult& r) override {
        std::string line;
        if (r.ok)
            line = pad(shown_label(r.label_index, r.confidence, o_.class_names, o_.min_confidence), label_width()) +
                   "  " + fmt("%4.2f", r.confidence) + "  " + pad(fmt("%8.2fs", r.duration_s), 9) + "  " +
                   printable_path(r.file) + "\n";
        else
            line = pad("ERROR", label_width()) + "     -          -  " + printable_path(r.file) + ": " + r.error + "\n";
        if (o_.segments && r.ok)
            for (const auto& s : r.segments)
                line += "    " + fmt("%8.2f", s.start_s) + " - " + fmt("%8.2f", s.end_s) + "  " +
                        shown_label(s.label_index, s.confidence, o_.class_names, o_.min_confidence) + " (" +
                        fmt("%.2f", s.confidence) + ")\n";
        out_.write(line);
        out_.flush();
    }
    void finish() override { out_.commit(); }

private:
    // "uncertain (One-on-One Conversation)" needs more room than a class name.
    size_t label_width() const { return o_.min_confidence > 0 ? 36 : 24; }
    static std::string pad(const std::string& s, size_t w) {
        return s.size() >= w ? s : s + std::string(w - s.size(), ' ');
    }
    OutputFile& out_;
    WriterOptions o_;
};

class CsvWriter final : public ResultWriter {
public:
    CsvWriter(OutputFile& out, const WriterOptions& o) : out_(out), o_(o) {
        std::string h = o_.segments ? "file,start_s,end_s,label,confidence"
                                    : "file,status,error,duration_s,label,label_index,confidence";
        for (const auto& n : o_.class_names) h += "," + csv::field(n);
        if (!o_.segments) h += ",size,mtime";
        if (o_.min_confidence > 0) h += ",uncertain";
        out_.write(h + "\n");
    }
    void write(const FileResult& r) override {
        const std::string file = csv::field(printable_path(r.file));
        std::string text;
        if (o_.segments) {
            for (const auto& s : r.segments) {
                text += file + "," + fmt("%.3f", s.start_s) + "," + fmt("%.3f", s.end_s) + "," +
                        csv::field(class_label(s.label_index, o_.class_names)) + "," + fmt("%.6f", s.confidence);
                for (float p : s.probabilities) text += "," + fmt("%.6f", p);
                if (o_.min_confidence > 0) text += is_uncertain(s.confidence, o_.min_confidence) ? ",1" : ",0";
                text += "\n";
            }
        } else {
            text = file + "," + (r.ok ? "ok" : "error") + "," + csv::field(r.error) + ",";
            if (r.ok) {
                text += fmt("%.3f", r.duration_s) + "," + csv::field(class_label(r.label_index, o_.class_names)) + "," +
                        std::to_string(r.label_index) + "," + fmt("%.6f", r.confidence);
                for (float p : r.probabilities) text += "," + fmt("%.6f", p);
            } else {
                text += ",,,";
                for (size_t i = 0; i < o_.class_names.size(); ++i) text += ",";
            }
            text += "," + std::to_string(r.size) + "," + fmt("%.6f", r.mtime);
            if (o_.min_confidence > 0)
                text += !r.ok ? "," : is_uncertain(r.confidence, o_.min_confidence) ? ",1" : ",0";
            text += "\n";
        }
        out_.write(text);
        out_.flush();
    }
    void finish() override { out_.commit(); }

private:
    OutputFile& out_;
    WriterOptions o_;
};

class JsonWriter final : public ResultWriter {
public:
    JsonWriter(OutputFile& out, const WriterOptions& o, bool lines) : out_(out), o_(o), lines_(lines) {
        if (!lines_) out_.write("[");
    }
    void write(const FileResult& r) override {
        std::string rec = result_to_json(r, o_.class_names, o_.segments, o_.min_confidence);
        if (lines_) {
            out_.write(rec + "\n");
            out_.flush();
        } else {
            out_.write((first_ ? "\n  " : ",\n  ") + rec);
        }
        first_ = false;
    }
    void finish() override {
        if (!lines_) out_.write(first_ ? "]\n" : "\n]\n");
        out_.commit();
    }

private:
    OutputFile& out_;
    WriterOptions o_;
    bool lines_;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<ResultWriter> make_writer(OutputFormat format, OutputFile& out, const WriterOptions& options) {
    switch (format) {
        case OutputFormat::Table: return std::make_unique<TableWriter>(out, options);
        case OutputFormat::Csv: return std::make_unique<CsvWriter>(out, options);
        case OutputFormat::Json: return std::make_unique<JsonWriter>(out, options, false);
        case OutputFormat::Jsonl: return std::make_unique<JsonWriter>(out, options, true);
        case OutputFormat::Audacity: return make_audacity_writer(out, options);
        case OutputFormat::Raven: return make_raven_writer(out, options);
        case OutputFormat::SonicVisualiser: return make_sonic_visualiser_writer(out, options);
    }
    throw Error("unknown format");
}

}  // namespace sctx
