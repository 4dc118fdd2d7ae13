use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "race",
    title: "The lost update",
    unit: ("second", "seconds"),
    paragraphs: &[
        "Two people like the same post at the same moment. Each like is a small async task: read \
         the like counter, talk to the server for two seconds, then write back what it read plus \
         one.",
        "Each task reads the counter, awaits the server, and only then writes, so both reads \
         can come before either write. Async code on one thread can go wrong here too, wherever \
         a value is read before an await and written after it. What does the counter say after \
         two likes?",
        "The second scenario holds a lock, an async mutex, from the read to the write: Bob's \
         task waits until Alice's has written. The price shows on the timeline: the updates no \
         longer overlap, so the run takes four seconds instead of two.",
        "The blocking run never loses the update, because nothing can run in between: it is \
         safe by doing one thing at a time, and slow for the same reason.",
    ],
    notice: "Both tasks read the counter before either wrote it: both read 0, both wrote 1, so \
             after two likes the counter says 1. One update is lost and nothing crashed: that is \
             a race condition. With the lock, Bob's task waits, then reads 1 and writes 2. Read \
             the counter in the results: 1 after the unlocked run, 2 after the locked one. \
             On the locked timeline, Bob's bar starts where Alice's ends. Hold a lock across an \
             await only as long as you must: every task that needs it waits in line.",
    question: Question::Counter(Async),
    variants: &[
        Variant {
            name: "Lost update",
            scenario_json: r#"{"version": 1, "lanes": [
              {"name": "Alice", "tasks": [{"kind": "update", "label": "Alice adds a like", "duration": 2}]},
              {"name": "Bob",   "tasks": [{"kind": "update", "label": "Bob adds a like", "duration": 2}]}
            ]}"#,
        },
        Variant {
            name: "With a lock",
            scenario_json: r#"{"version": 1, "lanes": [
              {"name": "Alice", "tasks": [{"kind": "update", "label": "Alice adds a like", "duration": 2, "lock": true}]},
              {"name": "Bob",   "tasks": [{"kind": "update", "label": "Bob adds a like", "duration": 2, "lock": true}]}
            ]}"#,
        },
    ],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Counter(1), words: "the counter says 1" },
        Claim { variant: 0, mode: Async, fact: Fact::Total(2.0), words: "instead of two" },
        Claim { variant: 1, mode: Async, fact: Fact::Counter(2), words: "then reads 1 and writes 2" },
        Claim { variant: 1, mode: Async, fact: Fact::Total(4.0), words: "takes four seconds" },
        Claim { variant: 0, mode: Blocking, fact: Fact::Counter(2), words: "never loses the update" },
    ],
    code_tab: None,
};
