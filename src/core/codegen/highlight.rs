//! A light syntax highlighter for the generated code (and anything else: it never panics).
//!
//! It knows comments, string literals, numbers, keywords and calls; everything else is plain.
//! The tokens' texts, one after another, are exactly the input.

use super::names::{JS_KEYWORDS, RUST_KEYWORDS};
use super::Language;

/// What a piece of code is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Plain,
    Keyword,
    String,
    Comment,
    Number,
    /// A name that is called: `sleep(`, or a Rust macro, `join!`.
    Function,
}

impl TokenClass {
    /// A CSS class name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenClass::Plain => "plain",
            TokenClass::Keyword => "keyword",
            TokenClass::String => "string",
            TokenClass::Comment => "comment",
            TokenClass::Number => "number",
            TokenClass::Function => "function",
        }
    }
}

/// A piece of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub class: TokenClass,
    pub text: &'a str,
}

/// Words shown as keywords besides the language's own.
const RUST_EXTRA: &[&str] = &["Self", "Some", "None", "Ok", "Err"];
const JS_EXTRA: &[&str] = &["NaN", "Infinity"];

/// `code` cut into tokens. Adjacent plain text is one token.
pub fn highlight(code: &str, language: Language) -> Vec<Token<'_>> {
    let (keywords, extra) =
        if language.is_js() { (JS_KEYWORDS, JS_EXTRA) } else { (RUST_KEYWORDS, RUST_EXTRA) };
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let (class, len) = next_token(rest, language, keywords, extra);
        // `len` is always at least one whole character, so `i` stays on a boundary.
        let text = &code[i..i + len];
        match tokens.last_mut() {
            Some(last) if class == TokenClass::Plain && last.class == TokenClass::Plain => {
                let start = i - last.text.len();
                last.text = &code[start..i + len];
            }
            _ => tokens.push(Token { class, text }),
        }
        i += len;
    }
    tokens
}

/// The class and byte length of the token at the start of `rest` (never empty).
fn next_token(rest: &str, language: Language, keywords: &[&str], extra: &[&str]) -> (TokenClass, usize) {
    let first = rest.chars().next().map_or(1, char::len_utf8);
    if rest.starts_with("//") {
        return (TokenClass::Comment, rest.find('\n').unwrap_or(rest.len()));
    }
    if let Some(body) = rest.strip_prefix("/*") {
        return (TokenClass::Comment, body.find("*/").map_or(rest.len(), |end| end + 4));
    }
    let bytes = rest.as_bytes();
    match bytes[0] {
        b'"' => return (TokenClass::String, quoted(rest, '"')),
        b'\'' | b'`' if language.is_js() => return (TokenClass::String, quoted(rest, char::from(bytes[0]))),
        b'\'' => {
            // A Rust char literal ('a', '\n', '\u{1F600}'), or else a lifetime's quote.
            let len = quoted(rest, '\'');
            let literal = &rest[..len];
            let is_char = (3..=12).contains(&len) && literal.ends_with('\'') && {
                let inner = &literal[1..len - 1];
                inner.starts_with('\\') || inner.chars().count() == 1
            };
            return if is_char { (TokenClass::String, len) } else { (TokenClass::Plain, 1) };
        }
        b'0'..=b'9' => {
            let len = rest
                .char_indices()
                .find(|&(i, c)| {
                    !(c.is_ascii_alphanumeric() || c == '_' || (c == '.' && is_digit_at(rest, i + 1)))
                })
                .map_or(rest.len(), |(i, _)| i);
            return (TokenClass::Number, len);
        }
        _ => {}
    }
    let is_start = |c: char| c.is_ascii_alphabetic() || c == '_' || (c == '$' && language.is_js());
    if rest.starts_with(is_start) {
        let len = rest
            .char_indices()
            .find(|&(_, c)| !(is_start(c) || c.is_ascii_digit()))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..len];
        let after = &rest[len..];
        let class = if keywords.contains(&word) || extra.contains(&word) {
            TokenClass::Keyword
        } else if after.starts_with('(')
            || (!language.is_js() && after.starts_with('!') && !after.starts_with("!="))
        {
            TokenClass::Function
        } else {
            TokenClass::Plain
        };
        return (class, len);
    }
    (TokenClass::Plain, first)
}

