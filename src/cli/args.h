#pragma once
// A small command-line parser for the subcommands. Not QCommandLineParser: file names on Linux are bytes, and a
// path that is not valid UTF-8 must reach the core unchanged (Qt decodes argv to QString and would replace them).
#include <map>
#include <string>
#include <vector>

namespace sctx::cli {

class ArgParser {
public:
    ArgParser(std::string command, std::string synopsis, std::string description);

    void flag(const std::string& name, char short_name, const std::string& help);
    void option(const std::string& name, char short_name, const std::string& value_name, const std::string& help,
                const std::string& default_value = {});
    void positional(const std::string& name, const std::string& help);

    /// Parses argv[first..]. Returns false with error set on a usage error. --help sets help_requested().
    bool parse(int argc, char** argv, int first, std::string& error);
    bool help_requested() const { return help_; }
    std::string help_text() const;

    bool has(const std::string& name) const;
    std::string value(const std::string& name) const;  ///< the given value, else the default
    /// Every value given for a repeatable option, in order (empty if none).
    std::vector<std::string> values(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

private:
    struct Spec {
        std::string name;
        char short_name;
        std::string value_name;  // empty: a flag
        std::string help;
        std::string default_value;
    };
    const Spec* find(const std::string& name) const;
    const Spec* find_short(char c) const;

    std::string command_, synopsis_, description_;
    std::vector<Spec> specs_;
    std::vector<std::pair<std::string, std::string>> positional_help_;
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> all_values_;
    std::vector<std::string> positionals_;
    bool help_ = false;
};

}  // namespace sctx::cli
