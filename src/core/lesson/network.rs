use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "network",
    title: "Async is not concurrent by itself",
    unit: ("second", "seconds"),
    paragraphs: &[
        "A page needs three things from a server: the user (2 seconds), their posts (1 second) \
         and the comments (3 seconds). Each request here is a real fetch, held back by a timer \
         so the network's delay is one you can see.",
        "The first scenario awaits them one by one in a single lane: ask for the user, await it, \
         ask for the posts, await them, and so on. To await is to say \u{201c}do not go on \
         until this is done\u{201d}, so each request starts only once the one before it has \
         finished. How long does that take in async mode?",
        "Async code is concurrent only while several things are in flight at once, and how you \
         get there differs. A JavaScript promise starts its work when it is made: call three \
         fetch functions, then await each result, and the requests already overlap. A Rust \
         future does nothing until it is polled: let a = user(); let b = posts(); a.await; \
         b.await; still sends the second request only after the first is done. The futures \
         must be polled together, which is what join! does.",
        "The second scenario gives each request its own lane and joins the lanes, so all three \
         are in flight at once: join! in Rust, Promise.all in JavaScript. The page stays \
         responsive either way, because waiting for the network holds no thread.",
    ],
    notice: "Compare the two async runs in the table of runs: even in async mode, one lane takes \
             six seconds; in three joined lanes the page has everything after three seconds, for \
             the same three requests. Only the second overlaps its waits. The \
             blocking run of either takes six seconds and freezes the page throughout.",
    question: Question::Total(Async),
    variants: &[
        Variant {
            name: "Awaited one by one",
            scenario_json: r#"{"version": 1, "lanes": [
              {"name": "Page", "tasks": [
                {"kind": "request", "label": "Fetch the user", "duration": 2},
                {"kind": "request", "label": "Fetch the posts", "duration": 1},
                {"kind": "request", "label": "Fetch the comments", "duration": 3}]}
            ]}"#,
        },
        Variant {
            name: "Three lanes, joined",
            scenario_json: r#"{"version": 1, "lanes": [
              {"name": "User",     "tasks": [{"kind": "request", "label": "Fetch the user", "duration": 2}]},
              {"name": "Posts",    "tasks": [{"kind": "request", "label": "Fetch the posts", "duration": 1}]},
              {"name": "Comments", "tasks": [{"kind": "request", "label": "Fetch the comments", "duration": 3}]}
            ]}"#,
        },
    ],
    claims: &[
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::Total(6.0),
            words: "even in async mode, one lane takes six seconds",
        },
        Claim { variant: 1, mode: Async, fact: Fact::Total(3.0), words: "everything after three seconds" },
        Claim {
            variant: 1,
            mode: Blocking,
            fact: Fact::Total(6.0),
            words: "blocking run of either takes six seconds",
        },
    ],
    code_tab: None,
};
