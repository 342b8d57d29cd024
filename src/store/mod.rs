//! The SQLite store: opening the file (WAL, every commit synced to disk, foreign keys, busy
//! timeout), applying `migrations/`, and the queries, grouped by table family. Returns domain
//! values.

mod answers;
mod asks;
mod boards;
mod cards;
mod checkpoints;
mod content;
mod error;
mod experts;
mod fitting;
mod group_commit;
mod guilds;
mod knowledge;
mod measurement;
mod memory;
mod outbox;
mod pairings;
mod posts;
mod privacy;
mod recount;
mod reports;
mod reviews;
mod schedules;
mod statements;
mod tracks;

pub use error::{StoreError, StoreResult};
pub use recount::Recount;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::ConnectOptions as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The embedded migrations (`migrations/*.sql`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Why the store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {path}: {source}")]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("cannot apply database migrations to {path}: {source}")]
    Migrate {
        path: PathBuf,
        source: sqlx::migrate::MigrateError,
    },
}

/// A handle on the database; cheap to clone.
///
/// Reads share a pool of connections; every write goes through the one writer connection, so
/// writers queue in order instead of retrying on SQLite's busy lock (whose back-off sleeps
/// would add milliseconds to a click under load).
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    writer: SqlitePool,
    group: group_commit::GroupWriter,
    /// What was last written for each active member (see [`Store::touch_member`]).
    seen: guilds::SeenMembers,
    /// The connection that checkpoints in the background (see [`checkpoints`]).
    checkpointer: SqlitePool,
    path: PathBuf,
}

/// The writer's page cache, in KiB (SQLite's default is 2 MiB): every click updates a few
/// rows scattered over the member tables and board totals, and pages read again from the
/// operating system cost the one writer time.
const WRITER_CACHE_KIB: &str = "-16384";

/// Brings the schema up to date on a connection of its own. An upgrade may rewrite big tables
/// (board totals: about 15 s at a million answers), so it is announced, and its statements are not
/// reported as slow (sqlx would print each whole migration as a warning).
async fn migrate(path: &Path, options: &SqliteConnectOptions) -> Result<(), OpenError> {
    let failed = |source| OpenError::Migrate {
        path: path.to_path_buf(),
        source,
    };
    let conn = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(
            options
                .clone()
                .log_slow_statements(log::LevelFilter::Debug, Duration::from_secs(1)),
        )
        .await
        .map_err(|source| OpenError::Open {
            path: path.to_path_buf(),
            source,
        })?;
    // A new database has no table of applied migrations yet: nothing to announce.
    let applied: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(&conn)
        .await
        .unwrap_or_default();
    let pending = MIGRATOR
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .count();
    if !applied.is_empty() && pending > 0 {
        tracing::info!(
            database = %path.display(),
            pending,
            "upgrading the database schema; on a large database this takes a minute or two"
        );
    }
    let result = MIGRATOR.run(&conn).await.map_err(failed);
    conn.close().await;
    result
}

