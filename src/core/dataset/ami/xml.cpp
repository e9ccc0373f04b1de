#include "dataset/ami/xml.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace sctx::ami {

XmlFile::XmlFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw Error("cannot read the file");
    text_ = buffer.str();
    const pugi::xml_parse_result result = doc_.load_buffer(text_.data(), text_.size());
    if (!result) {
        const size_t offset = result.offset > 0 ? size_t(result.offset) : 0;
        throw Error("not well-formed XML: line " + std::to_string(line_at(offset)) + ": " + result.description());
    }
}

size_t XmlFile::line_of(const pugi::xml_node& node) const {
    const ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : line_at(size_t(offset));
}

size_t XmlFile::line_at(size_t offset) const {
    offset = std::min(offset, text_.size());
    return size_t(std::count(text_.begin(), text_.begin() + ptrdiff_t(offset), '\n')) + 1;
}

std::string local_name(const pugi::xml_node& node) {
    const std::string name = node.name();
    const auto colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

}  // namespace sctx::ami
