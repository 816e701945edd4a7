#include "help_format.hpp"

#include <CLI/CLI.hpp>

namespace pumplog::cli {

namespace {

// Display columns of UTF-8 text (every code point counts one: the help is
// ASCII but for the odd symbol such as "°").
std::size_t columns(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// Where a footer line's second column starts ("  pumplog add 90ml    what it
// does": the text after the first run of two or more spaces), so that a wrapped
// line continues under its own column; 0 when there is none.
std::size_t second_column(std::string_view line) {
    const std::size_t text = line.find_first_not_of(' ');
    if (text == std::string_view::npos) return 0;
    const std::size_t gap = line.find("  ", text);
    if (gap == std::string_view::npos) return 0;
    const std::size_t next = line.find_first_not_of(' ', gap);
    return next == std::string_view::npos ? 0 : next;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

class Formatter : public CLI::Formatter {
public:
    Formatter() {
        column_width(26);
        label("SUBCOMMAND", "COMMAND");
        label("SUBCOMMANDS", "COMMANDS");
    }

    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
        std::string text = CLI::Formatter::make_help(app, std::move(name), mode);
        replace_all(text, "\nSubcommands:\n", "\nCommands:\n");
        // A hidden option group leaves an empty line behind.
        replace_all(text, "\n\n\n", "\n\n");
        return text;
    }

    std::string make_option_desc(const CLI::Option* option) const override {
        return wrap(option->get_description(), help_width - get_column_width(), 0);
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true),
                                 wrap(sub->get_description(), help_width - get_column_width(), 0), get_column_width());
        return out.str();
    }

    std::string make_description(const CLI::App* app) const override {
        const std::string text = CLI::Formatter::make_description(app);
        return text.empty() ? text : wrap(text, help_width, 0);
    }

    // A subcommand inherits its parent's footer when it is created (CLI11):
    // the parent's examples would mislead, so only a footer of its own shows.
    std::string make_footer(const CLI::App* app) const override {
        const std::string footer = app->get_footer();
        if (footer.empty()) return {};
        if (app->get_parent() != nullptr && app->get_parent()->get_footer() == footer) return {};
        std::string out;
        std::size_t begin = 0;
        while (begin <= footer.size()) {
            std::size_t end = footer.find('\n', begin);
            if (end == std::string::npos) end = footer.size();
            const std::string_view line(footer.data() + begin, end - begin);
            std::size_t indent = second_column(line);
            if (indent == 0 || indent > help_width / 2) indent = line.find_first_not_of(' ') + 2;
            if (indent > help_width / 2) indent = 2;
            out += wrap(line, help_width, indent);
            out += '\n';
            begin = end + 1;
        }
        return out;
    }
};

}  // namespace

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
    std::string out;
    std::size_t line_start = 0;  // in `out`
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t newline = text.find('\n', pos);
        const std::string_view line = text.substr(pos, newline == std::string_view::npos ? text.npos : newline - pos);
        pos = newline == std::string_view::npos ? text.size() : newline + 1;
        // Keep the line's own leading spaces, then fill words.
        const std::size_t lead = std::min(line.find_first_not_of(' '), line.size());
        out.append(line.substr(0, lead));
        line_start = out.size() - lead;
        std::size_t i = lead;
        bool first = true;
        while (i < line.size()) {
            std::size_t word_end = line.find(' ', i);
            if (word_end == std::string_view::npos) word_end = line.size();
            std::size_t next = line.find_first_not_of(' ', word_end);
            if (next == std::string_view::npos) next = line.size();
            const std::string_view word = line.substr(i, word_end - i);
            const std::string_view gap = line.substr(word_end, next - word_end);
            const std::size_t used = columns(std::string_view(out).substr(line_start));
            if (!first && used + columns(word) > width) {
                while (!out.empty() && out.back() == ' ') out.pop_back();
                out += '\n';
                line_start = out.size();
                out.append(indent, ' ');
            }
            out.append(word);
            if (next < line.size()) out.append(gap);
            first = false;
            i = next;
        }
        if (newline != std::string_view::npos) out += '\n';
    }
    return out;
}

std::shared_ptr<CLI::FormatterBase> help_formatter() { return std::make_shared<Formatter>(); }

}  // namespace pumplog::cli
