#include "dataset/manifest.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "util/csv.h"
#include "util/error.h"

namespace sctx::dataset {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBaseColumns = 10, kFrameColumns = 3;

bool parse_number(const std::string& s, double& v) {
    if (s.empty()) return false;
    try {
        size_t used = 0;
        v = std::stod(s, &used);
        return used == s.size() && std::isfinite(v);
    } catch (...) {
        return false;
    }
}

std::string resolve(const std::string& base_dir, const std::string& p) {
    if (p.empty() || p[0] == '/' || base_dir.empty()) return p;
    return base_dir + "/" + p;
}

uint64_t fnv1a(const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::string join_talkers(const std::vector<std::string>& talkers) {
    std::string out;
    for (const auto& t : talkers) out += (out.empty() ? "" : "|") + t;
    return out;
}

std::vector<std::string> split_talkers(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty()) return out;
    size_t start = 0;
    for (;;) {
        const size_t bar = text.find('|', start);
        out.push_back(text.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (bar == std::string::npos) return out;
        start = bar + 1;
    }
}

// The frame columns of one row: all empty, or consistent (same length, digits, owners that name a talker).
std::string frame_problem(const ManifestRow& r) {
    if (r.frame_voices.empty() && r.frame_owner.empty() && r.talkers.empty()) return {};
    if (r.frame_voices.empty() || r.frame_voices.size() != r.frame_owner.size())
        return "frame_voices and frame_owner must have one character per frame each";
    for (const auto& t : r.talkers)
        if (t.empty()) return "empty speaker id in talkers";
    for (size_t i = 0; i < r.frame_voices.size(); ++i) {
        const char v = r.frame_voices[i], o = r.frame_owner[i];
        if (v < '0' || v > '9') return "frame_voices must be digits";
        if (o == '-') continue;
        if (o < '0' || o > '9' || size_t(o - '0') >= r.talkers.size())
            return std::string("frame_owner '") + o +
                   "' is not a talker index (talkers: " + std::to_string(r.talkers.size()) + ")";
        if (v != '1') return "a frame with an owner must have exactly one voice";
    }
    return {};
}

}  // namespace

const char* to_string(Split s) {
    switch (s) {
        case Split::Train: return "train";
        case Split::Val: return "val";
        case Split::Test: return "test";
        case Split::None: break;
    }
    return "";
}

bool parse_split(const std::string& text, Split& out) {
    if (text == "train")
        out = Split::Train;
    else if (text == "val")
        out = Split::Val;
    else if (text == "test")
        out = Split::Test;
    else if (text.empty())
        out = Split::None;
    else
        return false;
    return true;
}

const std::string& manifest_header() {
    static const std::string header = "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db";
    return header;
}

const std::string& manifest_header_with_frames() {
    static const std::string header = manifest_header() + ",talkers,frame_voices,frame_owner";
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

std::string manifest_line(const ManifestRow& row, bool with_frames) {
    const bool noisy = !row.noise.empty();
    std::string line = csv::field(row.source) + ',' + format_seconds(row.offset) + ',' + format_seconds(row.duration) +
                       ',' + csv::field(row.label) + ',' + csv::field(row.meeting) + ',' + csv::field(row.stream) +
                       ',' + to_string(row.split) + ',' + csv::field(row.noise) + ',' +
                       (noisy ? format_seconds(row.noise_offset) : "") + ',' +
                       (noisy ? format_seconds(row.snr_db) : "");
    if (with_frames)
        line += ',' + csv::field(join_talkers(row.talkers)) + ',' + row.frame_voices + ',' + row.frame_owner;
    return line;
}

std::string manifest_csv(const std::vector<ManifestRow>& rows) {
    const bool frames = std::any_of(rows.begin(), rows.end(), [](const ManifestRow& r) { return r.has_frames(); });
    std::string out = (frames ? manifest_header_with_frames() : manifest_header()) + "\n";
    for (const ManifestRow& row : rows) out += manifest_line(row, frames) + "\n";
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

std::vector<ManifestRow> parse_manifest(std::istream& in, const std::string& name, const std::string& base_dir,
                                        const std::vector<std::string>& class_names) {
    std::vector<ManifestRow> rows;
    std::string line;
    size_t line_no = 0, columns = kBaseColumns;
    auto fail = [&](const std::string& why) { throw Error(name + ":" + std::to_string(line_no) + ": " + why); };
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_no == 1) {
            if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
            if (line == manifest_header_with_frames())
                columns = kBaseColumns + kFrameColumns;
            else if (line != manifest_header())
                fail("header must be exactly '" + manifest_header() + "'");
            continue;
        }
        if (line.empty()) continue;
        std::vector<std::string> f;
        if (!csv::split_line(line, f)) fail("unterminated quoted field");
        if (f.size() != columns)
            fail("expected " + std::to_string(columns) + " fields, found " + std::to_string(f.size()));
        ManifestRow r;
        r.line = line_no;
        r.manifest = name;
        if (f[0].empty()) fail("empty source");
        r.source = resolve(base_dir, f[0]);
        if (!parse_number(f[1], r.offset) || r.offset < 0)
            fail("offset '" + f[1] + "' is not a number of seconds >= 0");
        if (!parse_number(f[2], r.duration) || r.duration <= 0)
            fail("duration '" + f[2] + "' is not a number of seconds > 0");
        auto it = std::find(class_names.begin(), class_names.end(), f[3]);
        if (it == class_names.end()) fail("unknown label '" + f[3] + "'");
        r.label = f[3];
        r.label_index = int(it - class_names.begin());
        r.meeting = f[4];
        r.stream = f[5];
        if (!parse_split(f[6], r.split)) fail("split '" + f[6] + "' is not train, val or test");
        const bool any_noise = !f[7].empty() || !f[8].empty() || !f[9].empty();
        if (any_noise) {
            if (f[7].empty() || f[9].empty()) fail("noise and snr_db must be given together");
            r.noise = resolve(base_dir, f[7]);
            if (!f[8].empty() && (!parse_number(f[8], r.noise_offset) || r.noise_offset < 0))
                fail("noise_offset '" + f[8] + "' is not a number of seconds >= 0");
            if (!parse_number(f[9], r.snr_db)) fail("snr_db '" + f[9] + "' is not a number");
        }
        if (columns > kBaseColumns) {
            r.talkers = split_talkers(f[10]);
            r.frame_voices = f[11];
            r.frame_owner = f[12];
            const std::string problem = frame_problem(r);
            if (!problem.empty()) fail(problem);
        }
        rows.push_back(std::move(r));
    }
    if (line_no == 0) throw Error(name + ": empty manifest (no header)");
    return rows;
}

std::vector<ManifestRow> read_manifest(const std::string& path, const std::vector<std::string>& class_names) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open manifest " + path);
    const auto slash = path.find_last_of('/');
    const std::string base = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
    return parse_manifest(in, path, base, class_names);
}

