use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::Async;
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "debugging",
    title: "Finding what froze the page",
    unit: ("second", "seconds"),
    paragraphs: &[
        "Something on this page makes it stutter, and the code alone does not say what: three \
         lanes of async tasks, each innocent-looking. Asynchronous code is hard to debug because \
         its tasks interleave; this lesson reads a recorded run to find the culprit.",
        "Guess first, then run it async and read the timeline from the bottom up. The main \
         thread row shows when the thread was busy, and red stripes mark where no frame was \
         drawn for over 50 ms. Follow the longest stripe up: the bar sitting over it is the task \
         that held the thread.",
        "Notice the knock-on effect as well. The search results arrive after one second, but \
         their lane cannot resume until the thread is free again, so they are shown a second \
         late. One task that never yields delays every other task, not only the animation.",
    ],
    notice: "The culprit is \u{201c}Decode thumbnails\u{201d}: one long burst with no yield, \
             right above the red stripe. The model ends the run after two and a half seconds; \
             the measured run takes a little longer, because rendering the results in bursts \
             shares the thread with the frames drawn between them. The search results wait \
             behind the decoding. Give that task a burst size (select it, then set its burst) \
             and run again: the stripe is gone.",
    question: Question::Culprit,
    variants: &[Variant {
        name: "A stuttering page",
        scenario_json: r#"{"version": 1, "lanes": [
          {"name": "Search", "tasks": [
            {"kind": "request", "label": "Fetch results", "duration": 1},
            {"kind": "work", "label": "Render results", "duration": 0.5, "burst_ms": 8}]},
          {"name": "Thumbnails", "tasks": [
            {"kind": "wait", "label": "Read the cache", "duration": 0.5},
            {"kind": "work", "label": "Decode thumbnails", "duration": 1.5, "burst_ms": 0}]},
          {"name": "Analytics", "tasks": [{"kind": "request", "label": "Send analytics", "duration": 2}]}
        ]}"#,
    }],
    claims: &[
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Culprit("Decode thumbnails"),
            words: "Decode thumbnails",
        },
        Claim { variant: 0, mode: Async, fact: Fact::Total(2.5), words: "two and a half seconds" },
    ],
    code_tab: None,
};
