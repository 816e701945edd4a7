// Text helpers (text.hpp): journal text as a terminal may show it (SPEC 8), plurals and lists.
#include <catch2/catch.hpp>

#include <string>

#include "pumplog/text.hpp"

// One namespace per file, so that unity builds keep each file's helpers
// apart (PUMPLOG_UNITY_ID: see tests/CMakeLists.txt).
namespace PUMPLOG_UNITY_ID {

using pumplog::invisible_character;
using pumplog::terminal_text;

TEST_CASE("a name in a suggested command is a shell word: bare when safe, else single-quoted") {
    using pumplog::shell_quote;
    CHECK(shell_quote("Ada") == "Ada");
    CHECK(shell_quote("Zo\xC3\xAB") == "Zo\xC3\xAB");
    CHECK(shell_quote("B-1_2.3+x@y%z:a,b/c=d") == "B-1_2.3+x@y%z:a,b/c=d");
    CHECK(shell_quote("Mary Ann") == "'Mary Ann'");
    CHECK(shell_quote("$(touch /tmp/x)") == "'$(touch /tmp/x)'");
    CHECK(shell_quote("`id`") == "'`id`'");
    CHECK(shell_quote("O'Neil") == "'O'\\''Neil'");
    CHECK(shell_quote("a;b|c&d>e<f*g?h~i#j!k\"l\\m") == "'a;b|c&d>e<f*g?h~i#j!k\"l\\m'");
    CHECK(shell_quote("") == "''");
}

TEST_CASE("printable text, UTF-8 and backslashes pass unchanged") {
    CHECK(terminal_text("B1 fridge, 90 ml") == "B1 fridge, 90 ml");
    CHECK(terminal_text("Müller \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x8D\xBC") == "Müller \xE2\x80\x94 caf\xC3\xA9 \xF0\x9F\x8D\xBC");
    CHECK(terminal_text("C:\\x1b") == "C:\\x1b");
    CHECK(terminal_text("") == "");
}

TEST_CASE("C0 controls and DEL are shown as backslash x and two hex digits") {
    CHECK(terminal_text("\x1b[2Jgone") == "\\x1b[2Jgone");
    CHECK(terminal_text("a\rb\bc\td\ne") == "a\\x0db\\x08c\\x09d\\x0ae");
    CHECK(terminal_text(std::string("x\0y", 3)) == "x\\x00y");
    CHECK(terminal_text("\x7f") == "\\x7f");
    // OSC 52 (write the clipboard) and OSC 0 (set the title), BEL-terminated
    CHECK(terminal_text("\x1b]52;c;cm0gLXJmIH4=\x07") == "\\x1b]52;c;cm0gLXJmIH4=\\x07");
    CHECK(terminal_text("\x1b]0;owned\x1b\\") == "\\x1b]0;owned\\x1b\\");
}

TEST_CASE("C1 controls are shown as backslash u and four hex digits") {
    CHECK(terminal_text("\xC2\x9B" "2J") == "\\u009b2J");
    CHECK(terminal_text("\xC2\x80\xC2\x9F") == "\\u0080\\u009f");
    CHECK(terminal_text("\xC2\xA0") == "\xC2\xA0");  // U+00A0, a no-break space, is text
}

TEST_CASE("bidi controls and line separators are shown escaped") {
    CHECK(terminal_text("abc\xE2\x80\xAEgpj.exe") == "abc\\u202egpj.exe");  // U+202E right-to-left override
    for (const char* cp : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x81\xA6",
                           "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9", "\xE2\x80\x8E", "\xE2\x80\x8F",
                           "\xD8\x9C", "\xE2\x80\xA8", "\xE2\x80\xA9"})
        CHECK(terminal_text(cp).starts_with("\\u"));
    CHECK(terminal_text("\xE2\x81\xA6") == "\\u2066");
    // U+200D, a zero-width joiner (emoji), is text between two characters
    CHECK(terminal_text("a\xE2\x80\x8D" "b") == "a\xE2\x80\x8D" "b");
}

