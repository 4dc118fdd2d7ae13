//! Writing JSON by hand, field by field and in order: the app's messages and exports, without
//! derived serializers (which weighed kilobytes of the first view). Values are written with
//! `serde_json::Value`, so strings are escaped and numbers read back exactly.

use serde_json::Value;

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

/// A string as JSON.
pub fn text(s: &str) -> String {
    Value::from(s).to_string()
}

/// A number as JSON (`null` when it is not finite).
pub fn number(x: f64) -> String {
    Value::from(x).to_string()
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
        assert_eq!(json, r#"{"type":"x","label":"say \"hi\"","n":1.5,"none":null,"list":[1.0,"a"]}"#);
        assert_eq!(Obj::default().end(), "{}");
        assert!(serde_json::from_str::<Value>(&json).is_ok());
    }
}
