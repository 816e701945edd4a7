#include "completion_model.hpp"

#include <algorithm>
#include <cctype>

#include <CLI/CLI.hpp>

#include "pumplog/settings.hpp"

namespace pumplog::cli {

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find(separator, begin);
        if (end == std::string_view::npos) end = text.size();
        parts.emplace_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return parts;
}

bool is_word(const std::string& s, bool upper) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [upper](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (upper ? std::isupper(u) : std::islower(u)) || std::isdigit(u) || c == '_' || c == '-';
    });
}

ValueSpec choices(std::vector<std::string> words) { return {ValueSpec::choice, std::move(words)}; }

// The value kinds a placeholder name stands for (SPEC 1, 4, 5, 6).
ValueSpec kind_of_placeholder(const std::string& name) {
    if (name == "FILE" || name == "PATH" || name == "JOURNAL") return {ValueSpec::file, {}};
    if (name == "LABEL") return {ValueSpec::labels, {}};
    if (name == "REF") return {ValueSpec::refs, {}};
    if (name == "BABY") return {ValueSpec::babies, {}};
    if (name == "ZONE") return {ValueSpec::zones, {}};
    if (name == "PLACE") return choices({"room", "cooler", "fridge", "freezer"});
    if (name == "UNIT") return choices({"ml", "oz"});
    if (name == "WHEN") return choices({"auto", "always", "never"});
    if (name == "PERIOD") return choices({"day", "week", "month", "hour"});
    if (name == "KEY") {
        std::vector<std::string> keys;
        for (const auto& k : setting_keys()) keys.emplace_back(k.name);
        return choices(std::move(keys));
    }
    return {};
}

ValueSpec kind_of_option_name(const std::string& name) {
    if (name == "--journal") return kind_of_placeholder("FILE");
    if (name == "--unit") return kind_of_placeholder("UNIT");
    if (name == "--color") return kind_of_placeholder("WHEN");
    if (name == "--in" || name == "--to") return kind_of_placeholder("PLACE");
    if (name == "--by") return kind_of_placeholder("PERIOD");
    if (name == "--from") return choices({"babybuddy", "huckleberry", "babytracker", "babyconnect"});
    // `pump stop|pause|resume --started TIME|REF`: a running timer's start; the ref of any other entry is refused.
    if (name == "--started") return {ValueSpec::timers, {}};
    // plan's setting overrides (--mode, --min-gap...): what config set offers
    std::string key = name.substr(2);
    std::replace(key.begin(), key.end(), '-', '_');
    for (const auto& k : setting_keys())
        if (k.name == key) {
            std::vector<std::string> values = setting_values(key);
            if (!values.empty()) return choices(std::move(values));
        }
    return {};
}

std::string path_of(const std::string& parent, const std::string& name) {
    return parent.empty() ? name : parent + " " + name;
}

bool global(const std::vector<CommandSpec>& out, const std::string& name) {
    if (out.empty()) return false;
    for (const auto& o : out.front().options)
        if (std::find(o.names.begin(), o.names.end(), name) != o.names.end()) return true;
    return false;
}

void describe(const CLI::App& app, const std::string& path, const FormatsOf& formats_of,
              std::vector<CommandSpec>& out) {
    CommandSpec spec;
    spec.path = path;
    spec.formats = formats_of(app);
    bool first_positional_is_key = false;
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) continue;  // hidden
        if (option->get_positional() && !option->nonpositional()) {
            ValueSpec value = value_spec(*option);
            // `help COMMAND...`: a command, then its subcommand (help log edit).
            if (option->get_type_name() == "COMMAND") value = {ValueSpec::subcommands, {}};
            // `config set KEY VALUE`: the values of the key given.
            if (option->get_type_name() == "VALUE" && spec.positionals.size() == 1 &&
                first_positional_is_key)
                value = {ValueSpec::setting, {}};
            if (spec.positionals.empty()) first_positional_is_key = option->get_type_name() == "KEY";
            spec.last_positional_repeats = option->get_expected_max() > 1 && value.kind != ValueSpec::choice &&
                                           value.kind != ValueSpec::setting;
            spec.positionals.push_back(std::move(value));
            continue;
        }
        OptionSpec o;
        for (const auto& s : option->get_snames())
            if (!global(out, "-" + s)) o.names.push_back("-" + s);
        for (const auto& l : option->get_lnames())
            if (!global(out, "--" + l)) o.names.push_back("--" + l);
        if (o.names.empty()) continue;  // -h,--help: the root's is offered everywhere
        o.description = option->get_description();
        o.takes_value = option->get_expected_max() != 0;  // a flag expects nothing
        if (o.takes_value) o.value = value_spec(*option);
        spec.options.push_back(std::move(o));
    }
    std::vector<const CLI::App*> children;
    for (const CLI::App* sub : app.get_subcommands(nullptr)) {
        if (sub->get_name().empty() || sub->get_group().empty()) continue;  // option groups, hidden
        spec.subcommands.push_back({sub->get_name(), sub->get_description()});
        children.push_back(sub);
    }
    out.push_back(std::move(spec));
    for (const CLI::App* sub : children) describe(*sub, path_of(path, sub->get_name()), formats_of, out);
}

}  // namespace

ValueSpec value_spec(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    // "WHEN:{auto,always,never}": CLI11 appends an IsMember check's set.
    if (const std::size_t brace = type.find(":{"); brace != std::string::npos && type.back() == '}')
        return choices(split(std::string_view(type).substr(brace + 2, type.size() - brace - 3), ','));
    const std::vector<std::string> alternatives = split(type, '|');
    if (std::all_of(alternatives.begin(), alternatives.end(), [](const auto& a) { return is_word(a, false); }))
        return choices(alternatives);
    for (const auto& lname : option.get_lnames())
        if (ValueSpec v = kind_of_option_name("--" + lname); v.kind != ValueSpec::none) return v;
    // "AMOUNT|LABEL": the first alternative that names a kind.
    for (const auto& a : alternatives)
        if (ValueSpec v = kind_of_placeholder(a); v.kind != ValueSpec::none) return v;
    return {};
}

std::vector<CommandSpec> command_specs(const CLI::App& root, const FormatsOf& formats_of) {
    std::vector<CommandSpec> out;
    describe(root, "", formats_of, out);
    // Before a command is named, --format may be any command's.
    for (std::size_t i = 1; i < out.size(); ++i)
        for (const auto& f : out[i].formats)
            if (std::find(out.front().formats.begin(), out.front().formats.end(), f) == out.front().formats.end())
                out.front().formats.push_back(f);
    for (auto& o : out.front().options)
        if (std::find(o.names.begin(), o.names.end(), "--format") != o.names.end()) o.value = choices(out.front().formats);
    return out;
}

}  // namespace pumplog::cli
