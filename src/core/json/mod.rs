//! JSON by hand, without serde: the app's messages and exports written field by field and in
//! order (derived serializers weighed kilobytes of the first view), and JSON text read into a
//! `Value` (`read.rs`, `value.rs`). Strings are escaped as JSON asks; numbers are written in
//! Rust's shortest form that reads back exactly. Straight into one buffer: the message that
//! ends a run of ten thousand tasks is a megabyte of it.

mod compact;
mod read;
mod value;

pub use compact::{compact, compact_len};
pub use read::{read, read_bytes, MAX_DEPTH};
pub use value::{Map, Number, Value};

/// A JSON object, written field by field.
pub struct Obj(String);

impl Obj {
    pub fn new() -> Obj {
        Obj("{".into())
    }

    /// An object whose first field is its `type`.
    pub fn typed(kind: &str) -> Obj {
        Obj::new().field("type", text(kind))
    }

    /// Adds a field whose value is already JSON.
    pub fn field(mut self, name: &str, json: String) -> Obj {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(name);
        self.0.push_str("\":");
        self.0.push_str(&json);
        self
    }

    pub fn end(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

impl Default for Obj {
    fn default() -> Obj {
        Obj::new()
    }
}

/// A string as JSON: the same escaping as a JavaScript string literal in generated code (every
/// JSON string it writes is also one), so `<` and invisible characters are escaped too.
pub fn text(s: &str) -> String {
    super::codegen::literal::js_str(s)
}

/// A number as JSON (`null` when it is not finite): `1.5`, `2`, `-0.25`.
pub fn number(x: f64) -> String {
    if x.is_finite() {
        super::number::text(x)
    } else {
        "null".into()
    }
}

/// Any JSON value written back as JSON, on one line (to quote it in a message): numbers as
/// they were written.
pub fn value(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, None);
    out
}

/// A JSON value laid out for reading, two spaces a level (the results file as saved).
pub fn pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, Some(0));
    out
}

/// Writes `v` into `out`; `indent` is the level when laid out, `None` on one line.
fn write(out: &mut String, v: &Value, indent: Option<usize>) {
    let newline = |out: &mut String, level: Option<usize>| {
        if let Some(level) = level {
            out.push('\n');
            out.push_str(&"  ".repeat(level));
        }
    };
    let inner = indent.map(|l| l + 1);
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&text(s)),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write(out, item, inner);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                out.push_str(&text(k));
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

/// A number or `null`.
pub fn maybe(x: Option<f64>) -> String {
    x.map_or_else(|| "null".into(), number)
}

/// A list of values already JSON.
pub fn list(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_are_written_in_order_and_read_back() {
        let json = Obj::typed("x")
            .field("label", text("say \"hi\""))
            .field("n", number(1.5))
            .field("none", maybe(None))
            .field("list", list([number(1.0), text("a")]))
            .end();
        assert_eq!(json, r#"{"type":"x","label":"say \"hi\"","n":1.5,"none":null,"list":[1,"a"]}"#);
        assert_eq!(Obj::default().end(), "{}");
        assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }

    #[test]
    fn strings_and_numbers_read_back_as_written() {
        for s in [
            "",
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\r",
            "bell \u{7} nul \u{0}",
            "ünïcödé ✓ 🦀",
        ] {
            let read: serde_json::Value = serde_json::from_str(&text(s)).unwrap();
            assert_eq!(read.as_str(), Some(s), "{s:?} as {}", text(s));
        }
        for x in [0.0, -0.0, 1.0, 1.5, -0.25, 1e-7, 123_456.789, 1e21, f64::MAX, f64::MIN_POSITIVE] {
            let read: serde_json::Value = serde_json::from_str(&number(x)).unwrap();
            assert_eq!(read.as_f64(), Some(x), "{x} as {}", number(x));
        }
        assert_eq!([number(f64::NAN), number(f64::INFINITY)], ["null", "null"]);
    }

    #[test]
    fn any_value_is_written_back_as_json_that_reads_the_same() {
        let json = r#"{"a":[1,-2,18446744073709551615,0.5,1e300,true,null],"b":{"c":"x \"y\""},"":[]}"#;
        let v = read(json).unwrap();
        assert_eq!(value(&v), json, "fields in order, numbers as written");
        let laid_out = pretty(&v);
        assert_eq!(read(&laid_out).unwrap(), v);
        assert!(laid_out.starts_with("{\n  \"a\": [\n    1,\n    -2,"), "{laid_out}");
        assert!(laid_out.ends_with("\"\": []\n}"), "{laid_out}");
        let theirs: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::from_str::<serde_json::Value>(&laid_out).unwrap(), theirs);
    }
}
