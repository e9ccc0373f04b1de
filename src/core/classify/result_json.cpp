#include "classify/result_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <type_traits>

#include "classify/class_label.h"
#include "util/error.h"

namespace sctx {

using ojson = nlohmann::ordered_json;

bool is_valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
        i += len;
    }
    return true;
}

std::string printable_path(const std::string& s) {
    if (is_valid_utf8(s)) return s;
    // Let the JSON library do the replacement: it follows the Unicode rules for bad sequences.
    std::string quoted = ojson(s).dump(-1, ' ', false, ojson::error_handler_t::replace);
    return ojson::parse(quoted).get<std::string>();
}

namespace {

std::string hex(const std::string& s) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

// "file_hex" as written by hex(): an even number of hex digits. Anything else (a journal edited by hand) is an
// Error, never an exception that would end the program (found by fuzz/fuzz_resume.cpp).
std::string unhex(const std::string& h) {
    auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (h.size() % 2) throw Error("file_hex has an odd number of digits");
    std::string out;
    for (size_t i = 0; i < h.size(); i += 2) {
        const int hi = digit(h[i]), lo = digit(h[i + 1]);
        if (hi < 0 || lo < 0) throw Error("file_hex is not hexadecimal");
        out.push_back(char(hi * 16 + lo));
    }
    return out;
}

ojson per_class(const std::vector<float>& values, const std::vector<std::string>& names) {
    ojson o = ojson::object();
    for (size_t i = 0; i < names.size() && i < values.size(); ++i) o[names[i]] = values[i];
    return o;
}

// A number from a record someone else (or a crash) wrote, as T: it must be a finite JSON number within T's range.
// nlohmann's own conversion casts, and casting 1e40 to an integer or a float is undefined behaviour (found by
// fuzz_resume; tests/data/fuzz-regressions/resume).
template <typename T>
T number_as(const nlohmann::json& v, const std::string& what) {
    if (!v.is_number()) throw Error("malformed record: " + what + " is not a number");
    if (v.is_number_integer() && std::is_integral<T>::value) {
        if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
            throw Error("malformed record: " + what + " is out of range");
        const int64_t i = v.get<int64_t>();
        if (i < int64_t(std::numeric_limits<T>::min()) || i > int64_t(std::numeric_limits<T>::max()))
            throw Error("malformed record: " + what + " is out of range");
        return T(i);
    }
    const double d = v.get<double>();
    // Exclusive bounds one past the type's extremes (as doubles), so the cast below is always defined.
    const double lo = std::is_integral<T>::value ? double(std::numeric_limits<T>::min()) - 1.0
                                                 : -double(std::numeric_limits<T>::max());
    const double hi = std::is_integral<T>::value ? double(std::numeric_limits<T>::max()) + 1.0
                                                 : double(std::numeric_limits<T>::max());
    const bool inside = std::is_integral<T>::value ? (d > lo && d < hi) : (d >= lo && d <= hi);
    if (!std::isfinite(d) || !inside) throw Error("malformed record: " + what + " is out of range");
    return T(d);
}

template <typename T>
T field(const nlohmann::json& o, const char* key, T fallback) {
    const auto it = o.find(key);
    return it == o.end() ? fallback : number_as<T>(*it, key);
}

std::vector<float> from_per_class(const nlohmann::json& o, const std::vector<std::string>& names) {
    std::vector<float> v;
    if (!o.is_object()) return v;
    for (const auto& n : names) v.push_back(o.contains(n) ? number_as<float>(o.at(n), n) : 0.f);
    return v;
}

}  // namespace

std::string result_to_json(const FileResult& r, const std::vector<std::string>& names, bool with_segments,
                           double min_confidence) {
    ojson j;
    j["file"] = printable_path(r.file);
    if (!is_valid_utf8(r.file)) j["file_hex"] = hex(r.file);
    j["status"] = r.ok ? "ok" : "error";
    if (!r.ok) j["error"] = printable_path(r.error);
    if (r.ok) {
        j["duration_s"] = r.duration_s;
        j["label"] = class_label(r.label_index, names);
        j["label_index"] = r.label_index;
        j["confidence"] = r.confidence;
        if (min_confidence > 0) j["uncertain"] = is_uncertain(r.confidence, min_confidence);
        j["probabilities"] = per_class(r.probabilities, names);
        j["class_share"] = per_class(r.class_share, names);
        j["windows"] = r.windows;
    }
    j["size"] = r.size;
    char mtime[40];
    std::snprintf(mtime, sizeof mtime, "%.6f", r.mtime);
    j["mtime"] = std::stod(mtime);
    if (with_segments && r.ok) {
        ojson segs = ojson::array();
        for (const auto& s : r.segments) {
            ojson o;
            o["start_s"] = s.start_s;
            o["end_s"] = s.end_s;
            o["label"] = class_label(s.label_index, names);
            o["confidence"] = s.confidence;
            if (min_confidence > 0) o["uncertain"] = is_uncertain(s.confidence, min_confidence);
            o["probabilities"] = per_class(s.probabilities, names);
            segs.push_back(std::move(o));
        }
        j["segments"] = std::move(segs);
    }
    return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

FileResult result_from_json(const std::string& line, const std::vector<std::string>& names) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
        throw Error(std::string("not a JSON record: ") + e.what());
    }
    if (!j.is_object() || !j.contains("file") || !j.contains("status")) throw Error("not a socialctx record");
    FileResult r;
    try {
        r.file = j.contains("file_hex") ? unhex(j.at("file_hex").get<std::string>()) : j.at("file").get<std::string>();
        r.ok = j.at("status").get<std::string>() == "ok";
        r.error = j.value("error", std::string());
        r.duration_s = field(j, "duration_s", 0.0);
        r.label_index = field(j, "label_index", -1);
        r.confidence = field(j, "confidence", 0.f);
        if (j.contains("probabilities")) r.probabilities = from_per_class(j.at("probabilities"), names);
        if (j.contains("class_share")) r.class_share = from_per_class(j.at("class_share"), names);
        r.windows = field(j, "windows", 0);
        r.size = field(j, "size", int64_t(-1));
        r.mtime = field(j, "mtime", 0.0);
        if (j.contains("segments")) {
            for (const auto& o : j.at("segments")) {
                Segment s;
                s.start_s = field(o, "start_s", 0.0);
                s.end_s = field(o, "end_s", 0.0);
                const std::string label = o.value("label", std::string());
                for (size_t i = 0; i < names.size(); ++i)
                    if (names[i] == label) s.label_index = int(i);
                s.confidence = field(o, "confidence", 0.f);
                if (o.contains("probabilities")) s.probabilities = from_per_class(o.at("probabilities"), names);
                r.segments.push_back(std::move(s));
            }
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("malformed record: ") + e.what());
    }
    return r;
}

}  // namespace sctx
