#pragma once
// corpusResources/meetings.xml: which meetings exist and who speaks in each. In the AMI NXT release each
// meeting is <meeting observation="ES2002a" ...> with one <speaker nxt_agent="A" channel="1"
// global_name="FEE005" role="PM" .../> per participant; the agent letter names the speaker's annotation files
// (segments/ES2002a.A.segments.xml).
#include <string>
#include <vector>

namespace sctx::ami {

struct AmiSpeaker {
    std::string agent;        ///< nxt_agent: "A", "B", ...
    std::string channel;      ///< headset channel ("" when absent)
    std::string global_name;  ///< participant id across meetings, e.g. "FEE005" ("" when absent)
};

struct AmiMeeting {
    std::string id;  ///< observation, e.g. "ES2002a"
    std::vector<AmiSpeaker> speakers;
};

/// All meetings in the file, sorted by id. Throws sctx::Error with the reason (the caller adds the file name):
/// unreadable or malformed XML, no meetings, a meeting without observation, a speaker without nxt_agent,
/// the same meeting or agent twice.
std::vector<AmiMeeting> read_ami_meetings(const std::string& path);

}  // namespace sctx::ami
