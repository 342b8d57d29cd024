//! Group commit for answers. Every commit waits for the disk (`synchronous = FULL`), so one
//! transaction per click would cap a server at the disk's sync rate. Instead one task writes
//! answers: it takes every answer waiting when it is free (up to [`MAX_BATCH`]), writes each
//! in its own savepoint (one that fails is rolled back alone and reports its own error) and
//! commits them together. A click's feedback is sent only after the commit that holds it.
//! At low load a batch is a single answer, so nothing waits for company.

use super::quizzes::{write_answer, AnswerResult, NewAnswer};
use crate::domain::memory::Memory;
use crate::domain::quiz::{Progress, Scored};
use sqlx::SqlitePool;
use tokio::sync::{mpsc, oneshot};

/// Most answers in one transaction (a bound on how long one commit holds the others).
pub const MAX_BATCH: usize = 64;

pub(super) type Score = Box<dyn FnOnce(Progress) -> Scored + Send>;
pub(super) type Remember = Box<dyn FnOnce(Option<Memory>) -> Memory + Send>;

struct Job {
    answer: NewAnswer,
    score: Score,
    remember: Remember,
    done: oneshot::Sender<sqlx::Result<AnswerResult>>,
}

/// The handle the store keeps; cheap to clone.
#[derive(Clone, Debug)]
pub(super) struct AnswerWriter {
    jobs: mpsc::UnboundedSender<Job>,
}

impl AnswerWriter {
    /// Starts the writing task on `writer` (the store's one write connection).
    pub(super) fn start(writer: SqlitePool) -> AnswerWriter {
        let (jobs, queue) = mpsc::unbounded_channel();
        tokio::spawn(run(writer, queue));
        AnswerWriter { jobs }
    }

    /// Writes one answer with the next group and returns its result once committed.
    pub(super) async fn write(
        &self,
        answer: NewAnswer,
        score: Score,
        remember: Remember,
    ) -> sqlx::Result<AnswerResult> {
        let (done, result) = oneshot::channel();
        let job = Job {
            answer,
            score,
            remember,
            done,
        };
        self.jobs.send(job).map_err(|_| sqlx::Error::PoolClosed)?;
        result.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

/// Until every handle is dropped: takes what is waiting, writes it as one group.
async fn run(writer: SqlitePool, mut queue: mpsc::UnboundedReceiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        write_group(&writer, std::mem::take(&mut batch)).await;
    }
}

async fn write_group(writer: &SqlitePool, jobs: Vec<Job>) {
    let mut tx = match writer.begin_with("BEGIN IMMEDIATE").await {
        Ok(tx) => tx,
        Err(e) => {
            let reason = e.to_string();
            for job in jobs {
                let _ = job.done.send(Err(failed(&reason)));
            }
            return;
        }
    };
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs {
        let result = match sqlx::query("SAVEPOINT answer").execute(&mut *tx).await {
            Ok(_) => {
                let written = write_answer(&mut tx, &job.answer, job.score, job.remember).await;
                if written.is_err() {
                    let _ = sqlx::query("ROLLBACK TO answer").execute(&mut *tx).await;
                }
                let released = sqlx::query("RELEASE answer").execute(&mut *tx).await;
                written.and_then(|r| released.map(|_| r))
            }
            Err(e) => Err(e),
        };
        results.push((job.done, result));
    }
    match tx.commit().await {
        Ok(()) => {
            for (done, result) in results {
                let _ = done.send(result);
            }
        }
        Err(e) => {
            let reason = e.to_string();
            tracing::error!(error = %reason, answers = results.len(), "an answer group did not commit");
            for (done, _) in results {
                let _ = done.send(Err(failed(&reason)));
            }
        }
    }
}

/// One failure reported to every answer of a group.
fn failed(reason: &str) -> sqlx::Error {
    sqlx::Error::Protocol(format!("the answer was not saved: {reason}"))
}
