//! Group commit for the writes every click makes: answers and members seen active. Every
//! commit waits for the disk (`synchronous = FULL`), and a busy disk takes milliseconds to sync,
//! so one transaction per click would cap a server at the disk's sync rate. Instead one task
//! writes them: it takes every write waiting when it is free (up to [`MAX_BATCH`]), writes each
//! in its own savepoint (one that fails is rolled back alone and reports its own error) and
//! commits them together. A click's feedback is sent only after the commit that holds it. At
//! low load a group is a single write, so nothing waits for company. Each group's size, write
//! time and commit time are logged at debug level.
//!
//! A write is a [`GroupWrite`]: a pre-read (at most one query) and the statements it writes
//! given what was read. Only this file opens, releases or rolls back the savepoint around
//! them, and it knows nothing of the tables written. The savepoint opens in the same trip to
//! SQLite as the pre-read (or the statements) and is released in the same trip as the
//! statements, so a write costs one or two trips.

use super::error::{StoreError, StoreResult};
use super::sql::Engine;
use super::statements::Statements;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, AnyPool};
use std::future::Future;
use std::pin::Pin;
use tokio::sync::{mpsc, oneshot};

/// Most writes in one transaction (a bound on how long one commit holds the others).
pub const MAX_BATCH: usize = 128;

/// A write that goes with the next group.
pub(super) trait GroupWrite: Send + 'static {
    /// What the caller gets once the group has committed.
    type Done: Send + 'static;

    /// Adds the one query the write depends on (it runs inside the write's savepoint, with
    /// the write lock held; on `engine`) to `read`; `false` when the write reads nothing.
    fn pre_read(&self, engine: Engine, read: &mut Statements<'static>) -> bool;

    /// Adds the write's statements to `write`, given the pre-read's row (`None` when it found
    /// none or there was no pre-read), and returns what to report once committed. Adding none
    /// writes nothing (the result stands).
    fn write(
        self,
        row: Option<&AnyRow>,
        write: &mut Statements<'static>,
    ) -> StoreResult<Self::Done>;
}

/// A queued write with its caller, its type erased so that one queue holds every kind.
trait Queued: Send {
    /// Writes in a savepoint; what to tell the caller once the commit is known.
    fn write<'c>(self: Box<Self>, conn: &'c mut AnyConnection) -> Pending<'c>;

    /// Tells the caller that the group could not be written at all.
    fn fail(self: Box<Self>, why: &str);
}

type Pending<'c> = Pin<Box<dyn Future<Output = Box<dyn Report>> + Send + 'c>>;

/// A write done inside the group, its result held until the commit.
trait Report: Send {
    /// Tells the caller: the result if the group committed, else the commit's failure.
    fn report(self: Box<Self>, commit_failure: Option<&str>);
}

struct Job<W: GroupWrite> {
    write: W,
    done: oneshot::Sender<StoreResult<W::Done>>,
}

struct Written<T> {
    done: oneshot::Sender<StoreResult<T>>,
    result: StoreResult<T>,
}

impl<T: Send> Report for Written<T> {
    fn report(self: Box<Self>, commit_failure: Option<&str>) {
        let result = match commit_failure {
            None => self.result,
            Some(why) => Err(StoreError::NotCommitted(why.to_string())),
        };
        let _ = self.done.send(result);
    }
}

impl<W: GroupWrite> Queued for Job<W> {
    fn write<'c>(self: Box<Self>, conn: &'c mut AnyConnection) -> Pending<'c> {
        Box::pin(async move {
            let Job { write, done } = *self;
            let result = in_savepoint(conn, write).await;
            Box::new(Written { done, result }) as Box<dyn Report>
        })
    }

    fn fail(self: Box<Self>, why: &str) {
        let _ = self
            .done
            .send(Err(StoreError::NotCommitted(why.to_string())));
    }
}

/// The savepoint each write runs in, so that one that fails is undone alone.
const OPEN: &str = "SAVEPOINT write";
const RELEASE: &str = "RELEASE write";
const UNDO: &str = "ROLLBACK TO write; RELEASE write";

async fn in_savepoint<W: GroupWrite>(conn: &mut AnyConnection, job: W) -> StoreResult<W::Done> {
    let result = async {
        let mut first = Statements::default();
        first.push(OPEN);
        let (row, mut statements) = if job.pre_read(Engine::of(conn), &mut first) {
            // The savepoint opens in the pre-read's trip.
            (
                first.fetch_optional(&mut *conn).await?,
                Statements::default(),
            )
        } else {
            // Nothing to read: the savepoint opens in the statements' trip.
            (None, first)
        };
        let done = job.write(row.as_ref(), &mut statements)?;
        // The release goes in the same trip as the statements.
        statements.push(RELEASE);
        statements.execute(&mut *conn).await?;
        Ok(done)
    }
    .await;
    if result.is_err() {
        // The failure may have come before the savepoint opened or after it was released:
        // then there is nothing to undo, and this fails harmlessly.
        // Two statements: sent as plain text (Postgres prepares one statement at a time).
        let _ = sqlx::Executor::execute(&mut *conn, UNDO).await;
    }
    result
}

/// The handle the store keeps; cheap to clone.
#[derive(Clone, Debug)]
pub(super) struct GroupWriter {
    jobs: mpsc::UnboundedSender<Box<dyn Queued>>,
}

impl GroupWriter {
    /// Starts the writing task on `writer` (the store's one write connection).
    pub(super) fn start(writer: AnyPool, engine: Engine) -> GroupWriter {
        let (jobs, queue) = mpsc::unbounded_channel();
        tokio::spawn(run(writer, engine, queue));
        GroupWriter { jobs }
    }

    /// Writes with the next group; the result comes once the group is committed.
    pub(super) async fn write<W: GroupWrite>(&self, write: W) -> StoreResult<W::Done> {
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Box::new(Job { write, done }))
            .map_err(|_| StoreError::WriterStopped)?;
        result.await.map_err(|_| StoreError::WriterStopped)?
    }
}

/// Until every handle is dropped: takes what is waiting, writes it as one group.
async fn run(writer: AnyPool, engine: Engine, mut queue: mpsc::UnboundedReceiver<Box<dyn Queued>>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        write_group(&writer, engine, std::mem::take(&mut batch)).await;
    }
}

async fn write_group(writer: &AnyPool, engine: Engine, jobs: Vec<Box<dyn Queued>>) {
    let started = std::time::Instant::now();
    let mut tx = match super::begin_write(engine, writer).await {
        Ok(tx) => tx,
        Err(e) => {
            tracing::error!(error = %e, writes = jobs.len(), "cannot begin a group of writes");
            let why = e.to_string();
            for job in jobs {
                job.fail(&why);
            }
            return;
        }
    };
    let mut written = Vec::with_capacity(jobs.len());
    for job in jobs {
        written.push(job.write(&mut tx).await);
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
