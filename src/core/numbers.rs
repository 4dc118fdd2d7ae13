//! Reading back a list of numbers that one of the playground's wasm binaries wrote for another
//! (`run_record`, `run_order`): two binaries share no memory, so what crosses between them is
//! one `Float64Array`. Every read is checked, so a list cut short or damaged is refused, never
//! read wrongly.
//!
//! A value of a plain enum (`Combine`, `YieldWith`, `Outcome`) is written as its declaration
//! order (`value as u8`) and read back as its place in the type's `ALL`: the two agree, as the
//! test below checks.

use super::scenario::TaskId;
use super::timing::Span;

/// Reads the numbers in order.
pub struct Reader<'a> {
    numbers: &'a [f64],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(numbers: &'a [f64]) -> Self {
        Reader { numbers, at: 0 }
    }

    pub fn number(&mut self) -> Option<f64> {
        let n = *self.numbers.get(self.at)?;
        self.at += 1;
        Some(n)
    }

    /// The next number, left to be read.
    pub fn peek(&self) -> Option<f64> {
        self.numbers.get(self.at).copied()
    }

    /// A whole number from 0 to `max`.
    pub fn whole(&mut self, max: f64) -> Option<usize> {
        let n = self.number()?;
        (n.fract() == 0.0 && (0.0..=max).contains(&n)).then_some(n as usize)
    }

    /// An index into a table of `len` items.
    pub fn index(&mut self, len: usize) -> Option<usize> {
        self.whole(len as f64 - 1.0)
    }

    pub fn flag(&mut self) -> Option<bool> {
        Some(self.whole(1.0)? == 1)
    }

    pub fn id(&mut self) -> Option<TaskId> {
        Some(TaskId(self.whole(f64::from(u32::MAX))? as u32))
    }

    pub fn span(&mut self) -> Option<Span> {
        Some(Span { start_ms: self.number()?, end_ms: self.number()? })
    }

    /// A list's length: no more items than numbers left (each item takes at least one).
    pub fn count(&mut self) -> Option<usize> {
        let left = self.numbers.len().saturating_sub(self.at + 1);
        self.whole(left as f64)
    }

    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.count()?;
        (0..n).map(|_| item(self)).collect()
    }

    /// Whether every number was read: a list with numbers left over is not what was written.
    pub fn done(&self) -> bool {
        self.at == self.numbers.len()
    }
}

/// A flag as a number: 1 or 0.
pub fn flag(b: bool) -> f64 {
    f64::from(u8::from(b))
}

#[cfg(test)]
mod tests {
    use crate::core::scenario::{Combine, YieldWith};
    use crate::core::timing::Outcome;

    #[test]
    fn codes_are_places_in_the_lists_of_all_values() {
        for (i, c) in Combine::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i);
        }
        for (i, y) in YieldWith::ALL.into_iter().enumerate() {
            assert_eq!(y as usize, i);
        }
        for (i, o) in Outcome::ALL.into_iter().enumerate() {
            assert_eq!(o as usize, i);
        }
    }
}