impl Store {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path, busy_timeout: Duration) -> Result<Store, OpenError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| OpenError::Folder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(busy_timeout);
        let open_error = |source| OpenError::Open {
            path: path.to_path_buf(),
            source,
        };
        migrate(path, &options).await?;
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(
                options
                    .clone()
                    .pragma(
                        "wal_autocheckpoint",
                        checkpoints::WRITER_AUTOCHECKPOINT_PAGES,
                    )
                    .pragma("cache_size", WRITER_CACHE_KIB),
            )
            .await
            .map_err(open_error)?;
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options.clone())
            .await
            .map_err(open_error)?;
        let checkpointer = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options.clone())
            .await
            .map_err(open_error)?;
        tokio::spawn(checkpoints::run(checkpointer.clone()));
        Ok(Store {
            pool,
            group: group_commit::GroupWriter::start(writer.clone()),
            seen: Default::default(),
            writer,
            checkpointer,
            path: path.to_path_buf(),
        })
    }

    /// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so a
    /// transaction that reads before it writes never fails to upgrade under concurrency.
    pub(crate) async fn write_tx(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// The connections for reading.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The one connection for writing (outside the store: seeding, benchmarks, tests).
    pub fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Bytes on disk: the database file plus its write-ahead log.
    pub fn size_bytes(&self) -> u64 {
        let mut total = 0;
        for suffix in ["", "-wal"] {
            let mut p = self.path.clone().into_os_string();
            p.push(suffix);
            total += std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
        }
        total
    }

    /// Applied migration versions, oldest first.
    pub async fn applied_migrations(&self) -> StoreResult<Vec<i64>> {
        Ok(
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Waits for queries in flight and closes the connections.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
        self.checkpointer.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn opens_creates_folders_and_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/deeper/peerlearn.db");
        let store = Store::open(&path, Duration::from_secs(1)).await.unwrap();
        assert!(path.exists());
        assert_eq!(
            store.applied_migrations().await.unwrap(),
            vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        );
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(fk, 1);
        assert!(store.size_bytes() > 0);
        store.close().await;
        // Opening again is a no-op for migrations.
        let again = Store::open(&path, Duration::from_secs(1)).await.unwrap();
        assert_eq!(
            again.applied_migrations().await.unwrap(),
            vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
        );
    }

    /// The SQL of the migrations whose version is in `versions`, in order.
    fn migration_sql(versions: std::ops::RangeInclusive<u32>) -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.split('_')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .is_some_and(|n| versions.contains(&n))
            })
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect()
    }

    #[tokio::test]
    async fn board_totals_move_to_member_order_keeping_their_counts_and_triggers() {
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect("sqlite::memory:")
            .await
            .unwrap();
        for sql in migration_sql(1..=8) {
            sqlx::raw_sql(&sql).execute(&pool).await.unwrap();
        }
        for (user, period, key, topic, points) in [
            (7, "all", "all", "", 30),
            (7, "week", "2026-11-16", "", 10),
            (7, "week", "2026-11-16", "git", 10),
            (9, "all", "all", "", 20),
            (9, "week", "2026-11-16", "", 20),
        ] {
            sqlx::query(
                "INSERT INTO board_totals (guild_id, period, period_key, topic_id, user_id, points, answers, correct)
                 VALUES (1, ?, ?, ?, ?, ?, 2, 1)",
            )
            .bind(period)
            .bind(key)
            .bind(topic)
            .bind(user)
            .bind(points)
            .execute(&pool)
            .await
            .unwrap();
        }
        let everything = |pool: SqlitePool| async move {
            let mut all = Vec::new();
            for sql in [
                "SELECT guild_id || period || period_key || topic_id || ':' || user_id || ':' || points || ',' || answers || ',' || correct FROM board_totals ORDER BY 1",
                "SELECT period || period_key || topic_id || ':' || points || ',' || answers || ',' || members FROM guild_totals ORDER BY 1",
                "SELECT period || period_key || topic_id || ':' || points || 'x' || members FROM board_points ORDER BY 1",
            ] {
                let rows: Vec<String> = sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap();
                all.push(rows);
            }
            all
        };
        let before = everything(pool.clone()).await;
        assert_eq!(before[0].len(), 5);
        for sql in migration_sql(9..=9) {
            sqlx::raw_sql(&sql).execute(&pool).await.unwrap();
        }
        // The same rows, counted once: copying fired no trigger.
        assert_eq!(everything(pool.clone()).await, before);
        let key: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM pragma_table_info('board_totals') WHERE pk > 0 ORDER BY pk",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(
            key,
            ["guild_id", "user_id", "period", "period_key", "topic_id"]
        );
        // The triggers still keep the guild's totals and the points histogram.
        sqlx::query(
            "UPDATE board_totals SET points = points + 5, answers = answers + 1
             WHERE guild_id = 1 AND user_id = 9 AND period = 'all'",
        )
        .execute(&pool)
        .await
        .unwrap();
        let after = everything(pool.clone()).await;
        assert!(
            after[1].contains(&"allall:55,5,2".to_string()),
            "{:?}",
            after[1]
        );
        assert!(
            after[2].contains(&"allall:25x1".to_string()),
            "{:?}",
            after[2]
        );
        assert!(
            after[2].contains(&"allall:20x0".to_string()),
            "{:?}",
            after[2]
        );
    }
}
