//! Where the first scenario comes from when the page opens: a share link in the fragment, the
//! learner's autosaved work, or the lesson the URL names, in that order. Pure: the shell reads
//! the fragment and the storage, and does what the result says.

use super::cap;
use super::lesson::Lesson;
use super::origin::{Origin, Source};
use super::params::Params;
use super::scenario::Scenario;
use super::share::{Decoded, ShareError};
use super::storage::{Loaded, StorageError};

/// What the page opens with.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    pub scenario: Scenario,
    /// Where the scenario came from (its name in the table of runs follows from it).
    pub origin: Origin,
    pub scale: f64,
    pub cap_ms: f64,
    /// The size of the worker pool (the shell sets it from the machine's cores).
    pub workers: usize,
    /// Problems to show (a damaged link, a corrupt save, a bad URL value).
    pub notices: Vec<String>,
    /// The saved entry could not be read: the shell sets it aside rather than overwrite it.
    pub set_aside: bool,
    /// The saved entry is another lesson's work, not opened now: the shell keeps a copy under
    /// [`storage::PREVIOUS_KEY`](super::storage::PREVIOUS_KEY) before autosave replaces it.
    pub keep_previous: bool,
    /// Runs, no editing (`readonly=1`).
    pub readonly: bool,
}

/// Whether saved work is the learner's own (not a lesson's scenario as it comes), so worth
/// keeping a copy of.
fn edited(loaded: &Loaded) -> bool {
    let s = &loaded.saved;
    Origin::saved(s.lesson, s.variant, &s.scenario).edited
}

/// The start for a page whose URL gave `params`, whose fragment held `link` (if it had an
/// `s=`), and whose storage held `saved` (if anything).
pub fn start(
    params: &Params,
    link: Option<Result<Decoded, ShareError>>,
    saved: Option<Result<Loaded, StorageError>>,
) -> Start {
    Start { readonly: params.readonly, ..opened(params, link, saved) }
}

