#include "dataset/ami/meetings.h"

#include <algorithm>
#include <set>

#include "dataset/ami/xml.h"
#include "util/error.h"

namespace sctx::ami {

namespace {

// Every element with the given local name, at any depth: the NXT root is <nite:root>, but a hand-made or
// re-exported file may wrap meetings differently, and nothing else in meetings.xml is called "meeting".
void collect(const pugi::xml_node& node, const std::string& name, std::vector<pugi::xml_node>& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (local_name(child) == name)
            out.push_back(child);
        else
            collect(child, name, out);
    }
}

}  // namespace

std::vector<AmiMeeting> read_ami_meetings(const std::string& path) {
    const XmlFile xml(path);
    std::vector<pugi::xml_node> nodes;
    if (local_name(xml.root()) == "meeting")
        nodes.push_back(xml.root());
    else
        collect(xml.root(), "meeting", nodes);
    if (nodes.empty()) throw Error("no <meeting> elements: is this the AMI corpusResources/meetings.xml?");

    std::vector<AmiMeeting> meetings;
    std::set<std::string> ids;
    for (const pugi::xml_node& node : nodes) {
        const std::string where = "line " + std::to_string(xml.line_of(node)) + ": ";
        AmiMeeting meeting;
        meeting.id = node.attribute("observation").value();
        if (meeting.id.empty()) throw Error(where + "<meeting> has no observation attribute");
        if (!ids.insert(meeting.id).second) throw Error(where + "meeting " + meeting.id + " is listed twice");
        std::set<std::string> agents;
        for (pugi::xml_node s : node.children()) {
            if (s.type() != pugi::node_element || local_name(s) != "speaker") continue;
            AmiSpeaker speaker{s.attribute("nxt_agent").value(), s.attribute("channel").value(),
                               s.attribute("global_name").value()};
            const std::string at = "line " + std::to_string(xml.line_of(s)) + ": ";
            if (speaker.agent.empty()) throw Error(at + "a speaker of " + meeting.id + " has no nxt_agent attribute");
            if (!agents.insert(speaker.agent).second)
                throw Error(at + "agent " + speaker.agent + " appears twice in meeting " + meeting.id);
            meeting.speakers.push_back(std::move(speaker));
        }
        meetings.push_back(std::move(meeting));
    }
    std::sort(meetings.begin(), meetings.end(), [](const AmiMeeting& a, const AmiMeeting& b) { return a.id < b.id; });
    return meetings;
}

}  // namespace sctx::ami
