use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::Async;
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "errors",
    title: "When a request fails",
    unit: ("second", "seconds"),
    paragraphs: &[
        "Requests fail. Here the profile request gets back something that is not the JSON it \
         expects, so reading it fails, for real, in the browser. The error ends its lane: the \
         profile is never shown.",
        "How the error travels depends on the style. Callbacks have no rule of their own: in \
         Node's convention a callback takes an error first, and every callback must check it \
         and pass it on by hand. A promise rejects, skips the \
         then steps after it and lands in the next catch. With async/await the await throws, \
         and try/catch around it works as for any other error. In Rust the future returns an \
         Err, and the ? operator hands it to the caller at once.",
        "How the lanes are combined decides what one failure does to the rest. join waits for \
         every lane anyway, and the error is reported at the end (in JavaScript that is \
         Promise.allSettled). try_join gives up at the first error and drops the other lanes. \
         Promise.all also settles at the first rejection, but it cannot stop the other \
         promises: their requests run on, and their results are thrown away. How long does \
         each run take?",
        "Neither is always right: join when the other results are useful on their own, \
         try_join when one failure makes the rest pointless.",
    ],
    notice: "With join the photos still arrive and the run takes four seconds; with try_join \
             the run ends after two seconds, the photos cut off. The failed request's bar ends in \
             a red cap, and the task after it has no bar: it \
             never started. Open the code view to see the same failure in each style; the \
             JavaScript logs it as failed when you run it in the console.",
    question: Question::Total(Async),
    variants: &[
        Variant {
            name: "join: wait for all",
            scenario_json: r#"{"version": 1, "lanes": [
              {"name": "Profile", "tasks": [
                {"kind": "request", "label": "Fetch the profile", "duration": 2, "fails": true},
                {"kind": "wait", "label": "Show the profile", "duration": 1}]},
              {"name": "Photos", "tasks": [{"kind": "request", "label": "Fetch the photos", "duration": 4}]}
            ]}"#,
        },
        Variant {
            name: "try_join: stop at the first error",
            scenario_json: r#"{"version": 1, "combine": "try-join", "lanes": [
              {"name": "Profile", "tasks": [
                {"kind": "request", "label": "Fetch the profile", "duration": 2, "fails": true},
                {"kind": "wait", "label": "Show the profile", "duration": 1}]},
              {"name": "Photos", "tasks": [{"kind": "request", "label": "Fetch the photos", "duration": 4}]}
            ]}"#,
        },
    ],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Total(4.0), words: "the run takes four seconds" },
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Failed("Fetch the profile"),
            words: "the profile is never shown",
        },
        Claim { variant: 1, mode: Async, fact: Fact::Total(2.0), words: "the run ends after two seconds" },
        Claim {
            variant: 1,
            mode: Async,
            fact: Fact::Cancelled("Fetch the photos"),
            words: "the photos cut off",
        },
    ],
    code_tab: None,
};