/// What opens, read-only or not.
fn opened(
    params: &Params,
    link: Option<Result<Decoded, ShareError>>,
    saved: Option<Result<Loaded, StorageError>>,
) -> Start {
    let mut notices = params.warnings.clone();
    let lesson_start = |lesson: &'static Lesson, scale: f64, notices: Vec<String>| Start {
        scenario: lesson.scenario(0),
        origin: Origin::variant_of(lesson, 0),
        scale,
        cap_ms: cap::DEFAULT_MS,
        workers: 1,
        notices,
        set_aside: false,
        keep_previous: false,
        readonly: false,
    };
    match link {
        Some(Ok(decoded)) => {
            notices.extend(decoded.warnings);
            // A saved entry that cannot be read is set aside here too, before anything is saved.
            let set_aside = if let Some(Err(why)) = &saved {
                notices.push(why.to_string());
                true
            } else {
                false
            };
            let shared = decoded.shared;
            let lesson = shared.lesson.unwrap_or(params.lesson);
            return Start {
                scenario: shared.scenario,
                origin: Origin { lesson, source: Source::Shared, edited: false },
                scale: shared.scale.unwrap_or(params.scale),
                cap_ms: cap::DEFAULT_MS,
                workers: 1,
                notices,
                set_aside,
                keep_previous: saved.as_ref().is_some_and(|s| s.as_ref().is_ok_and(edited)),
                readonly: false,
            };
        }
        Some(Err(why)) => notices.push(why.to_string()),
        None => {}
    }
    match saved {
        // A URL naming another lesson than the saved one opens that lesson: a course page's
        // link must show what it promises. The saved work stays saved until it is replaced.
        Some(Ok(loaded)) if !params.lesson_given || loaded.saved.lesson.id == params.lesson.id => {
            notices.extend(loaded.warnings);
            let s = loaded.saved;
            Start {
                origin: Origin::saved(s.lesson, s.variant, &s.scenario),
                scenario: s.scenario,
                scale: if params.scale_given { params.scale } else { s.scale },
                cap_ms: s.cap_ms,
                workers: 1,
                notices,
                set_aside: false,
                keep_previous: false,
                readonly: false,
            }
        }
        Some(Ok(loaded)) => {
            Start { keep_previous: edited(&loaded), ..lesson_start(params.lesson, params.scale, notices) }
        }
        Some(Err(why)) => {
            // The message says the entry was set aside; the shell does so before anything is saved.
            notices.push(why.to_string());
            Start { set_aside: true, ..lesson_start(params.lesson, params.scale, notices) }
        }
        None => lesson_start(params.lesson, params.scale, notices),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson;
    use crate::core::share::{self, Shared};
    use crate::core::storage::{self, Saved};

    fn saved(lesson_id: &str, scale: f64) -> String {
        let lesson = lesson::find(lesson_id).unwrap();
        let mut lanes = lesson.scenario(0).to_json();
        lanes = lanes.replace("\"name\":\"", "\"name\":\"My ");
        storage::save(&Saved {
            scenario: Scenario::from_json(&lanes).unwrap(),
            lesson,
            variant: 0,
            scale,
            cap_ms: 12_000.0,
        })
    }

    fn link() -> String {
        let race = lesson::find("race").unwrap();
        format!(
            "#s={}",
            share::encode(&Shared { scenario: race.scenario(1), lesson: Some(race), scale: Some(250.0) })
        )
    }

    #[test]
    fn a_link_comes_first_and_keeps_the_saved_work_aside() {
        let params = Params::from_query("");
        let s = start(&params, share::from_fragment(&link()), Some(storage::load(&saved("io-waits", 100.0))));
        assert_eq!(
            (s.origin.lesson.id, s.scale, s.origin.name().as_str()),
            ("race", 250.0, "Shared scenario")
        );
        assert_eq!(s.scenario, lesson::find("race").unwrap().scenario(1));
        assert!(s.keep_previous && !s.set_aside && s.notices.is_empty());
    }

    #[test]
    fn a_damaged_link_is_explained_and_the_saved_work_opens() {
        let params = Params::from_query("");
        let s =
            start(&params, share::from_fragment("#s=1.%%%"), Some(storage::load(&saved("io-waits", 100.0))));
        assert_eq!(s.origin.lesson.id, "io-waits");
        assert_eq!(s.scale, 100.0);
        assert_eq!(s.cap_ms, 12_000.0);
        assert_eq!(s.origin.name(), "Three file reads (edited)");
        assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    }

    #[test]
    fn a_url_naming_another_lesson_opens_it_and_keeps_the_saved_work() {
        let params = Params::from_query("lesson=race&scale=40");
        let s = start(&params, None, Some(storage::load(&saved("io-waits", 100.0))));
        assert_eq!((s.origin.lesson.id, s.scale), ("race", 40.0));
        assert!(s.keep_previous);
        // The same lesson: the saved work, at the URL's scale.
        let params = Params::from_query("lesson=io-waits&scale=40");
        let s = start(&params, None, Some(storage::load(&saved("io-waits", 100.0))));
        assert_eq!((s.origin.name().as_str(), s.scale), ("Three file reads (edited)", 40.0));
    }

    #[test]
    fn a_link_sets_aside_a_save_that_cannot_be_read() {
        let params = Params::from_query("");
        let s = start(
            &params,
            share::from_fragment(&link()),
            Some(storage::load("{\"version\": 1, \"scenario\": tru")),
        );
        assert_eq!(s.origin.lesson.id, "race");
        assert!(s.set_aside && !s.keep_previous);
        assert!(s.notices[0].contains("set aside"), "{:?}", s.notices);
    }

    #[test]
    fn only_edited_work_is_copied_aside() {
        let lesson = lesson::find("io-waits").unwrap();
        let untouched = storage::save(&Saved {
            scenario: lesson.scenario(0),
            lesson,
            variant: 0,
            scale: 100.0,
            cap_ms: 10_000.0,
        });
        let s = start(&Params::from_query("lesson=race"), None, Some(storage::load(&untouched)));
        assert!(!s.keep_previous, "a lesson's own scenario is not worth a copy");
    }

    #[test]
    fn a_corrupt_save_is_set_aside_with_a_message() {
        let params = Params::from_query("");
        let s = start(&params, None, Some(storage::load("{\"version\": 1, \"scenario\": tru")));
        assert!(s.set_aside);
        assert_eq!(s.origin.lesson.id, lesson::DEFAULT_ID);
        assert!(
            s.notices[0].contains("cannot be read") && s.notices[0].contains("set aside"),
            "{:?}",
            s.notices
        );
        let fresh = start(&params, None, None);
        assert_eq!(fresh.scenario, lesson::default_lesson().scenario(0));
        assert!(!fresh.set_aside && !fresh.keep_previous);
    }
}
