use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "io-waits",
    title: "Waiting for the disk",
    unit: ("second", "seconds"),
    paragraphs: &[
        "A program starting up reads three files: its settings (2 seconds on a slow disk), a \
         list of users (3 seconds) and a logo (1 second). For almost all of that time the \
         program does nothing at all: it waits for the disk to hand over the bytes.",
        "Read them one after another and the waits add up to six seconds. That is the blocking \
         run, and for all six seconds the thread can do nothing else.",
        "Start all three reads, then wait for them together, and the waits overlap while the \
         thread is free throughout. How long does start-up take then?",
        "A web page cannot read your disk, so here a timer stands in for it: like a real read, \
         it asks the browser to call back later and holds no thread in the meantime. The \
         blocking run cannot even sleep: a page's main thread has no way to block on a timer \
         (Atomics.wait is refused there), so it spins in a loop until the time is up, holding \
         the thread just as a blocking read would.",
    ],
    notice: "The async run ends after about three seconds, the length of the slowest read, and \
             the logo is in first. The blocking run takes six, and the dot stops for all of \
             them. Nothing got faster: each read took as long as before. The waits overlapped, \
             and that is the whole trick.",
    question: Question::Total(Async),
    variants: &[Variant {
        name: "Three file reads",
        scenario_json: r#"{"version": 1, "lanes": [
          {"name": "Config", "tasks": [{"kind": "wait", "label": "Read config.toml", "duration": 2}]},
          {"name": "Users",  "tasks": [{"kind": "wait", "label": "Read users.csv", "duration": 3}]},
          {"name": "Logo",   "tasks": [{"kind": "wait", "label": "Read logo.png", "duration": 1}]}
        ]}"#,
    }],
    claims: &[
        Claim { variant: 0, mode: Blocking, fact: Fact::Total(6.0), words: "six seconds" },
        Claim { variant: 0, mode: Async, fact: Fact::Total(3.0), words: "ends after about three seconds" },
        Claim { variant: 0, mode: Async, fact: Fact::FirstLane("Logo"), words: "the logo is in first" },
    ],
    code_tab: None,
};
