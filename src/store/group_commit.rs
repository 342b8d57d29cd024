//! Group commit for the writes every click makes: answers and members seen active. Every
//! commit waits for the disk (`synchronous = FULL`), and a busy disk takes milliseconds to sync,
//! so one transaction per click would cap a server at the disk's sync rate. Instead one task
//! writes them: it takes every write waiting when it is free (up to [`MAX_BATCH`]), writes each
//! in its own savepoint (one that fails is rolled back alone and reports its own error; see
//! [`OPEN`]) and commits them together. A click's feedback is sent only after the commit that
//! holds it. At low load a group is a single write, so nothing waits for company. Each group's
//! size, write time and commit time are logged at debug level.

use super::guilds::{write_touch, MemberTouch};
use super::quizzes::{write_answer, AnswerResult, NewAnswer};
use crate::domain::memory::Memory;
use crate::domain::quiz::{Progress, Scored};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};

/// Most writes in one transaction (a bound on how long one commit holds the others).
pub const MAX_BATCH: usize = 128;

pub(super) type Score = Box<dyn FnOnce(Progress) -> Scored + Send>;
pub(super) type Remember = Box<dyn FnOnce(Option<Memory>) -> Memory + Send>;

/// One write waiting for its group.
enum Job {
    Answer {
        answer: Box<NewAnswer>,
        score: Score,
        remember: Remember,
        done: oneshot::Sender<sqlx::Result<AnswerResult>>,
    },
    Touch {
        touch: MemberTouch,
        done: oneshot::Sender<sqlx::Result<()>>,
    },
}

/// A write done inside the group, its result held until the commit.
enum Written {
    Answer(
        oneshot::Sender<sqlx::Result<AnswerResult>>,
        sqlx::Result<AnswerResult>,
    ),
    Touch(oneshot::Sender<sqlx::Result<()>>, sqlx::Result<()>),
}

impl Written {
    /// Tells the caller: the result if the group committed, else the commit's failure.
    fn report(self, commit_failure: Option<&str>) {
        match self {
            Written::Answer(done, r) => {
                let _ = done.send(commit_failure.map_or(r, |why| Err(failed(why))));
            }
            Written::Touch(done, r) => {
                let _ = done.send(commit_failure.map_or(r, |why| Err(failed(why))));
            }
        }
    }
}

/// The handle the store keeps; cheap to clone.
#[derive(Clone, Debug)]
pub(super) struct GroupWriter {
    jobs: mpsc::UnboundedSender<Job>,
}

impl GroupWriter {
    /// Starts the writing task on `writer` (the store's one write connection).
    pub(super) fn start(writer: SqlitePool) -> GroupWriter {
        let (jobs, queue) = mpsc::unbounded_channel();
        tokio::spawn(run(writer, queue));
        GroupWriter { jobs }
    }

    /// Writes one answer with the next group and returns its result once committed.
    pub(super) async fn answer(
        &self,
        answer: NewAnswer,
        score: Score,
        remember: Remember,
    ) -> sqlx::Result<AnswerResult> {
        let (done, result) = oneshot::channel();
        self.send(Job::Answer {
            answer: Box::new(answer),
            score,
            remember,
            done,
        })?;
        result.await.map_err(|_| sqlx::Error::PoolClosed)?
    }

    /// Writes a member seen active with the next group; returns once committed.
    pub(super) async fn touch(&self, touch: MemberTouch) -> sqlx::Result<()> {
        let (done, result) = oneshot::channel();
        self.send(Job::Touch { touch, done })?;
        result.await.map_err(|_| sqlx::Error::PoolClosed)?
    }

    fn send(&self, job: Job) -> sqlx::Result<()> {
        self.jobs.send(job).map_err(|_| sqlx::Error::PoolClosed)
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
    let started = std::time::Instant::now();
    let mut tx = match writer.begin_with("BEGIN IMMEDIATE").await {
        Ok(tx) => tx,
        Err(e) => {
            let why = e.to_string();
            for job in jobs {
                match job {
                    Job::Answer { done, .. } => {
                        let _ = done.send(Err(failed(&why)));
                    }
                    Job::Touch { done, .. } => {
                        let _ = done.send(Err(failed(&why)));
                    }
                }
            }
            return;
        }
    };
    let mut written = Vec::with_capacity(jobs.len());
    for job in jobs {
        written.push(match job {
            Job::Answer {
                answer,
                score,
                remember,
                done,
            } => {
                let w = write_answer(&mut tx, &answer, score, remember).await;
                Written::Answer(done, undo_if_failed(&mut tx, w).await)
            }
            Job::Touch { touch, done } => {
                let w = write_touch(&mut tx, &touch).await;
                Written::Touch(done, undo_if_failed(&mut tx, w).await)
            }
        });
    }
    let committing = std::time::Instant::now();
    let commit = tx.commit().await;
    tracing::debug!(
        writes = written.len(),
        write_ms = (committing - started).as_secs_f64() * 1000.0,
        commit_ms = committing.elapsed().as_secs_f64() * 1000.0,
        "group committed"
    );
    let failure = match commit {
        Ok(()) => None,
        Err(e) => {
            tracing::error!(error = %e, writes = written.len(), "a group of writes did not commit");
            Some(e.to_string())
        }
    };
    for w in written {
        w.report(failure.as_deref());
    }
}

/// Each write runs in a savepoint, so that one that fails is undone alone. To spare the trips
/// to SQLite, a write opens it with its first statement ([`OPEN`]) and releases it with its
/// last ([`RELEASE`]); when it fails, this rolls it back.
pub(super) const OPEN: &str = "SAVEPOINT write";
pub(super) const RELEASE: &str = "RELEASE write";

async fn undo_if_failed<T>(
    conn: &mut SqliteConnection,
    result: sqlx::Result<T>,
) -> sqlx::Result<T> {
    if result.is_err() {
        // The failure may have come before the savepoint opened or after it was released:
        // then there is nothing to undo, and this fails harmlessly.
        let _ = sqlx::query("ROLLBACK TO write; RELEASE write")
            .execute(conn)
            .await;
    }
    result
}

/// One failure reported to every write of a group.
fn failed(reason: &str) -> sqlx::Error {
    sqlx::Error::Protocol(format!("not saved: {reason}"))
}
