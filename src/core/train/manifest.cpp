#include "train/manifest.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>

#include "util/error.h"

namespace sctx::train {

namespace {

const char* const kHeader = "source,offset,duration,label,meeting,stream,split,noise,noise_offset,snr_db";

// RFC 4180 fields: commas and quotes inside double quotes (file names may contain commas).
std::vector<std::string> split_csv(const std::string& line, bool& ok) {
    std::vector<std::string> out(1);
    bool quoted = false;
    ok = true;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                out.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                out.back() += c;
        } else if (c == '"' && out.back().empty()) {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    if (quoted) ok = false;
    return out;
}

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

std::vector<ManifestRow> parse_manifest(std::istream& in, const std::string& name, const std::string& base_dir,
                                        const std::vector<std::string>& class_names) {
    std::vector<ManifestRow> rows;
    std::string line;
    size_t line_no = 0;
    auto fail = [&](const std::string& why) { throw Error(name + ":" + std::to_string(line_no) + ": " + why); };
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line_no == 1) {
            if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
            if (line != kHeader) fail(std::string("header must be exactly '") + kHeader + "'");
            continue;
        }
        if (line.empty()) continue;
        bool ok = true;
        std::vector<std::string> f = split_csv(line, ok);
        if (!ok) fail("unterminated quoted field");
        if (f.size() != 10) fail("expected 10 fields, found " + std::to_string(f.size()));
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
        r.label = int(it - class_names.begin());
        r.meeting = f[4];
        r.stream = f[5];
        if (f[6] == "train")
            r.split = Split::Train;
        else if (f[6] == "val")
            r.split = Split::Val;
        else if (f[6] == "test")
            r.split = Split::Test;
        else if (f[6].empty())
            r.split = Split::None;
        else
            fail("split '" + f[6] + "' is not train, val or test");
        const bool any_noise = !f[7].empty() || !f[8].empty() || !f[9].empty();
        if (any_noise) {
            if (f[7].empty() || f[9].empty()) fail("noise and snr_db must be given together");
            r.noise = resolve(base_dir, f[7]);
            if (!f[8].empty() && (!parse_number(f[8], r.noise_offset) || r.noise_offset < 0))
                fail("noise_offset '" + f[8] + "' is not a number of seconds >= 0");
            if (!parse_number(f[9], r.snr_db)) fail("snr_db '" + f[9] + "' is not a number");
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

}  // namespace sctx::train
