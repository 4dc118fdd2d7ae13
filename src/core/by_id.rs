//! A map from task ids to values, as a vector indexed by the id: ids are small and dense
//! (assigned from 1 in lane order, and a new task takes the next), so this is all a map needs,
//! and the first view carries no hash map for it. The run's records and report, the drawn
//! timeline's columns and the live bars look tasks up by it.

use super::scenario::TaskId;

#[derive(Clone, Debug, PartialEq)]
pub struct ById<T>(Vec<Option<T>>);

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById(Vec::new())
    }
}

impl<T> ById<T> {
    pub fn insert(&mut self, id: TaskId, value: T) {
        let i = id.0 as usize;
        if i >= self.0.len() {
            self.0.resize_with(i + 1, || None);
        }
        self.0[i] = Some(value);
    }

    pub fn get(&self, id: TaskId) -> Option<&T> {
        self.0.get(id.0 as usize)?.as_ref()
    }
}

impl<T> FromIterator<(TaskId, T)> for ById<T> {
    fn from_iter<I: IntoIterator<Item = (TaskId, T)>>(pairs: I) -> Self {
        let mut map = ById::default();
        for (id, value) in pairs {
            map.insert(id, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_inserted_and_nothing_else() {
        let mut m: ById<&str> = [(TaskId(3), "c"), (TaskId(1), "a")].into_iter().collect();
        assert_eq!((m.get(TaskId(1)), m.get(TaskId(2)), m.get(TaskId(3))), (Some(&"a"), None, Some(&"c")));
        assert_eq!(m.get(TaskId(99)), None);
        m.insert(TaskId(3), "C");
        assert_eq!(m.get(TaskId(3)), Some(&"C"));
    }
}
