#include "args.h"

#include <sstream>

namespace sctx::cli {

ArgParser::ArgParser(std::string command, std::string synopsis, std::string description)
    : command_(std::move(command)), synopsis_(std::move(synopsis)), description_(std::move(description)) {}

void ArgParser::flag(const std::string& name, char s, const std::string& help) {
    specs_.push_back({name, s, "", help, ""});
}

void ArgParser::option(const std::string& name, char s, const std::string& value_name, const std::string& help,
                       const std::string& default_value) {
    specs_.push_back({name, s, value_name, help, default_value});
}

void ArgParser::positional(const std::string& name, const std::string& help) {
    positional_help_.emplace_back(name, help);
}

const ArgParser::Spec* ArgParser::find(const std::string& name) const {
    for (const auto& s : specs_)
        if (s.name == name) return &s;
    return nullptr;
}

const ArgParser::Spec* ArgParser::find_short(char c) const {
    for (const auto& s : specs_)
        if (c && s.short_name == c) return &s;
    return nullptr;
}

bool ArgParser::parse(int argc, char** argv, int first, std::string& error) {
    bool only_positionals = false;
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (only_positionals || arg.size() < 2 || arg[0] != '-') {
            positionals_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            only_positionals = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            help_ = true;
            continue;
        }
        const Spec* spec = nullptr;
        std::string inline_value;
        bool has_inline = false;
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
                has_inline = true;
            }
            spec = find(name);
            if (!spec) {
                error = "unknown option --" + name;
                return false;
            }
        } else {
            spec = find_short(arg[1]);
            if (!spec) {
                error = "unknown option " + arg;
                return false;
            }
            if (arg.size() > 2) {
                inline_value = arg.substr(2);
                has_inline = true;
            }
        }
        if (spec->value_name.empty()) {
            if (has_inline) {
                error = "option --" + spec->name + " takes no value";
                return false;
            }
            values_[spec->name] = "1";
            continue;
        }
        if (!has_inline) {
            if (i + 1 >= argc) {
                error = "option --" + spec->name + " needs a value (" + spec->value_name + ")";
                return false;
            }
            inline_value = argv[++i];
        }
        values_[spec->name] = inline_value;
        all_values_[spec->name].push_back(inline_value);
    }
    return true;
}

bool ArgParser::has(const std::string& name) const { return values_.count(name) > 0; }

std::string ArgParser::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it != values_.end()) return it->second;
    const Spec* s = find(name);
    return s ? s->default_value : std::string();
}

std::vector<std::string> ArgParser::values(const std::string& name) const {
    auto it = all_values_.find(name);
    return it == all_values_.end() ? std::vector<std::string>{} : it->second;
}

std::string ArgParser::help_text() const {
    std::ostringstream out;
    out << "Usage: socialctx " << command_ << " " << synopsis_ << "\n\n" << description_ << "\n";
    if (!positional_help_.empty()) {
        out << "\nArguments:\n";
        for (const auto& [name, help] : positional_help_) {
            std::string left = "  " + name;
            out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << help << "\n";
        }
    }
    out << "\nOptions:\n";
    for (const auto& s : specs_) {
        std::string left = "  ";
        left += s.short_name ? std::string("-") + s.short_name + ", " : "    ";
        left += "--" + s.name + (s.value_name.empty() ? "" : " " + s.value_name);
        out << left << std::string(left.size() < 26 ? 26 - left.size() : 1, ' ') << s.help;
        if (!s.default_value.empty()) out << " (default: " << s.default_value << ")";
        out << "\n";
    }
    out << "  -h, --help              Show this help\n";
    return out.str();
}

}  // namespace sctx::cli
