#include "train/label_list.h"

#include <algorithm>
#include <fstream>

#include "util/error.h"

namespace sctx::train {

namespace {

// Two fields, either may be double-quoted (a file name can contain a comma).
bool split_two(const std::string& line, std::string& a, std::string& b) {
    std::vector<std::string> f(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                f.back() += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                f.back() += c;
        } else if (c == '"' && f.back().empty()) {
            quoted = true;
        } else if (c == ',') {
            f.emplace_back();
        } else {
            f.back() += c;
        }
    }
    if (quoted || f.size() != 2) return false;
    a = f[0];
    b = f[1];
    return true;
}

}  // namespace

std::vector<LabelledFile> parse_label_list(std::istream& in, const std::string& name, const std::string& base_dir,
                                           const std::vector<std::string>& class_names) {
    std::vector<LabelledFile> out;
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (n == 1) {
            if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
            if (line != "file,label") throw Error(name + ":1: header must be 'file,label'");
            continue;
        }
        if (line.empty()) continue;
        std::string file, label;
        if (!split_two(line, file, label)) throw Error(name + ":" + std::to_string(n) + ": expected 'file,label'");
        if (file.empty()) throw Error(name + ":" + std::to_string(n) + ": empty file name");
        auto it = std::find(class_names.begin(), class_names.end(), label);
        if (it == class_names.end())
            throw Error(name + ":" + std::to_string(n) + ": unknown label '" + label +
                        "' (not one of the model's classes)");
        LabelledFile lf;
        lf.file = file[0] == '/' || base_dir.empty() ? file : base_dir + "/" + file;
        lf.label = int(it - class_names.begin());
        lf.line = n;
        out.push_back(std::move(lf));
    }
    if (n == 0) throw Error(name + ": empty list (no header)");
    return out;
}

std::vector<LabelledFile> read_label_list(const std::string& path, const std::vector<std::string>& class_names) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot open " + path);
    const auto slash = path.find_last_of('/');
    const std::string base = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
    return parse_label_list(in, path, base, class_names);
}

}  // namespace sctx::train