TEST_CASE("characters that show nothing are shown escaped so two labels never look one") {
    CHECK(terminal_text("B1\u200b") == "B1\\u200b");
    CHECK(terminal_text("\ufeffB1") == "\\ufeffB1");
    CHECK(terminal_text("B\u00ad1") == "B\\u00ad1");
    CHECK(terminal_text("B1\u2060") == "B1\\u2060");
    CHECK(terminal_text("B1\U000E0041") == "B1\\U000e0041");  // a tag character: 8 hex digits
    // The joiners, which Persian and Indic names and emoji use, stay.
    CHECK(terminal_text("Mehr\u200cana") == "Mehr\u200cana");
    CHECK(invisible_character("Ada\u200b") == 0x200B);
    CHECK(invisible_character("Mehr\u200cana") == 0);
    CHECK(invisible_character("Zo\u00eb") == 0);
    // Hangul fillers and the other default ignorables show nothing either.
    CHECK(terminal_text("B1\u3164") == "B1\\u3164");
    CHECK(terminal_text("B1\uffa0") == "B1\\uffa0");
    CHECK(terminal_text("B1\u034f") == "B1\\u034f");
    CHECK(terminal_text("B1\U0001D173") == "B1\\U0001d173");
    // A joiner that joins nothing, at the start or the end, shows nothing: escaped there.
    CHECK(terminal_text("Bo\u200d") == "Bo\\u200d");
    CHECK(terminal_text("\u200c") == "\\u200c");
    CHECK(invisible_character("Bo\u200d") == 0x200D);
    CHECK(invisible_character("\U0001F469\u200D\U0001F467 Ada") == 0);  // an emoji sequence
}

