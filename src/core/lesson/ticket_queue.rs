use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "ticket-queue",
    title: "The ticket queue",
    unit: ("minute", "minutes"),
    paragraphs: &[
        "You are at the cinema. Getting to the front of the ticket queue takes five minutes, \
         and you also want two minutes of selfies in front of the poster.",
        "Done one after the other, that is seven minutes: you stand in line doing nothing else, \
         then you take the photos. This is the synchronous, blocking way.",
        "But standing in a queue is only waiting, and your hands are free: you could take the \
         selfies while the queue moves. This is the asynchronous way: while one task waits, \
         another gets on with its work. How long does the whole thing take then?",
        "The playground plays the story fast: at the default time scale a minute lasts one \
         second. Run it both ways and keep an eye on the moving dot: a blocking run holds the \
         page's only thread, so the page freezes; an async run gives the thread back whenever \
         it waits, so the page stays alive.",
    ],
    notice: "The async run ends after about five minutes, photos done, because waiting needs no \
             thread: the selfies are taken in bursts of a few milliseconds between frames, so the \
             dot never stops. The selfies themselves take a little longer than predicted: between bursts \
             the browser draws frames, and drawing needs the thread too. The blocking run takes \
             seven, and the page cannot draw a single frame until it is over: the longest frame \
             gap is the whole run.",
    question: Question::Total(Async),
    variants: &[Variant {
        name: "The ticket queue",
        scenario_json: r#"{"version": 1,
        "lanes": [
          {"name": "You",   "tasks": [{"kind": "wait", "label": "Wait in the ticket queue", "duration": 5}]},
          {"name": "Phone", "tasks": [{"kind": "work", "label": "Take selfies", "duration": 2, "burst_ms": 8}]}
        ]}"#,
    }],
    claims: &[
        Claim { variant: 0, mode: Blocking, fact: Fact::Total(7.0), words: "seven minutes" },
        Claim { variant: 0, mode: Async, fact: Fact::Total(5.0), words: "ends after about five minutes" },
    ],
    code_tab: None,
};
