#pragma once
// RFC 4180 CSV fields: what the manifests, the talker corpus and the result writers share. Commas, quotes and line
// breaks inside a field are quoted; file names may contain any of them.
#include <string>
#include <vector>

namespace sctx::csv {

/// The field as written: quoted (with inner quotes doubled) only when it needs to be.
std::string field(const std::string& text);

/// Splits one line into fields. Returns false for an unterminated quoted field (the fields so far are kept).
bool split_line(const std::string& line, std::vector<std::string>& fields);

}  // namespace sctx::csv
