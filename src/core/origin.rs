//! Where the scenario on the page came from, as one value: the lesson whose text and question
//! stand beside it, and whether the scenario is one of that lesson's own (which one), loaded by
//! a message, or opened from a share link; edited by the learner since, or not. Its name in the
//! table of runs, the share bar's choice between a plain lesson link and a link that carries the
//! scenario, and the variant switch are all read from it; undo entries carry it, so Undo brings
//! back the lesson with the lanes.

use super::lesson::Lesson;
use super::scenario::Scenario;

/// How the scenario came to the page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// The lesson's scenario of this index.
    Variant(usize),
    /// A `load` message.
    Loaded,
    /// A share link.
    Shared,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Origin {
    /// The lesson on the page: its text, its question, its units.
    pub lesson: &'static Lesson,
    pub source: Source,
    /// Changed by the learner since it came.
    pub edited: bool,
}

impl Origin {
    /// The lesson's scenario `variant`, as it comes.
    pub fn variant_of(lesson: &'static Lesson, variant: usize) -> Origin {
        Origin { lesson, source: Source::Variant(variant), edited: false }
    }

    /// Saved work of the lesson's scenario `variant`: edited if it is not that scenario any more.
    pub fn saved(lesson: &'static Lesson, variant: usize, scenario: &Scenario) -> Origin {
        Origin { edited: *scenario != lesson.scenario(variant), ..Origin::variant_of(lesson, variant) }
    }

    /// The same origin, changed by the learner.
    pub fn edit(self) -> Origin {
        Origin { edited: true, ..self }
    }

    /// The lesson's scenario this came from, if it came from one.
    pub fn variant(&self) -> Option<usize> {
        match self.source {
            Source::Variant(index) => Some(index),
            Source::Loaded | Source::Shared => None,
        }
    }

    /// The lesson's own scenario, unchanged: a link to the lesson alone opens it as it is.
    pub fn is_lesson_own(&self) -> bool {
        self.variant().is_some() && !self.edited
    }

    /// What the scenario is called in the table of runs.
    pub fn name(&self) -> String {
        let own = match self.source {
            Source::Variant(index) => {
                self.lesson.variants.get(index).unwrap_or(&self.lesson.variants[0]).name
            }
            Source::Loaded => "Loaded scenario",
            Source::Shared => "Shared scenario",
        };
        if self.edited {
            format!("{own} (edited)")
        } else {
            own.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;

    #[test]
    fn names_and_links_follow_from_the_origin() {
        let race = lesson::find("race").unwrap();
        let check = |origin: Origin, name: &str, own: bool| {
            assert_eq!((origin.name().as_str(), origin.is_lesson_own()), (name, own), "{origin:?}");
        };
        check(Origin::variant_of(race, 0), "Lost update", true);
        check(Origin::variant_of(race, 1).edit(), "With a lock (edited)", false);
        check(Origin { lesson: race, source: Source::Loaded, edited: false }, "Loaded scenario", false);
        check(
            Origin { lesson: race, source: Source::Shared, edited: true },
            "Shared scenario (edited)",
            false,
        );
        assert_eq!(Origin::saved(race, 1, &race.scenario(1)), Origin::variant_of(race, 1));
        assert!(Origin::saved(race, 1, &race.scenario(0)).edited);
    }
}
