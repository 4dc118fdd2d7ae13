//! The worker pool that workers mode runs work on: its size, and what it cost a run.

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
    /// When each worker that ran a job was ready (its wasm loaded and its handler set up).
    pub ready_ms: Vec<f64>,
    /// For each job: when the page posted it to a worker, when the worker started it, when it
    /// ended there, and when the page had the reply.
    pub jobs: Vec<JobTimes>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JobTimes {
    pub posted_ms: f64,
    pub started_ms: f64,
    pub ended_ms: f64,
    pub replied_ms: f64,
}

/// What the pool cost a run, beside the work itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PoolCost {
    pub size: usize,
    /// How many workers ran a job, and so said when they were ready.
    pub ready: usize,
    /// From asking for the workers to the slowest of them being ready.
    pub startup_ms: f64,
    /// The median time a job took to reach a worker that was already up; `None` when every
    /// job was posted before its worker was ready (its wait was the start-up).
    pub send_ms: Option<f64>,
    /// The median time a result took to come back to the page.
    pub reply_ms: f64,
}

impl PoolTimes {
    pub fn cost(&self) -> PoolCost {
        let startup_ms = self.ready_ms.iter().map(|r| r - self.spawned_ms).fold(0.0, f64::max);
        // A job posted before its worker was up waited for the start-up, not for the message.
        let ready_by = self.ready_ms.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sends: Vec<f64> = self
            .jobs
            .iter()
            .filter(|j| j.posted_ms >= ready_by)
            .map(|j| (j.started_ms - j.posted_ms).max(0.0))
            .collect();
        let replies: Vec<f64> = self.jobs.iter().map(|j| (j.replied_ms - j.ended_ms).max(0.0)).collect();
        PoolCost {
            size: self.size,
            ready: self.ready_ms.len(),
            startup_ms,
            send_ms: (!sends.is_empty()).then(|| percentile(&sends, 50.0)),
            reply_ms: percentile(&replies, 50.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cost_is_the_slowest_start_and_the_median_messages() {
        let job = |posted_ms, started_ms, ended_ms, replied_ms| JobTimes {
            posted_ms,
            started_ms,
            ended_ms,
            replied_ms,
        };
        let times = PoolTimes {
            size: 2,
            spawned_ms: 1000.0,
            ready_ms: vec![1080.0, 1120.0],
            jobs: vec![
                // Posted at once: these waited for the workers to load, so they say nothing
                // about messages (but their replies do).
                job(1000.0, 1081.0, 1181.0, 1182.0),
                job(1000.0, 1121.0, 1221.0, 1223.0),
                // Posted once both were up.
                job(1222.0, 1222.5, 1322.5, 1323.5),
            ],
        };
        let cost = times.cost();
        assert_eq!((cost.size, cost.startup_ms, cost.send_ms), (2, 120.0, Some(0.5)));
        assert_eq!(cost.reply_ms, 1.0);
        assert_eq!(PoolTimes::default().cost().startup_ms, 0.0);
        let mut early = times.clone();
        early.jobs.pop();
        assert_eq!(early.cost().send_ms, None, "every job waited for a start-up");
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
