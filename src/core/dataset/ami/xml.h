#pragma once
// Reading one NXT annotation file (meetings.xml, a segments file) with pugixml, and saying where in it a
// problem is. AMI writes its XML as ISO-8859-1; pugixml reads the encoding from the declaration.
// Internal to the AMI reader (pugixml is a private dependency of the core).
#include <pugixml.hpp>

#include <string>

namespace sctx::ami {

class XmlFile {
public:
    /// Reads and parses the file. Throws sctx::Error with the reason ("cannot open: No such file or
    /// directory", "line 12: Start-end tags mismatch"); the caller adds the file name.
    explicit XmlFile(const std::string& path);
    XmlFile(const XmlFile&) = delete;
    XmlFile& operator=(const XmlFile&) = delete;

    pugi::xml_node root() const { return doc_.document_element(); }
    /// 1-based line of a node, for messages about its content.
    size_t line_of(const pugi::xml_node& node) const;

private:
    size_t line_at(size_t offset) const;

    std::string text_;
    pugi::xml_document doc_;
};

/// The element's name without its namespace prefix ("nite:root" -> "root").
std::string local_name(const pugi::xml_node& node);

}  // namespace sctx::ami
