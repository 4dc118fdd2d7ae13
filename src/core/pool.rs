//! The worker pool that workers mode runs work on: its size, and what it cost a run.

use super::format::duration;
use super::format::Num;
use super::scenario::Data;
use super::stats::percentile;

/// The most workers the learner may ask for: more than any laptop has cores, so the cost of
/// oversubscribing can be seen, but few enough that starting them stays quick.
pub const MAX_WORKERS: usize = 16;

/// The pool size a page starts with: one worker per core the browser reports, at most four
/// (the main thread needs a core too), and one when it reports none.
pub fn default_size(hardware_concurrency: f64) -> usize {
    if hardware_concurrency.is_finite() && hardware_concurrency >= 1.0 {
        (hardware_concurrency as usize).min(4)
    } else {
        1
    }
}

/// A pool size the learner typed, if it is a whole number from 1 to [`MAX_WORKERS`].
pub fn parse_size(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_WORKERS).contains(&n) => Ok(n),
        _ => Err(format!("The number of workers must be a whole number from 1 to {MAX_WORKERS}.")),
    }
}

/// The raw times of one workers run's pool, on the page's clock (milliseconds).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PoolTimes {
    pub size: usize,
    /// When the pool was asked to start its workers.
    pub spawned_ms: f64,
    /// When each worker that was ready during the run was (its wasm loaded and its handler
    /// set up).
    pub ready_ms: Vec<f64>,
    pub jobs: Vec<JobTimes>,
}

/// One job's way to a worker and back.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JobTimes {
    /// When it was handed to a worker (its task's start; the worker may still be starting).
    pub posted_ms: f64,
    /// When the page called `postMessage` (once the worker was ready), and how long the call
    /// held the page's thread: copying the data happens inside it.
    pub sent_ms: f64,
    pub post_ms: f64,
    /// When the worker started and ended it, and when the page had the reply.
    pub started_ms: f64,
    pub ended_ms: f64,
    pub replied_ms: f64,
    /// The data it carried, and how many bytes of it came back with the result.
    pub data: Data,
    pub returned: u32,
}

/// What the pool cost a run, beside the work itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PoolCost {
    pub size: usize,
    /// How many workers said they were ready during the run.
    pub ready: usize,
    /// From asking for the workers to the slowest of them being ready.
    pub startup_ms: f64,
    /// The median time a job took from `postMessage` to its worker starting it; `None` when no
    /// job was sent.
    pub send_ms: Option<f64>,
    /// The median time `postMessage` held the page's thread (copying the data, if any).
    pub post_ms: f64,
    /// The median time a result took to come back to the page.
    pub reply_ms: f64,
    /// The most data one job carried, and how.
    pub data: Data,
    /// Whether every job got its data back whole.
    pub data_back: bool,
}

impl PoolTimes {
    pub fn cost(&self) -> PoolCost {
        let startup_ms = self.ready_ms.iter().map(|r| r - self.spawned_ms).fold(0.0, f64::max);
        let median = |of: fn(&JobTimes) -> f64| {
            let all: Vec<f64> = self.jobs.iter().map(|j| of(j).max(0.0)).collect();
            percentile(&all, 50.0)
        };
        let data = self.jobs.iter().map(|j| j.data).max_by(|a, b| a.mb.total_cmp(&b.mb)).unwrap_or_default();
        PoolCost {
            size: self.size,
            ready: self.ready_ms.len(),
            startup_ms,
            send_ms: (!self.jobs.is_empty()).then(|| median(|j| j.started_ms - j.sent_ms)),
            post_ms: median(|j| j.post_ms),
            reply_ms: median(|j| j.replied_ms - j.ended_ms),
            data,
            data_back: self.jobs.iter().all(|j| j.returned == j.data.bytes()),
        }
    }
}

