//! Lessons: a scenario with a short text, written in our own words from the course material.
//!
//! Each lesson's claims about totals are checked against the prediction in the tests below,
//! so the text can never drift from what the model says.

use super::scenario::Scenario;

/// One lesson as shown on the page.
#[derive(Debug, PartialEq)]
pub struct Lesson {
    /// The id used in `?lesson=<id>`.
    pub id: &'static str,
    pub title: &'static str,
    /// What one scenario unit stands for in the story, singular and plural.
    pub unit: (&'static str, &'static str),
    /// Two to five short paragraphs.
    pub paragraphs: &'static [&'static str],
    /// What to look at once a run has finished.
    pub notice: &'static str,
    /// Scenario JSON, version 1.
    scenario_json: &'static str,
}

impl Lesson {
    /// The lesson's scenario. Every lesson's JSON is checked by the tests, so this cannot fail.
    pub fn scenario(&self) -> Scenario {
        Scenario::from_json(self.scenario_json).expect("lesson scenarios are valid")
    }

    /// `n` units in the story's words, e.g. "5 minutes".
    pub fn units(&self, n: f64) -> String {
        let n = (n * 100.0).round() / 100.0;
        let word = if n == 1.0 { self.unit.0 } else { self.unit.1 };
        format!("{n} {word}")
    }
}

/// The lesson shown when the URL names none.
pub const DEFAULT_ID: &str = "ticket-queue";

/// Every lesson, in course order.
pub const ALL: &[Lesson] = &[Lesson {
    id: "ticket-queue",
    title: "The ticket queue",
    unit: ("minute", "minutes"),
    paragraphs: &[
        "You are at the cinema. Getting to the front of the ticket queue takes five minutes, \
         and you also want two minutes of selfies in front of the poster.",
        "Done one after the other, that is seven minutes: you stand in line doing nothing else, \
         then you take the photos. This is the synchronous, blocking way.",
        "But standing in a queue is only waiting, and your hands are free. Take the selfies \
         while the queue moves and you reach the counter after five minutes, photos done. \
         This is the asynchronous way: while one task waits, another gets on with its work.",
        "The playground plays the story fast: at the default time scale a minute lasts one \
         second. Run it both ways and keep an eye on the moving dot: a blocking run holds the \
         page's only thread, so the page freezes; an async run gives the thread back whenever \
         it waits, so the page stays alive.",
    ],
    notice: "The async run ends after about five minutes because waiting needs no thread: the \
             selfies are taken in bursts of a few milliseconds between frames, so the dot never \
             stops. The selfies themselves take a little longer than predicted: between bursts \
             the browser draws frames, and drawing needs the thread too. The blocking run takes \
             seven, and the page cannot draw a single frame until it is over: the longest frame \
             gap is the whole run.",
    scenario_json: r#"{"version": 1,
        "lanes": [
          {"name": "You",   "tasks": [{"kind": "wait", "label": "Wait in the ticket queue", "duration": 5}]},
          {"name": "Phone", "tasks": [{"kind": "work", "label": "Take selfies", "duration": 2, "burst_ms": 8}]}
        ]}"#,
}];

/// The lesson with this id.
pub fn find(id: &str) -> Option<&'static Lesson> {
    ALL.iter().find(|l| l.id == id)
}

/// The lesson shown when none is named.
pub fn default_lesson() -> &'static Lesson {
    find(DEFAULT_ID).expect("the default lesson exists")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::mode::Mode;
    use crate::core::predict::predict;

    #[test]
    fn every_lesson_is_valid_and_has_two_to_five_paragraphs() {
        for lesson in ALL {
            assert!(Scenario::from_json(lesson.scenario_json).is_ok(), "{}", lesson.id);
            assert!((2..=5).contains(&lesson.paragraphs.len()), "{}", lesson.id);
            assert_eq!(find(lesson.id), Some(lesson));
        }
        assert_eq!(default_lesson().id, DEFAULT_ID);
        assert_eq!(find("no-such-lesson"), None);
    }

    #[test]
    fn the_ticket_queue_is_seven_minutes_blocking_and_five_async() {
        let lesson = find("ticket-queue").unwrap();
        let s = lesson.scenario();
        assert_eq!(predict(&s, Mode::Blocking, 1000.0).total_units(), 7.0);
        assert_eq!(predict(&s, Mode::Async, 1000.0).total_units(), 5.0);
        // The text says so too.
        let text = lesson.paragraphs.join(" ");
        assert!(text.contains("seven minutes") && text.contains("five minutes"));
        assert!(lesson.notice.contains("five") && lesson.notice.contains("seven"));
    }

    #[test]
    fn units_read_as_the_story_says() {
        let lesson = default_lesson();
        assert_eq!(lesson.units(1.0), "1 minute");
        assert_eq!(lesson.units(5.0), "5 minutes");
        assert_eq!(lesson.units(4.996), "5 minutes");
        assert_eq!(lesson.units(5.123), "5.12 minutes");
    }
}