TEST_CASE("bytes that are not UTF-8 are shown as backslash x, a lone 0x9b (8-bit CSI) too") {
    CHECK(terminal_text("\x9b" "2J") == "\\x9b2J");
    CHECK(terminal_text("a\xC3") == "a\\xc3");            // cut short
    CHECK(terminal_text("\xC0\xAF") == "\\xc0\\xaf");     // overlong
    CHECK(terminal_text("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("the escaped text holds no control byte at all") {
    std::string every;
    for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
    const std::string shown = terminal_text(every);
    for (const char c : shown) {
        const auto u = static_cast<unsigned char>(c);
        CHECK((u >= 0x20 && u != 0x7F));
        CHECK(u < 0x80);  // every byte above 0x7f alone is not UTF-8
    }
}

TEST_CASE("printable, for error messages, escapes controls as terminal_text does and cuts long input") {
    using pumplog::printable;
    CHECK(printable("B\x1b[2J") == "B\\x1b[2J");
    CHECK(printable("abc\xE2\x80\xAEgpj") == "abc\\u202egpj");
    CHECK(printable("\xC2\x9B" "2J") == "\\u009b2J");
    CHECK(printable("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(printable("9\x1b]52;c;ZXZpbA==\a\x1b[2J\r\xE2\x80\xAE\xC2\x9B\xFF") ==
          "9\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x0d\\u202e\\u009b\\xff");
    CHECK(printable(std::string(60, 'a')) == std::string(60, 'a'));
    CHECK(printable(std::string(59, 'a') + "\x1b" + "b") == std::string(59, 'a') + "\\x1b...");
}

TEST_CASE("free text that is not UTF-8 is refused naming its first stray byte and UTF-8 text is not") {
    using pumplog::not_utf8_refusal;
    const std::string tail = ": typed in Latin-1 or Windows-1252?); give it in UTF-8";
    CHECK(not_utf8_refusal("--note", "M\xC3\xBC" "digkeit") == "");
    CHECK(not_utf8_refusal("--note", "") == "");
    CHECK(not_utf8_refusal("--note", "\x1b[2J \xE2\x80\xAE \xF0\x9F\x8D\xBC") == "");  // escaped when shown, kept
    CHECK(not_utf8_refusal("--note", "M\xFC" "digkeit") ==
          "--note \"M\\xfcdigkeit\" is not valid UTF-8 (byte 0xFC at byte 2" + tail);
    CHECK(not_utf8_refusal("--reason", "sour \xE9") ==
          "--reason \"sour \\xe9\" is not valid UTF-8 (byte 0xE9 at byte 6" + tail);
    CHECK(not_utf8_refusal("label", "B\xFC") == "label \"B\\xfc\" is not valid UTF-8 (byte 0xFC at byte 2" + tail);
    // The first stray byte, in a character cut short, an overlong form or a surrogate.
    CHECK(not_utf8_refusal("--note", "caf\xC3") ==
          "--note \"caf\\xc3\" is not valid UTF-8 (byte 0xC3 at byte 4" + tail);
    CHECK(not_utf8_refusal("--note", "\xC0\xAF") ==
          "--note \"\\xc0\\xaf\" is not valid UTF-8 (byte 0xC0 at byte 1" + tail);
    CHECK(not_utf8_refusal("--note", "a\xED\xA0\x80\xFF") ==
          "--note \"a\\xed\\xa0\\x80\\xff\" is not valid UTF-8 (byte 0xED at byte 2" + tail);
    // A long text is cut in the message; the byte is still named where it is.
    CHECK(not_utf8_refusal("--note", std::string(70, 'a') + "\xFC") ==
          "--note \"" + std::string(60, 'a') + "...\" is not valid UTF-8 (byte 0xFC at byte 71" + tail);
}

TEST_CASE("plurals: an s unless the count is 1, or the word for one or for many") {
    using pumplog::plural;
    using pumplog::plural_s;
    CHECK(plural_s(0) == "s");
    CHECK(plural_s(1) == "");
    CHECK(plural_s(2) == "s");
    CHECK(plural_s(-1) == "s");
    CHECK(plural(0, "day") == "0 days");
    CHECK(plural(1, "day") == "1 day");
    CHECK(plural(12, "month") == "12 months");
    CHECK(plural(std::size_t{1}, "entry", "entries") == "1 entry");
    CHECK(plural(std::size_t{3}, "entry", "entries") == "3 entries");
    CHECK(plural(0, "good entry", "good entries") == "0 good entries");
}

TEST_CASE("a list in a sentence joins its last two items with and") {
    using pumplog::and_list;
    CHECK(and_list({}) == "");
    CHECK(and_list({"03:00"}) == "03:00");
    CHECK(and_list({"01:30", "04:00"}) == "01:30 and 04:00");
    CHECK(and_list({"21:00", "01:00", "04:00"}) == "21:00, 01:00 and 04:00");
}

TEST_CASE("display width counts wide characters as two columns and combining marks as none") {
    using pumplog::display_width;
    CHECK(display_width("B1") == 2);
    CHECK(display_width("Zo\xC3\xAB" "1") == 4);              // Zoë1, ë precomposed
    CHECK(display_width("Zoe\xCC\x88" "1") == 4);              // Zoë1, e and a combining diaeresis
    CHECK(display_width("\xE6\xAF\x8D\xE4\xB9\xB3") == 4);     // 母乳
    CHECK(display_width("\xEF\xBC\xA1") == 2);                  // fullwidth A
    CHECK(display_width("\xEC\x9A\xB0\xEC\x9C\xA0") == 4);     // 우유 (Hangul)
    CHECK(display_width("\xF0\x9F\x8D\xBC") == 2);              // baby bottle emoji
    CHECK(display_width("\xE2\x80\x94") == 1);                  // em dash
    CHECK(display_width("") == 0);
}
TEST_CASE("canonical decomposition splits precomposed letters and puts combining marks in canonical order") {
    using pumplog::canonical_decomposition;
    CHECK(canonical_decomposition("Ada") == "Ada");
    CHECK(canonical_decomposition("Zo\xC3\xAB") == "Zoe\xCC\x88");                 // Zoë, U+00EB
    CHECK(canonical_decomposition("Zoe\xCC\x88") == "Zoe\xCC\x88");                // already decomposed
    CHECK(canonical_decomposition("\xE1\xBB\x87") == "e\xCC\xA3\xCC\x82");         // U+1EC7, in two steps
    CHECK(canonical_decomposition("a\xCC\x88\xCC\xA3") == "a\xCC\xA3\xCC\x88");    // dot below (220) first
    CHECK(canonical_decomposition("\xE2\x84\xAB") == "A\xCC\x8A");                 // U+212B angstrom sign
    CHECK(canonical_decomposition("\xED\x95\x9C") == "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");  // Hangul syllable
    CHECK(canonical_decomposition("\xC3\x89" "\xFF") == "E\xCC\x81" "\xFF");       // a byte not UTF-8 kept
}

TEST_CASE("a name key is the name trimmed decomposed and without case") {
    using pumplog::name_key;
    CHECK(name_key(" Zo\xC3\xAB ") == "zoe\xCC\x88");
    CHECK(name_key("ZOE\xCC\x88") == "zoe\xCC\x88");
    CHECK(name_key("\xC3\x89lodie") == "e\xCC\x81lodie");
    CHECK(name_key("Ada") == "ada");
}

TEST_CASE("display width counts an emoji ZWJ sequence as one glyph of two columns and zero-width code points as none") {
    using pumplog::display_width;
    // man, ZWJ, woman, ZWJ, girl: a family
    CHECK(display_width("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7") == 2);
    CHECK(display_width("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD") == 2);                // thumbs up, a skin tone
    CHECK(display_width("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99") == 6);            // 李小龙
    CHECK(display_width("e\xCC\xA3\xCC\x82") == 1);                               // two marks on one letter
    CHECK(display_width("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == 2);            // 한 as three jamo (NFD)
    CHECK(display_width("a\xE2\x80\x8D" "b") == 2);                               // a joiner between letters
    CHECK(display_width("\xE2\x9D\xA4\xEF\xB8\x8F") == 1);                        // a variation selector: none
    CHECK(display_width("Zo\xFF") == 3);                                          // a byte not UTF-8: one
}

TEST_CASE("graphemes keep a letter with its accents and an emoji ZWJ sequence whole") {
    using pumplog::graphemes;
    const auto starts = [](std::string_view text) {
        std::vector<std::size_t> out;
        for (const auto& g : graphemes(text)) out.push_back(g.start);
        return out;
    };
    CHECK(starts("Zoe\xCC\x88" "l") == std::vector<std::size_t>{0, 1, 2, 5});
    CHECK(starts("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" "x") == std::vector<std::size_t>{0, 11});
    CHECK(starts("\xE6\x9D\x8E" "a") == std::vector<std::size_t>{0, 3});
    CHECK(graphemes("\xE6\x9D\x8E" "a")[0].columns == 2);
    CHECK(graphemes("").empty());
}

TEST_CASE("cutting text to a width never splits a wide character or a letter from its accents") {
    using pumplog::cut_to_width;
    CHECK(cut_to_width("Christopher", 9) == "Christoph");
    CHECK(cut_to_width("Ada", 10) == "Ada");
    // 李小龙 in 5 columns: 李小, not half of 龙
    CHECK(cut_to_width("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99", 5) == "\xE6\x9D\x8E\xE5\xB0\x8F");
    CHECK(cut_to_width("\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99", 1) == "");
    CHECK(cut_to_width("Zoe\xCC\x88" "lle", 3) == "Zoe\xCC\x88");                  // the ë kept whole
    const std::string couple = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9";  // man, ZWJ, woman: one glyph
    CHECK(cut_to_width(couple + "x", 2) == couple);
    CHECK(cut_to_width(couple + "x", 1) == "");
}

TEST_CASE("two regional indicators are one flag of two columns and a cut never splits it") {
    using pumplog::cut_to_width;
    using pumplog::display_width;
    const std::string de = "\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA";  // U+1F1E9 U+1F1EA: Germany's flag
    CHECK(display_width(de) == 2);
    CHECK(display_width(de + de + de) == 6);
    CHECK(pumplog::graphemes(de + de).size() == 2);
    CHECK(cut_to_width(de + de + de, 5) == de + de);
    CHECK(cut_to_width(de + de + de, 1) == "");
    // A lone indicator (an odd one at the end) is one of its own.
    CHECK(display_width(de + "\xF0\x9F\x87\xA9") == 3);
}

TEST_CASE("padding to a width counts columns not bytes") {
    using pumplog::pad_to_width;
    CHECK(pad_to_width("Ada", 5) == "Ada  ");
    CHECK(pad_to_width("Zoe\xCC\x88", 5) == "Zoe\xCC\x88  ");
    CHECK(pad_to_width("\xE6\x9D\x8E\xE5\xB0\x8F", 5) == "\xE6\x9D\x8E\xE5\xB0\x8F ");
    CHECK(pad_to_width("Christopher", 5) == "Christopher");
}
}  // namespace PUMPLOG_UNITY_ID
