//! The durable cron runner: wakes when a schedule is due (or the clock is moved), runs every
//! due schedule once through [`App::run_due_schedules`], and nudges the delivery worker.
//!
//! Each pass also takes the due follow-ups of open questions (escalation to the next expert,
//! telling the admins, reminding the asker, closing abandoned questions).
//!
//! Once an hour it also fits the memory model of guilds with enough new answers, and (by the
//! bot's clock, and at start-up) purges raw events older than each server's retention and
//! reminds the owners of answers due for verification. Every few minutes it
//! computes the day's report figures of servers whose day has turned (see
//! [`App::refresh_daily_figures`]). Fits and daily figures run beside the runs, never delaying
//! a post.
//!
//! Durable because the cursor (`schedules.next_run_ms`) and the run key (schedule, time) live
//! in the database: after a restart it carries on where it stopped, within the grace window.
//!
//! Every process runs this loop; the one holding the scheduler's lease ([`Claim`]) does the
//! passes, and the others take over when it stops renewing it. A run is recorded under its key
//! in the transaction that queues its post, so even two passes at once post a run once.

use crate::app::outbox::{Claim, SoleWork, LEASE_TTL};
use crate::app::App;
use std::time::Duration;
use tokio::sync::watch;
use tracing::Instrument as _;

/// How often guilds are checked for a refit of their memory model.
const FIT_CHECK_EVERY: Duration = Duration::from_secs(3600);
/// How often guilds are checked for a new day's report figures.
const DAILY_FIGURES_CHECK_EVERY: Duration = Duration::from_secs(300);
/// How often (on the bot's clock) the retention purge runs.
const PURGE_EVERY_MS: i64 = 3_600_000;
/// How often (on the bot's clock) answers due for verification are looked for.
const VERIFICATION_EVERY_MS: i64 = 3_600_000;

/// Runs until `shutdown` turns true. A schedule added or resumed cuts a wait short
/// ([`App::scheduler_wanted`]); the use cases it runs wake the delivery worker themselves.
pub async fn run(app: App, mut shutdown: watch::Receiver<bool>) {
    let poll = Duration::from_secs(u64::from(app.settings().scheduler.poll_seconds));
    let mut ticker = app.clock().ticker();
    let mut fitting = Beside::every(FIT_CHECK_EVERY);
    let mut daily_figures = Beside::every(DAILY_FIGURES_CHECK_EVERY);
    let mut last_purge_ms: Option<i64> = None;
    let mut last_verification_ms: Option<i64> = None;
    let mut claim = Claim::on(SoleWork::Scheduler);
    loop {
        if !claim.held(&app).await {
            // Another process does the passes: look again within the lease's life.
            tokio::select! {
                _ = tokio::time::sleep(poll.min(LEASE_TTL / 3)) => {}
                _ = shutdown.changed() => break,
            }
            if *shutdown.borrow() {
                break;
            }
            continue;
        }
        fitting.start_if_due(|| {
            let app = app.clone();
            async move {
                let fit = tracing::info_span!("job", kind = "memory model fit");
                if let Err(e) = app.refit_guilds(false).instrument(fit).await {
                    tracing::error!(error = %e, "fitting the memory models failed");
                }
            }
        });
        daily_figures.start_if_due(|| {
            let app = app.clone();
            async move {
                let figures = tracing::info_span!("job", kind = "daily figures");
                match app.refresh_daily_figures().instrument(figures).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(servers = n, "computed the day's report figures"),
                    Err(e) => {
                        tracing::error!(error = %e, "computing the day's report figures failed")
                    }
                }
            }
        });
        let pass = tracing::info_span!("job", kind = "schedules");
        if let Err(e) = app.run_due_schedules().instrument(pass).await {
            tracing::error!(error = %e, "scheduler pass failed; retrying");
        }
        // Each step renews the lease (at most every few seconds): a long pass keeps it, and a
        // process that lost it stops at the next step.
        let now_ms = app.clock().now_ms();
        if claim.held(&app).await && last_purge_ms.is_none_or(|t| now_ms - t >= PURGE_EVERY_MS) {
            let purge = tracing::info_span!("job", kind = "retention purge");
            match app.purge_expired().instrument(purge).await {
                Ok(_) => last_purge_ms = Some(now_ms),
                Err(e) => tracing::error!(error = %e, "retention purge failed; retrying"),
            }
        }
        if claim.held(&app).await
            && last_verification_ms.is_none_or(|t| now_ms - t >= VERIFICATION_EVERY_MS)
        {
            let remind = tracing::info_span!("job", kind = "verification reminders");
            match app.run_verification_reminders().instrument(remind).await {
                Ok(n) => {
                    last_verification_ms = Some(now_ms);
                    if n > 0 {
                        tracing::info!(
                            answers = n,
                            "reminded owners of answers due for verification"
                        );
                    }
                }
                Err(e) => tracing::error!(error = %e, "verification reminders failed; retrying"),
            }
        }
        let follow_ups = tracing::info_span!("job", kind = "question follow-ups");
        if claim.held(&app).await {
            if let Err(e) = app.run_ask_follow_ups().instrument(follow_ups).await {
                tracing::error!(error = %e, "question follow-ups failed; retrying");
            }
        }
        let wait = match app.next_schedule_run_ms().await {
            Ok(Some(next_ms)) if !app.clock().is_virtual() => {
                let until = u64::try_from(next_ms - app.clock().now_ms()).unwrap_or(0);
                poll.min(Duration::from_millis(until.max(10)))
            }
            _ => poll,
        };
        tokio::select! {
            _ = ticker.wait(wait) => {}
            _ = app.scheduler_wanted() => {}
            _ = shutdown.changed() => break,
        }
        if *shutdown.borrow() {
            break;
        }
    }
    // A fit or daily figures in progress are abandoned: nothing is stored until they complete.
    fitting.abort();
    daily_figures.abort();
    claim.release(&app).await;
}

/// A job run beside the scheduler's passes, started at most once per period (real time) and
/// never while the previous one is still running.
struct Beside {
    every: Duration,
    last_start: Option<std::time::Instant>,
    running: Option<tokio::task::JoinHandle<()>>,
}

impl Beside {
    fn every(every: Duration) -> Beside {
        Beside {
            every,
            last_start: None,
            running: None,
        }
    }

    fn start_if_due<F>(&mut self, job: impl FnOnce() -> F)
    where
        F: std::future::Future<Output = ()> + Send + 'static,
    {
        let idle = self.running.as_ref().is_none_or(|r| r.is_finished());
        if idle && self.last_start.is_none_or(|t| t.elapsed() >= self.every) {
            self.last_start = Some(std::time::Instant::now());
            self.running = Some(tokio::spawn(job()));
        }
    }

    fn abort(self) {
        if let Some(r) = self.running {
            r.abort();
        }
    }
}
