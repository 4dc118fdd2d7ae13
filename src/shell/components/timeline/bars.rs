//! What a run did, around the canvas that draws it (`core::paint`, `hooks::use_timeline_paint`):
//! the rows the canvas paints over (under each lane's planned tasks the shown mode's prediction,
//! outlined, and the measured bar, filled, cut off where dropped, with a red end where failed;
//! below the lanes the main thread, held by the run's work, frames over 50 ms late, and in
//! workers mode a row per worker), the timeline in words and its legend.

use crate::core::format::duration;
use crate::core::mode::Mode;
use crate::core::predict::Prediction;
use crate::core::report::RunReport;
use crate::core::scenario::Scenario;
use crate::core::timing::Outcome;
use yew::prelude::*;

/// The shown mode's prediction and, if it was measured on the scenario as it is, its run.
pub(super) struct Results<'a> {
    pub scenario: &'a Scenario,
    pub prediction: &'a Prediction,
    /// The latest run of the mode, only if it ran this very scenario.
    pub report: Option<&'a RunReport>,
    pub mode: Mode,
}

impl Results<'_> {
    /// A row per lane in `lanes` (the others are not built): its track, where the canvas
    /// paints what the run did (the live timeline finds the tracks to draw over).
    pub fn lane_rows(&self, lanes: std::ops::Range<usize>) -> Vec<Html> {
        lanes.map(|li| html! { <div class="tl-lane" key={li}><div class="tl-track"></div></div> }).collect()
    }

    /// The main thread's row, then a row per worker.
    pub fn thread_rows(&self) -> Html {
        html! {
            <>
                <div class="tl-main"><div class="tl-track"></div></div>
                { for (0..self.worker_count()).map(|w| html! {
                    <div class="tl-worker" key={format!("worker-{w}")}><div class="tl-track"></div></div>
                }) }
            </>
        }
    }

    /// How many worker rows workers mode shows: the pool predicted, or the one that ran.
    pub fn worker_count(&self) -> usize {
        if self.mode != Mode::Workers {
            return 0;
        }
        self.prediction.workers.max(self.report.and_then(|r| r.pool).map_or(0, |p| p.size))
    }

    /// The timeline in words, for screen readers.
    pub fn summary(&self) -> String {
        let lanes = self.scenario.lanes().len();
        // The lanes by name, where there are few enough to say.
        let names = if (1..=8).contains(&lanes) {
            let names: Vec<&str> = self.scenario.lanes().iter().map(|l| l.name.as_str()).collect();
            format!(" ({})", names.join(", "))
        } else {
            String::new()
        };
        let mut summary = format!(
            "{lanes} lane{}{names} of {} task{}, showing {} mode: predicted {}",
            if lanes == 1 { "" } else { "s" },
            self.scenario.task_count(),
            if self.scenario.task_count() == 1 { "" } else { "s" },
            self.mode,
            duration(self.prediction.total_ms)
        );
        match self.report {
            Some(r) => summary.push_str(&format!(
                ", measured {}; the page went without a frame for up to {}.",
                duration(r.total_ms),
                duration(r.longest_freeze_ms())
            )),
            None => summary.push_str("; not run yet."),
        }
        let workers = self.worker_count();
        if workers > 0 {
            let on_workers = self.report.map_or(0, |r| r.tasks.iter().filter(|t| t.worker.is_some()).count());
            summary.push_str(&format!(
                " A row per worker shows which of the {workers} ran each work task{}.",
                if self.report.is_some() { format!("; {on_workers} ran on a worker") } else { String::new() }
            ));
        }
        summary
    }

    /// The keys for what the bars show; endings only where they appear.
    pub fn legend(&self) -> Html {
        let shown = |o: Outcome| {
            self.prediction.tasks.iter().any(|t| t.outcome == o)
                || self.report.is_some_and(|r| r.tasks.iter().any(|t| t.outcome == o))
        };
        html! {
            <>
                <span class="key key-planned">{ "planned" }</span>
                <span class="key key-ghost">{ format!("predicted ({})", self.mode) }</span>
                <span class="key key-measured">{ "measured" }</span>
                <span class="key key-frozen">{ "page frozen (no frame for over 50 ms)" }</span>
                if shown(Outcome::Cancelled) { <span class="key key-cancelled">{ "cancelled (dropped unfinished)" }</span> }
                if shown(Outcome::Failed) { <span class="key key-failed">{ "failed" }</span> }
            </>
        }
    }
}
