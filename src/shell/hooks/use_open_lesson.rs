//! Opening another lesson from the picker: at once if its file has been read, else once it
//! has been fetched. Meanwhile the picker says it is loading; if the fetch fails it says why
//! and the lesson on the page stays. Only the latest choice counts: a slow fetch of a lesson
//! chosen before never replaces a later one. While the lesson is fetched, and until the frame
//! that draws it, the extras wait (`extras::hold`), so their start does not hold the thread the
//! lesson waits for.

use crate::core::lesson;
use crate::core::state::Action;
use crate::shell::runtime::extras;
use crate::shell::runtime::frames;
use crate::shell::runtime::lesson_files;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Where opening a lesson stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    Idle,
    /// Fetching the lesson with this title.
    Loading(&'static str),
    /// The fetch failed: why, for the learner.
    Failed(String),
}

pub struct UseOpenLessonHandle {
    pub opening: Opening,
    /// Opens the lesson with this id; the callback's second value is run if it fails.
    pub open: Callback<(String, Callback<()>)>,
}

#[hook]
pub fn use_open_lesson(on_action: Callback<Action>) -> UseOpenLessonHandle {
    let opening = use_state(|| Opening::Idle);
    let latest = use_memo((), |_| Rc::new(Cell::new(0u32)));
    let open = {
        let opening = opening.clone();
        let latest = (*latest).clone();
        Callback::from(move |(id, on_fail): (String, Callback<()>)| {
            let ticket = latest.get() + 1;
            latest.set(ticket);
            if let Some(found) = lesson::find(&id) {
                opening.set(Opening::Idle);
                on_action.emit(Action::ChooseLesson(found));
                return;
            }
            lesson::take_missing();
            let Some(entry) = lesson::CATALOGUE.iter().find(|e| e.id == id) else { return };
            opening.set(Opening::Loading(entry.title));
            let (opening, latest, on_action) = (opening.clone(), latest.clone(), on_action.clone());
            // While the lesson is fetched, and until the frame that draws it, the extras
            // neither start loading nor show their first views.
            let held = extras::hold();
            wasm_bindgen_futures::spawn_local(async move {
                let _held = held;
                let result = lesson_files::fetch(entry.id).await;
                if latest.get() != ticket {
                    return;
                }
                match result {
                    Ok(found) => {
                        opening.set(Opening::Idle);
                        on_action.emit(Action::ChooseLesson(found));
                    }
                    Err(why) => {
                        opening.set(Opening::Failed(why));
                        on_fail.emit(());
                    }
                }
                frames::frame_or_timeout(100).await;
            });
        })
    };
    UseOpenLessonHandle { opening: (*opening).clone(), open }
}
