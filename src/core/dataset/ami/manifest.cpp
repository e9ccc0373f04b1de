#include "dataset/ami/manifest.h"

#include <cstdio>
#include <filesystem>

namespace sctx::ami {

namespace fs = std::filesystem;

namespace {

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

const std::string& manifest_header() {
    static const std::string header = "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db";
    return header;
}

std::string format_seconds(double seconds) {
    char text[64];
    std::snprintf(text, sizeof text, "%.6f", seconds);
    std::string out = text;
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
}

std::string manifest_line(const ManifestRow& row) {
    const bool noisy = !row.noise.empty();
    return csv_field(row.source) + ',' + format_seconds(row.offset) + ',' + format_seconds(row.duration) + ',' +
           csv_field(row.label) + ',' + csv_field(row.meeting) + ',' + csv_field(row.stream) + ',' +
           csv_field(row.split) + ',' + csv_field(row.noise) + ',' + (noisy ? format_seconds(row.noise_offset) : "") +
           ',' + (noisy ? format_seconds(row.snr_db) : "");
}

std::string manifest_csv(const std::vector<ManifestRow>& rows) {
    std::string out = manifest_header() + "\n";
    for (const ManifestRow& row : rows) out += manifest_line(row) + "\n";
    return out;
}

std::string manifest_path(const std::string& file, const std::string& manifest_dir) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(file, ec).lexically_normal();
    if (ec) return file;
    if (manifest_dir.empty()) return absolute.string();
    fs::path dir = fs::absolute(manifest_dir, ec).lexically_normal();
    if (ec) return absolute.string();
    if (!dir.has_filename() && dir.has_relative_path()) dir = dir.parent_path();  // "out/" is "out"
    const fs::path relative = absolute.lexically_relative(dir);
    if (relative.empty() || *relative.begin() == "..") return absolute.string();
    return relative.string();
}

}  // namespace sctx::ami
