//! Reading JSON text (RFC 8259, strictly) into a `Value`, for scenarios, saved work, share
//! links, lesson files and messages. Small on purpose: it replaced serde_json's reader, which
//! weighed 8.5 KB of the compressed first view. Never panics; a problem is said with where it
//! is ("expected `,` or `]` at line 3 column 7"); nesting deeper than `MAX_DEPTH` is refused
//! rather than overflowing the stack.

use super::value::{Map, Number, Value};

/// How deep lists and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: usize = 128;

/// Reads one JSON value, with nothing but whitespace around it.
pub fn read(text: &str) -> Result<Value, String> {
    let mut r = Reader { text, at: 0, depth: 0 };
    let value = r.value()?;
    r.space();
    if r.at < text.len() {
        return Err(r.fail("trailing characters"));
    }
    Ok(value)
}

/// Reads JSON given as bytes (a share link's inflated payload), which must be UTF-8.
pub fn read_bytes(bytes: &[u8]) -> Result<Value, String> {
    read(std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 text (at byte {})", e.valid_up_to()))?)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// `why` with the line and column (counted in characters, from 1) of the reader.
    fn fail(&self, why: &str) -> String {
        // An error may be found inside a character (a backslash before "é"): count from its start.
        let mut at = self.at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{why} at line {line} column {column}")
    }

    fn eof_or(&self, within: &str, why: &str) -> String {
        if self.at >= self.text.len() {
            self.fail(&format!("EOF while parsing {within}"))
        } else {
            self.fail(why)
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.space();
        match self.peek() {
            None => Err(self.fail("EOF while parsing a value")),
            Some(b'{') => self.nested(Reader::object),
            Some(b'[') => self.nested(Reader::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("expected value")),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.fail("recursion limit exceeded"));
        }
        self.depth += 1;
        self.at += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                None => return Err(self.fail("EOF while parsing a value")),
                Some(_) => return Err(self.fail("expected value")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.fail("invalid number (a leading zero)"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.eof_or("a value", "invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.eof_or("a value", "invalid number (no digit after the point)"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.eof_or("a value", "invalid number (no digit in the exponent)"));
            }
        }
        Ok(Value::Number(Number::from_checked(&self.text[start..self.at])))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let run = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Quotes and backslashes are ASCII, so the run ends on a character boundary.
            out.push_str(&self.text[run..self.at]);
            match self.peek() {
                None => return Err(self.fail("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self.fail("control character (\\u0000-\\u001F) found while parsing a string"));
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, String> {
        let Some(b) = self.peek() else { return Err(self.fail("EOF while parsing a string")) };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        if !self.text[self.at..].starts_with("\\u") {
                            return Err(self.fail("lone leading surrogate in hex escape"));
                        }
                        self.at += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.fail("lone leading surrogate in hex escape"));
                        }
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(code).ok_or_else(|| self.fail("invalid unicode code point"))?
                    }
                    0xDC00..=0xDFFF => return Err(self.fail("lone trailing surrogate in hex escape")),
                    _ => char::from_u32(first).ok_or_else(|| self.fail("invalid unicode code point"))?,
                }
            }
            _ => return Err(self.fail("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                None => return Err(self.fail("EOF while parsing a string")),
                Some(b) => (b as char).to_digit(16).ok_or_else(|| self.fail("invalid escape"))?,
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    fn array(&mut self) -> Result<Value, String> {
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.space();
                    if self.peek() == Some(b']') {
                        return Err(self.fail("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.eof_or("a list", "expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        let mut fields = Map::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') => return Err(self.fail("trailing comma")),
                _ => return Err(self.eof_or("an object", "key must be a string")),
            }
            let key = self.string()?;
            self.space();
            if self.peek() != Some(b':') {
                return Err(self.eof_or("an object", "expected `:`"));
            }
            self.at += 1;
            let value = self.value()?;
            fields.insert(key, value);
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.eof_or("an object", "expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json (a dev-dependency) as the reference: the same values for valid JSON.
    fn same_as_serde(text: &str) {
        let ours = read(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        let ours_written: serde_json::Value = serde_json::from_str(&super::super::value(&ours)).unwrap();
        assert_eq!(ours_written, theirs, "{text}");
    }

    #[test]
    fn valid_json_reads_as_serde_json_reads_it() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12.5e-3",
            "1E+2",
            r#""""#,
            r#""a\"b\\c\/d\b\f\n\r\t""#,
            r#""\u00e9\u20ac\ud83d\ude00 é""#,
            "[]",
            "[1, [2, [3]], {}]",
            r#"{"a": 1, "b": [true, null], "c": {"d": "e"}}"#,
            "\n\t{ \"x\" :\r\n 1 }\n",
        ] {
            same_as_serde(text);
        }
        assert_eq!(read(r#"{"a":1,"a":2}"#).unwrap()["a"].as_u64(), Some(2));
        assert_eq!(read("1.0").unwrap(), Value::Number(Number::from_checked("1.0")));
        assert_eq!(read_bytes(b"[1]").unwrap()[0].as_u64(), Some(1));
    }

    #[test]
    fn bad_json_is_refused_with_where() {
        for (text, why) in [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("[1,", "EOF while parsing a value at line 1 column 4"),
            ("[1", "EOF while parsing a list at line 1 column 3"),
            (r#"{"a""#, "EOF while parsing an object"),
            (r#"{"a":1"#, "EOF while parsing an object"),
            (r#""abc"#, "EOF while parsing a string"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("{\"a\" 1}", "expected `:`"),
            ("{1: 2}", "key must be a string"),
            ("[1,]", "trailing comma"),
            (r#"{"a":1,}"#, "trailing comma"),
            ("01", "leading zero"),
            ("1.", "EOF while parsing a value"),
            ("1.e5", "no digit after the point"),
            ("1e", "EOF while parsing a value"),
            ("-", "EOF while parsing a value"),
            ("+1", "expected value"),
            ("tru", "EOF while parsing a value"),
            ("nul!", "expected value"),
            ("NaN", "expected value"),
            ("1 2", "trailing characters at line 1 column 3"),
            ("\"a\u{1}\"", "control character"),
            (r#""\x""#, "invalid escape"),
            ("\"\\é\"", "invalid escape at line 1 column 3"),
            ("\"\\u00é\"", "invalid escape"),
            (r#""\u12""#, "invalid escape"),
            (r#""\ud800""#, "lone leading surrogate"),
            (r#""\ud800\u0041""#, "lone leading surrogate"),
            (r#""\udc00""#, "lone trailing surrogate"),
            ("[\n  1\n  2]", "expected `,` or `]` at line 3 column 3"),
            ("\"é\" x", "trailing characters at line 1 column 5"),
        ] {
            let got = read(text).expect_err(text);
            assert!(got.contains(why), "{text:?}: {got}");
            assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "serde reads {text:?}");
        }
        assert!(read_bytes(b"\"\xff\"").unwrap_err().contains("not UTF-8"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(read(&deep(MAX_DEPTH)).is_ok());
        assert!(read(&deep(MAX_DEPTH + 1)).unwrap_err().contains("recursion limit"));
        assert!(read(&"[".repeat(100_000)).unwrap_err().contains("recursion limit"));
        assert!(read(&"{\"a\":".repeat(100_000)).unwrap_err().contains("recursion limit"));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the text, reading it ends in a value or a message, never a panic, and
        /// accepts exactly what serde_json accepts.
        #[test]
        fn any_text_reads_or_is_refused_like_serde(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-é🦀]{0,24}") {
            let ours = read(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
        }
    }
}
