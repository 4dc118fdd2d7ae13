use super::{Claim, Fact, Lesson, Variant};
use crate::core::mode::Mode::{Async, Blocking};
use crate::core::question::Question;

pub const LESSON: Lesson = Lesson {
    id: "callbacks-promises-await",
    title: "Callbacks, promises and async/await",
    unit: ("minute", "minutes"),
    paragraphs: &[
        "Breakfast: the kettle takes four minutes to boil, then you pour the tea; the toaster \
         takes two, then half a minute of buttering. The code view below writes this timeline in four \
         styles; it is generated from the timeline, so edit a task and watch the code change.",
        "Callbacks came first: you hand a function to whatever waits, and it calls your function \
         when it is done. Each step nests inside the one before, and an error has to be checked \
         and passed on by hand at every level.",
        "A promise is an object standing for a result that arrives later. Steps chain with then, \
         several promises combine with Promise.all, and one catch at the end handles an error \
         from any step.",
        "async and await make the same chain read like plain step-by-step code: await pauses \
         the function, not the thread, until the promise settles. Rust's .await reads the same, \
         with one difference: a Rust future does nothing until it is awaited or joined, where a \
         JavaScript promise starts its work the moment it is made; join! waits for several at \
         once. The schedule is the same in every style. Which is ready first, the tea or the \
         toast?",
        "Three slips read the same in every style. A forgotten await: the code goes on without \
         the result (in JavaScript the work still happens, unwatched; in Rust it never starts). \
         An await inside a loop: each step waits for the one before, as the next lesson shows. \
         A promise left floating, never awaited nor caught: its error reaches only the page's \
         unhandledrejection event (in Rust the compiler warns of a future never used).",
    ],
    notice: "The toast is buttered after two and a half minutes, the tea poured after four and \
             a half: the toaster lane finished first and the kettle lane last, as in every style \
             of the code. The buttering and the pouring measure a little longer than the model's \
             figures, because the frames drawn between their bursts use the thread too. Try the JavaScript tabs in the browser console: they log each step as it \
             finishes, in the order the timeline shows. The blocking run takes seven minutes, one \
             step after another.",
    question: Question::FirstLane(Async),
    variants: &[Variant {
        name: "Breakfast",
        scenario_json: r#"{"version": 1, "lanes": [
          {"name": "Kettle",  "tasks": [
            {"kind": "wait", "label": "Boil the water", "duration": 4},
            {"kind": "work", "label": "Pour the tea", "duration": 0.5, "burst_ms": 8}]},
          {"name": "Toaster", "tasks": [
            {"kind": "wait", "label": "Toast the bread", "duration": 2},
            {"kind": "work", "label": "Butter the toast", "duration": 0.5, "burst_ms": 8}]}
        ]}"#,
    }],
    claims: &[
        Claim { variant: 0, mode: Async, fact: Fact::Total(4.5), words: "tea poured after four and a half" },
        Claim {
            variant: 0,
            mode: Async,
            fact: Fact::FirstLane("Toaster"),
            words: "toaster lane finished first",
        },
        Claim { variant: 0, mode: Blocking, fact: Fact::Total(7.0), words: "The blocking run takes seven minutes" },
    ],
    code_tab: Some("js-callbacks"),
};
