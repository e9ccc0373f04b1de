#include "dataset/ami/segments.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "dataset/ami/xml.h"
#include "util/error.h"

namespace sctx::ami {

namespace {

void collect_segments(const pugi::xml_node& node, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (local_name(child) == "segment")
            out.push_back(child);
        else
            collect_segments(child, out);
    }
}

double parse_time(const XmlFile& xml, const pugi::xml_node& segment, const char* name) {
    const pugi::xml_attribute attribute = segment.attribute(name);
    const std::string where = "line " + std::to_string(xml.line_of(segment)) + ": ";
    if (!attribute) throw Error(where + "<segment> has no " + name + " attribute");
    const std::string text = attribute.value();
    // from_chars, not strtod: the times use '.' whatever the process locale (the desktop app sets one).
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0)
        throw Error(where + name + " is '" + text + "', not a time in seconds");
    return value;
}

}  // namespace

AmiSegments read_ami_segments(const std::string& path) {
    const XmlFile xml(path);
    std::vector<pugi::xml_node> nodes;
    collect_segments(xml.root(), nodes);
    AmiSegments out;
    for (const pugi::xml_node& node : nodes) {
        const Interval s{parse_time(xml, node, "transcriber_start"), parse_time(xml, node, "transcriber_end")};
        if (s.end > s.start)
            out.segments.push_back(s);
        else if (s.end == s.start)
            ++out.empty;
        else
            ++out.reversed;
    }
    return out;
}

}  // namespace sctx::ami
