//! A recorded run in words: each event as the event log lists it, each lane's state, and the
//! one sentence announced at each step ("1.20 s: Take selfies yields by MessageChannel
//! message; lane You waits on its timer, 3.80 s left").

use super::moment::{Cast, LaneState, Moment};
use super::{Event, What};
use crate::core::format::duration;

/// The event in words, its time left out: "Take selfies runs a burst of 8 ms".
pub fn event(cast: &Cast, e: &Event) -> String {
    let who = e.task.map_or_else(String::new, |t| cast.label(t));
    match e.what {
        What::Started => format!("{who} starts"),
        What::Ended(o) => format!("{who} ends ({})", o.as_str()),
        What::Burst { end_ms } => format!("{who} holds the main thread for {}", duration(end_ms - e.at_ms)),
        What::Yielded(how) => format!("{who} yields by {}", how.title()),
        What::TimerSet { due_ms } => format!("{who} sets a timer for {}", duration(due_ms - e.at_ms)),
        What::TimerFired => format!("{who}'s timer fires (a task): its future is woken"),
        What::FetchSent => format!("{who} sends its fetch"),
        What::FetchAnswered { ok: true } => format!("{who}'s fetch is answered: its future is woken"),
        What::FetchAnswered { ok: false } => format!("{who}'s fetch fails: its future is woken"),
        What::Resumed => format!("{who} is polled again (a microtask) and runs on"),
        What::Posted => format!("{who} is posted to the worker pool"),
        What::WorkerStarted(w) => format!("worker {} starts {who}", w + 1),
        What::WorkerFinished(w) => format!("worker {} finishes {who}: its reply is queued", w + 1),
        What::Replied => format!("the page reads {who}'s reply"),
        What::Frame => "a frame is drawn".into(),
        What::LongTask { end_ms } => format!("a long task of {} begins", duration(end_ms - e.at_ms)),
        What::Input { handled_ms } => {
            format!("an input: its handler waits {} for the main thread", duration(handled_ms - e.at_ms))
        }
    }
}

/// A lane's state in words, after its name: "waits on its timer, 3.80 s left".
pub fn lane(cast: &Cast, state: LaneState, at_ms: f64) -> String {
    let label = |t| cast.label(t);
    match state {
        LaneState::NotStarted => "has not started".into(),
        LaneState::Running(t) => format!("runs {}", label(t)),
        LaneState::Yielded(t, how) => {
            format!("has yielded {} by {}, queued to resume", label(t), how.title())
        }
        LaneState::Timer(_, due) => format!("waits on its timer, {} left", duration(due - at_ms)),
        LaneState::TimerDue(_, due) => {
            format!("waits for the main thread: its timer fell due {} ago", duration(at_ms - due))
        }
        LaneState::Fetch(t) => format!("waits on {}'s fetch", label(t)),
        LaneState::Woken(t) => format!("is woken: {} is polled next, as a microtask", label(t)),
        LaneState::ForWorker(t) => format!("waits for a free worker for {}", label(t)),
        LaneState::OnWorker(t, w) => format!("waits while worker {} runs {}", w + 1, label(t)),
        LaneState::ReplyQueued(t) => format!("waits for the main thread to read {}'s reply", label(t)),
        LaneState::Between(t) => format!("has finished {} and waits to go on", label(t)),
        LaneState::Done => "is done".into(),
        LaneState::Failed(t) => format!("failed at {}", label(t)),
        LaneState::Cancelled(t) => format!("was cancelled during {}", label(t)),
    }
}

/// What holds the main thread, in words.
pub fn thread(cast: &Cast, m: &Moment) -> String {
    match m.holder {
        Some((t, end)) => format!("A burst of {} holds it, {} left", cast.label(t), duration(end - m.at_ms)),
        None => "Free: timers, input and frames can run".into(),
    }
}

/// A lane as the subject of a sentence: "lane You", so the verb that follows ("waits", "is")
/// agrees whatever the lane is called; a name that already says it is a lane is left as it is.
pub fn lane_subject(name: &str) -> String {
    let says_lane = name.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("lane"))
        && !name[4..].starts_with(char::is_alphanumeric);
    if says_lane {
        name.to_string()
    } else {
        format!("lane {name}")
    }
}

/// The sentence announced at a step: the event, then every other lane's state.
pub fn step(cast: &Cast, m: &Moment, e: &Event) -> String {
    let own = e.task.and_then(|t| cast.lane_of(t));
    let others: Vec<String> = cast
        .lanes
        .iter()
        .zip(&m.lanes)
        .enumerate()
        .filter(|&(i, _)| Some(i) != own)
        .map(|(_, (l, &s))| format!("{} {}", lane_subject(&l.name), lane(cast, s, m.at_ms)))
        .collect();
    let mut sentence = format!("{}: {}", duration(e.at_ms), event(cast, e));
    for other in others {
        sentence.push_str("; ");
        sentence.push_str(&other);
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::super::at_or_before;
    use super::super::moment::tests::ticket_queue;
    use super::*;

    #[test]
    fn each_step_is_one_sentence_with_the_other_lanes() {
        let (cast, events) = ticket_queue();
        let say = |i: usize| {
            let e = &events[i];
            step(&cast, &Moment::at(&cast, &events, Some(i), e.at_ms), e)
        };
        assert_eq!(
            say(3),
            "0 ms: Take selfies holds the main thread for 8 ms; lane You waits on its timer, 5.00 s left"
        );
        assert_eq!(
            say(4),
            "8 ms: Take selfies yields by MessageChannel message; lane You waits on its timer, 4.99 s left"
        );
        assert_eq!(say(5), "8 ms: a frame is drawn; lane You waits on its timer, 4.99 s left; lane Phone has yielded Take selfies by MessageChannel message, queued to resume");
        assert_eq!(
            say(9),
            "5.00 s: Wait in the ticket queue's timer fires (a task): its future is woken; lane Phone is done"
        );
        let m = Moment::at(&cast, &events, at_or_before(&events, 4.0), 4.0);
        assert_eq!(lane_subject("Lane 2"), "Lane 2");
        assert_eq!(lane_subject("lane"), "lane");
        assert_eq!(lane_subject("Lanes"), "lane Lanes");
        assert_eq!(lane_subject("Lé"), "lane Lé");
        assert_eq!(thread(&cast, &m), "A burst of Take selfies holds it, 4 ms left");
    }
}
