#pragma once
// Text helpers, written once: trimming and case, UTF-8 for terminals and error
// messages, plurals and lists in sentences.
#include <string>
#include <string_view>
#include <vector>

namespace pumplog {

std::string_view trim(std::string_view text);
std::string lower(std::string_view text);
// A name in lower case to compare: ASCII, and the two-byte letters of Latin-1, Latin Extended-A,
// Greek and Cyrillic (import --child émile finds Émile, --baby ZOË is Zoë).
std::string fold_case(std::string_view text);
// For quoting user input in one-line error messages: the first 60 characters
// as terminal_text shows them (controls escaped, \x1b or \u202e, a byte that is
// not UTF-8 as \xHH), then "..." when there are more.
std::string printable(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
// User text (a baby's name, a label, a ref) as one word of a command a message suggests, safe to copy into a
// shell: bare when every character is safe there (letters, digits, "-_.+@%:,/=", any non-ASCII byte: Ada,
// Zoë), else in single quotes, a ' in it written '\'' ("Mary Ann" -> 'Mary Ann', "$(id)" -> '$(id)',
// "O'Neil" -> 'O'\''Neil'); the empty text is ''. Control characters are left to the message's printing
// (terminal_text escapes them).
std::string shell_quote(std::string_view text);
// The canonical decomposition (NFD) of UTF-8 text: each precomposed character decomposed ("Zoë" with U+00EB
// becomes "Zoe" + U+0308), combining marks in canonical order. Text that is all ASCII comes back as it is;
// a byte that is not UTF-8 is kept.
std::string canonical_decomposition(std::string_view text);
// The bytes of the Unicode space character that starts at text[at] (the no-break space U+00A0, U+1680,
// U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); 0 for none. U+0085 is a C1 control, U+200B to
// U+200D and U+FEFF invisible ones: not among them.
std::size_t unicode_space_at(std::string_view text, std::size_t at);
// The text with each of those Unicode space characters written as an ASCII space ("Mary" U+00A0 "Ann" is
// "Mary Ann"), and a run of spaces as one ("Mary  Ann" is "Mary Ann"): a name looks the same either way.
std::string plain_spaces(std::string_view text);
// A name as names compare (babies): its Unicode spaces plain (plain_spaces), trimmed, canonically decomposed,
// then fold_case. Two names with one key look alike: Zoë typed with U+00EB and with e + U+0308, ZOË; Mary Ann
// with a space, with a no-break space and with two spaces.
std::string name_key(std::string_view name);

// Display width of UTF-8 text in terminal columns, as wcwidth(3) counts them: 2 for an
// East Asian wide or fullwidth character (母乳), 0 for a combining mark or another zero-width
// code point (ZWJ, variation selectors), else 1; an emoji ZWJ sequence (a family) is one glyph
// of 2 columns, an emoji's skin tone is part of it. A byte that is not UTF-8 takes 1.
std::size_t display_width(std::string_view text);
// A grapheme cluster: what a reader sees as one character (e + U+0308, an emoji ZWJ sequence).
struct Grapheme {
    std::size_t start;    // its first byte
    std::size_t columns;  // as display_width counts it
};
// The grapheme clusters of UTF-8 text, in order.
std::vector<Grapheme> graphemes(std::string_view text);
// The longest start of `text` that fits in `width` columns, never cutting a grapheme cluster or a wide
// character in two.
std::string_view cut_to_width(std::string_view text, std::size_t width);
// `text` and spaces after it up to `width` columns (as display_width counts them); as it is when wider.
std::string pad_to_width(std::string_view text, std::size_t width);
// Replaces invalid UTF-8 sequences with U+FFFD.
std::string valid_utf8(std::string_view text);
// The offset of the first byte that does not begin a valid UTF-8 sequence; npos when all of it is UTF-8.
std::size_t invalid_utf8_at(std::string_view text);
// Free text typed for `what` (--note, --reason, a label) that is not UTF-8, refused as one line naming its first
// stray byte: `--note "M\xfcdigkeit" is not valid UTF-8 (byte 0xFC at byte 2: ...); give it in UTF-8`; empty
// when all of it is UTF-8. Such text is refused, never written with U+FFFD in place of a byte (the journal is
// UTF-8), so that what a reply shows is what the journal keeps.
std::string not_utf8_refusal(std::string_view what, std::string_view text);

// The length of the valid UTF-8 sequence at text[i] (i < text.size()), 0 when none starts there (a stray
// byte, an overlong form, a surrogate); and the code point of a valid one of n bytes.
std::size_t utf8_sequence(std::string_view text, std::size_t i);
char32_t code_point(std::string_view text, std::size_t i, std::size_t n);

// Text from the journal or an import as a terminal may show it (SPEC 8: text
// is data, never control): every character that could move the cursor, clear
// the screen, set the title or the clipboard (OSC 52) or reorder what follows
// is written as a visible escape, everything else as it is:
//   C0 controls (tab and line ends too) and DEL     \x1b  \x09  \x7f
//   bytes that are not UTF-8 (a lone 0x9b is CSI)    \x9b
//   C1 controls U+0080-U+009F                        \u009b
//   bidi controls U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069,
//   and the separators U+2028, U+2029                \u202e
//   what shows nothing (invisible_character's list:   \u200b
//   "B1" and "B1" + U+200B would look one label)
//   tag characters U+E0000-U+E007F                   \U000e0041
// A backslash stays as it is: the table is for people; JSON keeps the exact text.
std::string terminal_text(std::string_view text);
// The code points terminal_text writes escaped wherever they stand: a C0 control, DEL, a C1 or bidi control,
// U+2028, U+2029, a character that shows nothing (invisible_character's), a tag character. The JSON output
// escapes the same ones (render/json.hpp), so no text reaches a terminal raw through it that the tables escape.
bool terminal_escapes(char32_t cp);
// The code points terminal_text writes escaped as the text's first or last character only: the joiners
// U+200C and U+200D, which join nothing there.
bool terminal_escapes_at_edge(char32_t cp);

// The first code point of valid UTF-8 text that shows nothing at all where
// a name is read (Unicode's default ignorable code points such as U+00AD soft
// hyphen, U+200B zero width space, U+2060-U+2064, U+FEFF, and the Hangul
// fillers U+115F, U+1160, U+3164, U+FFA0), or 0: "Ada" and "Ada" + U+200B
// would look one name and be two. The joiners U+200C and U+200D are left
// alone between two characters (Persian and Indic names, and emoji, are
// written with them), not as the text's first or last character.
char32_t invisible_character(std::string_view text);

// Plurals in English sentences. "s" unless n is 1, for "{} feed{}".
constexpr std::string_view plural_s(long long n) { return n == 1 ? "" : "s"; }
// "1 day", "0 days", "3 days": n and the word, with an "s" unless n is 1.
std::string plural(long long n, std::string_view word);
// "1 entry", "3 entries": n and the word for one or for any other count.
std::string plural(long long n, std::string_view one, std::string_view many);
// The items joined as a sentence lists them: "a", "a and b", "a, b and c"
// (or another conjunction: "a or b").
std::string and_list(const std::vector<std::string>& items, std::string_view conjunction = "and");

}  // namespace pumplog
