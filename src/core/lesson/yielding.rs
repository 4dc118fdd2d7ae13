use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::Async;
use crate::core::question::Question;

/// The same scenario with the work yielding five ways; only `yield` differs.
macro_rules! crunch {
    ($yield:literal) => {
        concat!(
            r#"{"version": 1, "lanes": [
              {"name": "Clock", "tasks": [{"kind": "wait", "label": "A timer due at 0.5 s", "duration": 0.5}]},
              {"name": "Work",  "tasks": [{"kind": "work", "label": "Crunch numbers", "duration": 1.5, "burst_ms": 8, "yield": ""#,
            $yield,
            r#""}]}]}"#
        )
    };
}

pub const LESSON: Lesson = Lesson {
    id: "yielding",
    title: "Five ways to give the thread back",
    unit: ("second", "seconds"),
    paragraphs: &[
        "The way out of the CPU trap is to compute in short bursts and give the thread back in \
         between, so the browser can draw a frame and handle input. Here 1.5 seconds of number \
         crunching runs in 8 ms bursts beside a timer due after half a second. How the work \
         gives the thread back decides what happens: pick one of the five ways, run it async, \
         then try the next.",
        "A microtask (awaiting a promise that has already resolved) runs before the browser may \
         render, take input or fire a timer. setTimeout(0) really gives the thread back, but \
         after a few timeouts set inside timeouts, browsers make each wait at least 4 ms; \
         whether a timeout set from a promise's continuation counts as nested differs between \
         browsers (the HTML standard says it should not, and WebKit follows it).",
        "requestAnimationFrame hands over until the next frame: one burst a frame, at 60 frames \
         a second. A MessageChannel message gives the thread back and takes it again at once. \
         scheduler.yield(), where the browser has it, queues the rest of the work ahead of \
         other tasks of the same priority: the browser still draws frames in between, but a \
         timer that falls due meanwhile waits behind the work. Guess what each way costs \
         before you run it.",
    ],
    notice: "With a MessageChannel the model says 1.5 seconds, and the run takes longer by \
             however long the browser spends drawing frames between the bursts. Microtasks never \
             give the thread away: the page freezes for the whole 1.5 seconds, and even the timer \
             waits until the work is done. Where setTimeout's 4 ms applies, every yield costs \
             that much idle time and the work takes about 2.2 seconds; one burst a frame takes \
             about 3.1 seconds. With scheduler.yield(), where the browser has it, the work ends as \
             with a MessageChannel, but the timer due at half a second fires only after it. Set the runs side by side in \
             the table of runs: total time and longest frame gap. \
             Only the microtask run froze the page from start to end. setTimeout and \
             requestAnimationFrame paid for smoothness with idle time; the MessageChannel run's \
             extra time went on drawing frames, which is what yielding is for. Where a browser \
             has no scheduler.yield(), the playground uses a MessageChannel instead.",
    question: Question::Total(Async),
    variants: &[
        Variant { name: "MessageChannel", scenario_json: crunch!("message-channel") },
        Variant { name: "Microtask", scenario_json: crunch!("microtask") },
        Variant { name: "setTimeout(0)", scenario_json: crunch!("set-timeout") },
        Variant { name: "requestAnimationFrame", scenario_json: crunch!("animation-frame") },
        Variant { name: "scheduler.yield()", scenario_json: crunch!("scheduler-yield") },
    ],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Total(1.5), words: "the model says 1.5 seconds" },
        Claim { variant: 1, mode: Async, fact: Fact::Total(1.5), words: "freezes for the whole 1.5 seconds" },
        Claim {
            variant: 1,
            mode: Async,
            fact: Fact::Culprit("Crunch numbers"),
            words: "Only the microtask run froze the page",
        },
        Claim { variant: 2, mode: Async, fact: Fact::Total(2.232), words: "about 2.2 seconds" },
        Claim { variant: 3, mode: Async, fact: Fact::Total(3.1207), words: "about 3.1 seconds" },
        Claim {
            variant: 4,
            mode: Async,
            fact: Fact::Total(1.5),
            words: "With scheduler.yield(), where the browser has it, the work ends as with a MessageChannel",
        },
    ],
    code_tab: None,
};