impl PoolCost {
    /// What the workers cost, in words: "61 ms to start 2 workers; a job took 1 ms to reach a
    /// worker, a result 3 ms to come back (medians)." and what the data cost when it carried any.
    pub fn describe(&self) -> String {
        let workers = if self.ready == self.size {
            format!("{} worker{}", self.size, if self.size == 1 { "" } else { "s" })
        } else {
            format!("{} of {} workers", self.ready, self.size)
        };
        let mut text = format!(
            "{} to start {workers}; a job took {} to reach a worker, a result {} to come back (medians).",
            duration(self.startup_ms),
            self.send_ms.map_or_else(|| "\u{2014}".into(), duration),
            duration(self.reply_ms)
        );
        if self.data.mb > 0.0 {
            text.push_str(&format!(
                " Each carried up to {} MB, {}: postMessage held the page for {}{}.",
                Num(self.data.mb),
                self.data.how(),
                duration(self.post_ms),
                if self.data_back { "" } else { "; some data did not come back whole" }
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cost_is_the_slowest_start_and_the_median_messages() {
        let photo = Data { mb: 24.0, transfer: false };
        let job = |posted_ms, sent_ms, started_ms, ended_ms, replied_ms| JobTimes {
            posted_ms,
            sent_ms,
            post_ms: 9.0,
            started_ms,
            ended_ms,
            replied_ms,
            data: photo,
            returned: photo.bytes(),
        };
        let times = PoolTimes {
            size: 2,
            spawned_ms: 1000.0,
            ready_ms: vec![1080.0, 1120.0],
            jobs: vec![
                // Handed over at once, sent when each worker said it was ready: the wait for
                // the start-up is not the message's.
                job(1000.0, 1080.0, 1095.0, 1195.0, 1210.0),
                job(1000.0, 1120.0, 1133.0, 1233.0, 1247.0),
                // Sent once both were up.
                job(1222.0, 1222.0, 1236.0, 1336.0, 1352.0),
            ],
        };
        let cost = times.cost();
        assert_eq!((cost.size, cost.startup_ms, cost.send_ms), (2, 120.0, Some(14.0)));
        assert_eq!((cost.post_ms, cost.reply_ms), (9.0, 15.0));
        assert_eq!((cost.data, cost.data_back), (photo, true));
        let none = PoolTimes::default().cost();
        assert_eq!((none.startup_ms, none.send_ms, none.data), (0.0, None, Data::NONE));
        let mut lost = times.clone();
        lost.jobs[1].returned = 0;
        assert!(!lost.cost().data_back, "a buffer that did not come back whole is reported");
        assert_eq!(
            times.cost().describe(),
            "120 ms to start 2 workers; a job took 14 ms to reach a worker, a result 15 ms to come back \
             (medians). Each carried up to 24 MB, copied: postMessage held the page for 9 ms."
        );
        assert_eq!(
            PoolTimes { size: 2, ready_ms: vec![5.0], ..PoolTimes::default() }.cost().describe(),
            "5 ms to start 1 of 2 workers; a job took \u{2014} to reach a worker, a result 0 ms to come back (medians)."
        );
        assert!(lost.cost().describe().ends_with("for 9 ms; some data did not come back whole."));
    }

    #[test]
    fn the_default_is_the_cores_up_to_four() {
        assert_eq!(default_size(2.0), 2);
        assert_eq!(default_size(8.0), 4);
        assert_eq!(default_size(1.0), 1);
        // A browser that hides the figure (or reports nonsense) gets one worker.
        for hidden in [0.0, -3.0, f64::NAN, f64::INFINITY] {
            assert_eq!(default_size(hidden), 1, "{hidden}");
        }
    }

    #[test]
    fn a_typed_size_is_a_whole_number_in_range() {
        assert_eq!(parse_size(" 3 "), Ok(3));
        assert_eq!(parse_size("16"), Ok(16));
        for bad in ["0", "17", "2.5", "-1", "", "four"] {
            assert!(parse_size(bad).unwrap_err().contains("from 1 to 16"), "{bad}");
        }
    }
}
