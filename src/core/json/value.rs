//! A JSON value as read (`super::read`): objects keep their fields in the order written, and a
//! number keeps its text, so it is converted exactly when asked for, and written back as it
//! came. The names follow serde_json's, which this replaces in the app.

use std::fmt;
use std::ops::Index;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number as written in the JSON (already checked to be one).
#[derive(Clone, Debug, PartialEq)]
pub struct Number(String);

/// An object's fields in the order written; a field written twice keeps its last value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

static NULL: Value = Value::Null;

impl Number {
    /// Only `read` makes one from text, after checking it against JSON's grammar.
    pub(super) fn from_checked(text: &str) -> Number {
        Number(text.to_string())
    }

    /// Its exact nearest float; `None` when it is too large for one (`1e999`).
    pub fn as_f64(&self) -> Option<f64> {
        crate::core::number::parse(&self.0).filter(|x| x.is_finite())
    }

    /// Its value when it is written as a whole number that fits (`5`, not `5.0` or `-5`).
    pub fn as_u64(&self) -> Option<u64> {
        self.0.parse::<u64>().ok()
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Map {
    pub fn new() -> Map {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets a field: in its place when it is there, else at the end.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// Sets a field only when it is not there.
    pub fn insert_missing(&mut self, key: &str, value: Value) {
        if self.get(key).is_none() {
            self.0.push((key.to_string(), value));
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// A field of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }

    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number(n.to_string()))
    }
}

impl From<f64> for Value {
    /// `null` when it is not finite, as JSON has no such number.
    fn from(x: f64) -> Value {
        if x.is_finite() {
            Value::Number(Number(crate::core::number::text(x)))
        } else {
            Value::Null
        }
    }
}

/// `value["field"]`: the field, or `null` when it or the object is not there.
impl Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[i]`: the list's item, or `null`.
impl Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_convert_exactly_or_not_at_all() {
        let n = |t: &str| Number::from_checked(t);
        assert_eq!(n("0.1").as_f64(), Some(0.1));
        assert_eq!(n("2.0000000000000004").as_f64(), Some(2.0000000000000004));
        assert_eq!(n("1e999").as_f64(), None);
        assert_eq!(n("5").as_u64(), Some(5));
        assert_eq!(n("5.0").as_u64(), None);
        assert_eq!(n("-5").as_u64(), None);
        assert_eq!(n("1e2").to_string(), "1e2");
        assert_eq!(Value::from(f64::NAN), Value::Null);
    }

    #[test]
    fn maps_keep_order_and_the_last_value() {
        let mut m = Map::new();
        m.insert("b".into(), Value::from(1u64));
        m.insert("a".into(), Value::from("x"));
        m.insert("b".into(), Value::from(2u64));
        m.insert_missing("a", Value::Null);
        m.insert_missing("c", Value::Bool(true));
        let keys: Vec<&String> = m.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["b", "a", "c"]);
        let v = Value::Object(m);
        assert_eq!(v["b"].as_u64(), Some(2));
        assert_eq!(v["a"].as_str(), Some("x"));
        assert!(v["missing"].is_null() && v[0].is_null() && Value::Null["x"].is_null());
    }
}
