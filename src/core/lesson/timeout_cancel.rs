use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "timeout-cancel",
    title: "Timeouts and cancellation",
    unit: ("second", "seconds"),
    paragraphs: &[
        "A request that might hang needs a time limit. Here a fetch that takes five seconds \
         races a three-second timer, and whichever finishes first wins. In Rust the race is \
         select!; in JavaScript, Promise.race.",
        "Which finishes first? The loser is not left running in the background: its future is \
         dropped, and dropping a Rust future cancels it. Here a request is a real fetch of a \
         small file plus a timer for the network's delay: dropping it clears the timer and, if \
         the fetch is still going, aborts it through its AbortSignal. The timeline draws the \
         loser as a bar cut off where it lost.",
        "Then switch to the fast network and guess again. JavaScript differs here: a promise that \
         loses a race keeps running unless you stop it yourself, with an AbortController or \
         clearTimeout.",
        "A blocking program cannot race at all. It is stuck inside the first call until that \
         returns, so the blocking run takes the full five seconds before it even gets to the \
         timer.",
    ],
    notice: "The timer wins after three seconds; on the fast network the fetch wins after two \
             seconds instead, and the timer is the one dropped. The cut-off bar ends exactly where \
             the winner's bar ends: that is the moment the \
             loser was dropped. Nothing of it ran afterwards; the run's total is the winner's \
             time.",
    question: Question::FirstLane(Async),
    variants: &[
        Variant {
            name: "Slow network",
            scenario_json: r#"{"version": 1, "combine": "select", "lanes": [
              {"name": "Download", "tasks": [{"kind": "request", "label": "Fetch the report", "duration": 5}]},
              {"name": "Timeout",  "tasks": [{"kind": "wait", "label": "Give up after 3 seconds", "duration": 3}]}
            ]}"#,
        },
        Variant {
            name: "Fast network",
            scenario_json: r#"{"version": 1, "combine": "select", "lanes": [
              {"name": "Download", "tasks": [{"kind": "request", "label": "Fetch the report", "duration": 2}]},
              {"name": "Timeout",  "tasks": [{"kind": "wait", "label": "Give up after 3 seconds", "duration": 3}]}
            ]}"#,
        },
    ],
    claims: &[
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Total(3.0),
            words: "The timer wins after three seconds",
        },
        Claim { variant: 0, mode: Async, fact: Fact::FirstLane("Timeout"), words: "The timer wins" },
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Cancelled("Fetch the report"),
            words: "cut off where it lost",
        },
        Claim {
            variant: 1,
            mode: Async,
            fact: Fact::FirstLane("Download"),
            words: "the fetch wins after two seconds",
        },
        Claim {
            variant: 1,
            mode: Async,
            fact: Fact::Cancelled("Give up after 3 seconds"),
            words: "the timer is the one dropped",
        },
        Claim { variant: 0, mode: Blocking, fact: Fact::Total(5.0), words: "the full five seconds" },
    ],
    code_tab: None,
};
