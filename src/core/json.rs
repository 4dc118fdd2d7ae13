//! Writing JSON by hand, field by field and in order: the app's messages and exports, without
//! derived serializers (which weighed kilobytes of the first view). Strings are escaped as JSON
//! asks; numbers are written in Rust's shortest form that reads back exactly. Straight into one
//! buffer: the message that ends a run of ten thousand tasks is a megabyte of it.

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
        x.to_string()
    } else {
        "null".into()
    }
}

/// Any JSON value written back as JSON (to quote it in a message), without serde_json's
/// serializer: numbers as they were written.
pub fn value(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        // As it was written: serde_json keeps a number's text (`arbitrary_precision`).
        Value::Number(n) => n.to_string(),
        Value::String(s) => text(s),
        Value::Array(items) => format!("[{}]", items.iter().map(value).collect::<Vec<_>>().join(",")),
        Value::Object(fields) => {
            let fields: Vec<String> =
                fields.iter().map(|(k, v)| format!("{}:{}", text(k), value(v))).collect();
            format!("{{{}}}", fields.join(","))
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
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let written = value(&v);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), v, "{written}");
        assert!(written.contains("18446744073709551615,0.5,1e+300"), "numbers as read: {written}");
        assert_eq!(value(&serde_json::json!(5)), "5");
        assert_eq!(value(&serde_json::json!([true, "t"])), r#"[true,"t"]"#);
    }
}