fn is_digit_at(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

/// The byte length of a literal that starts with `quote` at the start of `rest`, up to and
/// including its closing quote (or to the end, if there is none). A backslash escapes the
/// character after it.
fn quoted(rest: &str, quote: char) -> usize {
    let mut chars = rest.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if c == '\\' {
            chars.next();
        } else if c == quote {
            return i + c.len_utf8();
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(tokens: &[Token<'_>]) -> String {
        tokens.iter().map(|t| t.text).collect()
    }

    fn classes<'a>(tokens: &[Token<'a>], class: TokenClass) -> Vec<&'a str> {
        tokens.iter().filter(|t| t.class == class).map(|t| t.text).collect()
    }

    #[test]
    fn rust_is_cut_where_expected() {
        let code = "async fn you() {\n    sleep(5.0 * UNIT_MS).await; // wait\n    done(\"a \\\"b\\\"\");\n    futures::join!(x, 'c', '\\n');\n}\nfn f<'a>(x: &'a str) {}\n";
        let tokens = highlight(code, Language::Rust);
        assert_eq!(joined(&tokens), code);
        assert_eq!(classes(&tokens, TokenClass::Keyword), ["async", "fn", "await", "fn"]);
        assert_eq!(classes(&tokens, TokenClass::Function), ["you", "sleep", "done", "join"]);
        assert_eq!(classes(&tokens, TokenClass::Number), ["5.0"]);
        assert_eq!(classes(&tokens, TokenClass::Comment), ["// wait"]);
        assert_eq!(classes(&tokens, TokenClass::String), ["\"a \\\"b\\\"\"", "'c'", "'\\n'"]);
    }

    #[test]
    fn js_is_cut_where_expected() {
        let code = "(async () => {\n    /* a\n    b */ const x = `t ${y}` + 'q' + \"r\";\n    await sleep(2.5 * UNIT_MS);\n})();\n";
        let tokens = highlight(code, Language::JsAsync);
        assert_eq!(joined(&tokens), code);
        assert_eq!(classes(&tokens, TokenClass::Keyword), ["async", "const", "await"]);
        assert_eq!(classes(&tokens, TokenClass::Function), ["sleep"]);
        assert_eq!(classes(&tokens, TokenClass::Number), ["2.5"]);
        assert_eq!(classes(&tokens, TokenClass::Comment), ["/* a\n    b */"]);
        assert_eq!(classes(&tokens, TokenClass::String), ["`t ${y}`", "'q'", "\"r\""]);
    }

    #[test]
    fn unfinished_literals_and_comments_run_to_the_end() {
        for code in ["\"open", "/* open", "'", "`", "'\\", "\"\\", "// x", "1.", "a'b"] {
            for language in Language::ALL {
                assert_eq!(joined(&highlight(code, language)), code);
            }
        }
    }

    /// Arbitrary text, awkward characters included, comes back exactly, and never panics.
    #[test]
    fn any_text_round_trips() {
        const POOL: &[&str] = &[
            "a", "Z", "_", "$", "0", "9", ".", " ", "\n", "\t", "\"", "'", "`", "\\", "/", "*", "(", "!",
            "é", "東", "🎉", "\u{301}", "\u{202E}", "fn", "await", "//", "/*", "*/", "1.5", "r#",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..2_000 {
            let len = (next() % 40) as usize;
            let code: String = (0..len).map(|_| POOL[(next() % POOL.len() as u64) as usize]).collect();
            for language in Language::ALL {
                let tokens = highlight(&code, language);
                assert_eq!(joined(&tokens), code);
                assert!(tokens.iter().all(|t| !t.text.is_empty()), "{code:?}");
            }
        }
        assert!(highlight("", Language::Rust).is_empty());
    }
}
