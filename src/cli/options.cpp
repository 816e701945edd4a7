#include "options.hpp"

#include <cctype>
#include <string_view>

namespace pumplog::cli {

namespace {
bool takes_time(std::string_view option) {
    return option == "--at" || option == "--since" || option == "--until" || option == "--now" ||
           option == "--pumped" || option == "--on" || option == "--return";
}
}  // namespace

std::vector<std::string> join_negative_values(int argc, char** argv) {
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (takes_time(a) && i + 1 < argc) {
            const std::string_view next = argv[i + 1];
            if (next.size() > 1 && next[0] == '-' && (std::isdigit(static_cast<unsigned char>(next[1])) || next[1] == '.')) {
                args.push_back(a + "=" + std::string(next));
                ++i;
                continue;
            }
        }
        args.push_back(std::move(a));
    }
    return args;
}

std::vector<const char*> to_argv(const std::vector<std::string>& args, const char* program) {
    std::vector<const char*> out;
    out.reserve(args.size() + 1);
    out.push_back(program);
    for (const auto& a : args) out.push_back(a.c_str());
    return out;
}

}  // namespace pumplog::cli
