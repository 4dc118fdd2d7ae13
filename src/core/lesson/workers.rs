use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking, Workers};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "workers",
    title: "More hands for the work",
    unit: ("second", "seconds"),
    paragraphs: &[
        "Async lets one thread wait for many things at once. It does not give you a second \
         thread: every future here runs on the page's main thread, so two seconds of computing \
         cost two seconds of that thread however you await them. That is concurrency: many \
         tasks in progress at once, taking turns. Multithreading gives parallelism: more \
         workers, each with a thread of its own, computing at the same instant.",
        "Two photos need sharpening, two seconds of computing each, while the comments load. \
         Run it async: the total is four seconds, because the photos take turns on the one \
         thread, and since neither awaits anything the page is frozen for all four. The \
         comments, due after one and a half, arrive only when the thread is free again. \
         Blocking is worse still: five and a half seconds, all frozen.",
        "Now run it in workers. Each photo is posted to a Web Worker and sharpened there, both \
         at once if your machine has two cores, while the main thread only waits for the \
         replies. How long does it take then, and does the page keep drawing frames?",
        "Workers are not free. Each one has to start (fetch and compile its code), and every \
         job and every result travels between threads as a message. The workers row measures \
         both, so you can set the start-up beside the time it saved. And for waiting, futures \
         stay the right tool: a worker that only waits is a thread doing nothing.",
    ],
    notice: "The model says two seconds with two workers or more, and the page keeps drawing \
             frames all along. Press Compare all and read the run strip: blocking froze the page \
             for the whole run, async froze it for as long as both photos took, and workers kept \
             the frames coming and finished first. The cost of the workers, in their row, is what that speed \
             was paid with. Set Workers to 1 and run again: one worker takes the photos in turn, \
             as slow as async but with the page free.",
    question: Question::Total(Workers),
    variants: &[Variant {
        name: "Two photos to sharpen",
        scenario_json: r#"{"version": 1, "lanes": [
          {"name": "Comments", "tasks": [{"kind": "wait", "label": "Load the comments", "duration": 1.5}]},
          {"name": "Photo 1",  "tasks": [{"kind": "work", "label": "Sharpen photo 1", "duration": 2, "burst_ms": 0}]},
          {"name": "Photo 2",  "tasks": [{"kind": "work", "label": "Sharpen photo 2", "duration": 2, "burst_ms": 0}]}
        ]}"#,
    }],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Total(4.0), words: "the total is four seconds" },
        Claim {
            variant: 0,
            mode: Blocking,
            fact: Fact::Total(5.5),
            words: "five and a half seconds, all frozen",
        },
        Claim {
            variant: 0,
            mode: Workers,
            fact: Fact::Total(2.0),
            words: "two seconds with two workers or more",
        },
    ],
    code_tab: None,
};
