use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "cpu-trap",
    title: "The CPU trap",
    unit: ("second", "seconds"),
    paragraphs: &[
        "Async is a way to wait well, not a way to compute for free. This scenario waits three \
         seconds for a server while, in another lane, it resizes a photo: two seconds of pure \
         computing that never pauses.",
        "Run it async and watch the dot. The wait costs nothing, but the resize holds the \
         page's only thread from start to end: for two seconds no frame is drawn and no click \
         is handled. The page freezes, async mode or not.",
        "A future gives the thread back only where an await finds its value not ready yet (in \
         Rust, where a poll returns Pending): only then does the event loop get the thread \
         back, to draw a frame or to run another lane. Awaiting something already done gives \
         nothing back, and code that computes without awaiting is, while it runs, as blocking \
         as any blocking call. Run it blocking to compare: five seconds, all frozen.",
        "There are two ways out: break the work into short bursts that give the thread back in \
         between (the next lesson), or move it off the main thread altogether.",
    ],
    notice: "The async run ends after three seconds, because the wait overlaps the resize, but \
             the page was frozen for two of them. Look at the async timeline: the red stripe \
             under the main thread is as long as the resize bar above it. The longest frame gap is about two seconds in both modes; \
             async saved time on the waiting, not on the computing.",
    question: Question::Total(Async),
    variants: &[Variant {
        name: "Work that never yields",
        scenario_json: r#"{"version": 1, "lanes": [
          {"name": "Server", "tasks": [{"kind": "wait", "label": "Wait for the server", "duration": 3}]},
          {"name": "Photo",  "tasks": [{"kind": "work", "label": "Resize the photo", "duration": 2, "burst_ms": 0}]}
        ]}"#,
    }],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Total(3.0), words: "ends after three seconds" },
        Claim { variant: 0, mode: Blocking, fact: Fact::Total(5.0), words: "five seconds, all frozen" },
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Culprit("Resize the photo"),
            words: "the resize holds the page's only thread",
        },
    ],
    code_tab: None,
};