bool carve_missing_splits(std::vector<ManifestRow>& rows) {
    bool has_val = false, has_test = false;
    for (const auto& r : rows) {
        has_val |= r.split == Split::Val;
        has_test |= r.split == Split::Test;
    }
    if (has_val || has_test) {
        for (auto& r : rows)
            if (r.split == Split::None) r.split = Split::Train;
        return false;
    }
    // Meetings in a fixed pseudo-random order (by hash), then 10% / 10% / 80%: at least one meeting each for
    // val and test when there are three or more.
    std::map<std::string, uint64_t> meetings;
    for (const auto& r : rows) meetings.emplace(r.meeting.empty() ? r.source : r.meeting, 0);
    std::vector<std::pair<uint64_t, std::string>> order;
    for (auto& [m, h] : meetings) order.emplace_back(fnv1a(m), m);
    std::sort(order.begin(), order.end());
    const size_t n = order.size();
    size_t n_val = n >= 3 ? std::max<size_t>(1, n / 10) : 0;
    size_t n_test = n >= 3 ? std::max<size_t>(1, n / 10) : 0;
    std::map<std::string, Split> assign;
    for (size_t i = 0; i < n; ++i)
        assign[order[i].second] = i < n_val ? Split::Val : i < n_val + n_test ? Split::Test : Split::Train;
    for (auto& r : rows) r.split = assign[r.meeting.empty() ? r.source : r.meeting];
    return n_val + n_test > 0;
}

}  // namespace sctx::dataset
