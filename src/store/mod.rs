//! The store: opening SQLite (the default: one file, WAL, every commit synced to disk, foreign
//! keys, busy timeout) or Postgres (`database.url`), applying the engine's `migrations/`, and
//! the queries, written once for both engines (see [`sql`]) and grouped by table family.
//! Returns domain values.

pub mod anki;
mod answers;
mod asks;
mod boards;
mod cards;
mod catalog;
mod checkpoints;
mod content;
mod copy;
mod drafts;
mod error;
mod experts;
mod fitting;
mod group_commit;
mod guilds;
mod knowledge;
mod leases;
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
pub mod sql;
mod statements;
mod tracks;

pub use catalog::{Column, ColumnKind};
pub use copy::{Copied, CopyError};
pub use drafts::Published;
pub use error::{StoreError, StoreResult};
pub use recount::Recount;
pub use sql::Engine;

use sql::query_scalar;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions as _, Executor as _};
use std::path::{Path, PathBuf};
use std::str::FromStr as _;
use std::time::Duration;

/// The embedded migrations of each engine (`migrations/sqlite/`, `migrations/postgres/`). A
/// migration's version is the same on both; Postgres starts at version 12, the schema that
/// SQLite reached in twelve steps.
pub static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
pub static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Why the store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the database {place}: {source}")]
    Open { place: String, source: sqlx::Error },
    #[error("cannot apply database migrations to {place}: {source}")]
    Migrate {
        place: String,
        source: sqlx::migrate::MigrateError,
    },
    #[error("database.url must start with postgres:// or postgresql:// (leave it empty for SQLite at database.path); got {0:?}")]
    Url(String),
}

/// Where the data lives.
#[derive(Clone, Debug)]
enum Place {
    /// A SQLite file.
    File(PathBuf),
    /// A Postgres database, its URL without the password.
    Server(String),
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::File(path) => write!(f, "{}", path.display()),
            Place::Server(url) => f.write_str(url),
        }
    }
}

/// A handle on the database; cheap to clone.
///
/// Reads share a pool of connections; every write goes through the one writer connection, so
/// writers queue in order instead of retrying on SQLite's busy lock (whose back-off sleeps
/// would add milliseconds to a click under load). On Postgres the same holds within a process;
/// several processes sharing one Postgres divide their work with leases (see [`leases`]) and
/// record each run under its key.
#[derive(Clone, Debug)]
pub struct Store {
    engine: Engine,
    pool: AnyPool,
    writer: AnyPool,
    group: group_commit::GroupWriter,
    /// What was last written for each active member (see [`Store::touch_member`]).
    seen: guilds::SeenMembers,
    /// The connection that checkpoints in the background (see [`checkpoints`]); SQLite only.
    checkpointer: Option<AnyPool>,
    place: Place,
    /// This process's name in leases (see [`leases`]).
    holder: std::sync::Arc<str>,
}

/// The writer's page cache, in KiB (SQLite's default is 2 MiB): every click updates a few
/// rows scattered over the member tables and board totals, and pages read again from the
/// operating system cost the one writer time.
const WRITER_CACHE_KIB: &str = "-16384";

/// Read connections per process on Postgres (each is a server process).
const POSTGRES_READERS: u32 = 4;

/// Brings the schema up to date on a connection of its own. An upgrade may rewrite big tables
/// (board totals: about 15 s at a million answers), so it is announced, and its statements are not
/// reported as slow (sqlx would print each whole migration as a warning).
async fn migrate(
    place: &Place,
    options: &AnyConnectOptions,
    migrator: &sqlx::migrate::Migrator,
    setup: &str,
) -> Result<(), OpenError> {
    let failed = |source| OpenError::Migrate {
        place: place.to_string(),
        source,
    };
    let conn = with_setup(AnyPoolOptions::new().max_connections(1), setup)
        .connect_with(
            options
                .clone()
                .log_slow_statements(log::LevelFilter::Debug, Duration::from_secs(1)),
        )
        .await
        .map_err(|source| OpenError::Open {
            place: place.to_string(),
            source,
        })?;
    // A new database has no table of applied migrations yet: nothing to announce.
    let applied: Vec<i64> = query_scalar("SELECT version FROM _sqlx_migrations")
        .fetch_all(&conn)
        .await
        .unwrap_or_default();
    let pending = migrator
        .iter()
        .filter(|m| !applied.contains(&m.version))
        .count();
    if !applied.is_empty() && pending > 0 {
        tracing::info!(
            database = %place,
            pending,
            "upgrading the database schema; on a large database this takes a minute or two"
        );
    }
    let result = migrator.run(&conn).await.map_err(failed);
    conn.close().await;
    result
}

/// Pool options whose every new connection runs `setup` first (SQLite's pragmas, Postgres's
/// session settings).
fn with_setup(options: AnyPoolOptions, setup: &str) -> AnyPoolOptions {
    let setup: std::sync::Arc<str> = setup.into();
    options.after_connect(move |conn, _| {
        let setup = std::sync::Arc::clone(&setup);
        Box::pin(async move { conn.execute(&*setup).await.map(|_| ()) })
    })
}

/// A pool whose connections each run `setup` first.
async fn pool(
    place: &Place,
    options: &AnyConnectOptions,
    connections: u32,
    setup: &str,
) -> Result<AnyPool, OpenError> {
    with_setup(AnyPoolOptions::new().max_connections(connections), setup)
        .connect_with(options.clone())
        .await
        .map_err(|source| OpenError::Open {
            place: place.to_string(),
            source,
        })
}

impl Store {
    /// Opens the database the settings name: Postgres at `database.url` when it is set, else
    /// SQLite at `database.path`.
    pub async fn open_configured(
        settings: &crate::config::DatabaseSettings,
    ) -> Result<Store, OpenError> {
        if settings.url.trim().is_empty() {
            Store::open(
                &settings.path,
                Duration::from_millis(settings.busy_timeout_ms),
            )
            .await
        } else {
            Store::connect(settings.url.trim()).await
        }
    }

    /// Opens (creating if needed) the SQLite file and brings its schema up to date.
    pub async fn open(path: &Path, busy_timeout: Duration) -> Result<Store, OpenError> {
        sqlx::any::install_default_drivers();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| OpenError::Folder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let place = Place::File(path.to_path_buf());
        let url = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .to_url_lossy();
        let options = AnyConnectOptions::from_url(&url).map_err(|source| OpenError::Open {
            place: place.to_string(),
            source,
        })?;
        // WAL, every commit synced to disk, foreign keys, and a wait on a busy lock.
        let setup = format!(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
             PRAGMA busy_timeout = {};",
            busy_timeout.as_millis()
        );
        migrate(&place, &options, &SQLITE_MIGRATOR, &setup).await?;
        let writer_setup = format!(
            "{setup} PRAGMA wal_autocheckpoint = {}; PRAGMA cache_size = {WRITER_CACHE_KIB};",
            checkpoints::WRITER_AUTOCHECKPOINT_PAGES
        );
        let writer = pool(&place, &options, 1, &writer_setup).await?;
        let readers = pool(&place, &options, 4, &setup).await?;
        let checkpointer = pool(&place, &options, 1, &setup).await?;
        tokio::spawn(checkpoints::run(checkpointer.clone()));
        Ok(Store::assemble(
            Engine::Sqlite,
            readers,
            writer,
            Some(checkpointer),
            place,
        ))
    }

    /// Connects to the Postgres database at `url` and brings its schema up to date.
    pub async fn connect(url: &str) -> Result<Store, OpenError> {
        sqlx::any::install_default_drivers();
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(OpenError::Url(redact(url)));
        }
        let place = Place::Server(redact(url));
        let options = AnyConnectOptions::from_str(url).map_err(|source| OpenError::Open {
            place: place.to_string(),
            source,
        })?;
        // Times are Unix seconds and days are text, so the session's zone reads nothing; UTC
        // keeps what the server prints in its logs comparable with the bot's.
        let setup = "SET TIME ZONE 'UTC'";
        migrate(&place, &options, &POSTGRES_MIGRATOR, setup).await?;
        let writer = pool(&place, &options, 1, setup).await?;
        let readers = pool(&place, &options, POSTGRES_READERS, setup).await?;
        Ok(Store::assemble(
            Engine::Postgres,
            readers,
            writer,
            None,
            place,
        ))
    }

    fn assemble(
        engine: Engine,
        pool: AnyPool,
        writer: AnyPool,
        checkpointer: Option<AnyPool>,
        place: Place,
    ) -> Store {
        Store {
            engine,
            pool,
            group: group_commit::GroupWriter::start(writer.clone(), engine),
            seen: Default::default(),
            writer,
            checkpointer,
            place,
            holder: process_name().into(),
        }
    }

    /// The engine behind this store.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// A write transaction that holds the write lock at once (SQLite's `BEGIN IMMEDIATE`), so
    /// a transaction that reads before it writes never fails to upgrade under concurrency.
    pub(crate) async fn write_tx(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(begin_write(self.engine, &self.writer).await?)
    }

    /// The connections for reading.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The one connection for writing (outside the store: seeding, benchmarks, tests).
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// The SQLite file, if the store is one.
    pub fn path(&self) -> Option<&Path> {
        match &self.place {
            Place::File(path) => Some(path),
            Place::Server(_) => None,
        }
    }

    /// Where the data lives, for messages: a file's path, or a server's URL without its
    /// password.
    pub fn place(&self) -> String {
        self.place.to_string()
    }

    /// Bytes on disk: the database file plus its write-ahead log (SQLite), or the database's
    /// size as the server reports it (Postgres).
    pub async fn size_bytes(&self) -> u64 {
        match &self.place {
            Place::File(path) => {
                let mut total = 0;
                for suffix in ["", "-wal"] {
                    let mut p = path.clone().into_os_string();
                    p.push(suffix);
                    total += std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
                }
                total
            }
            Place::Server(_) => query_scalar::<i64>("SELECT pg_database_size(current_database())")
                .fetch_one(&self.pool)
                .await
                .map_or(0, |n| n.max(0) as u64),
        }
    }

    /// Applied migration versions, oldest first.
    pub async fn applied_migrations(&self) -> StoreResult<Vec<i64>> {
        Ok(
            query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Waits for queries in flight and closes the connections.
    pub async fn close(&self) {
        self.pool.close().await;
        self.writer.close().await;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.close().await;
        }
    }
}

/// A write transaction on `writer`: on SQLite one that takes the write lock at once (`BEGIN
/// IMMEDIATE`); Postgres locks rows as they are written.
async fn begin_write(
    engine: Engine,
    writer: &AnyPool,
) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    match engine {
        Engine::Sqlite => writer.begin_with("BEGIN IMMEDIATE").await,
        Engine::Postgres => writer.begin().await,
    }
}

/// A name for this process: its id, and a random part from the clock's nanoseconds and the
/// process's address-space layout.
fn process_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let local = 0u8;
    let address = std::ptr::addr_of!(local) as usize;
    format!(
        "pid{}-{:08x}",
        std::process::id(),
        (nanos as usize ^ address) as u32
    )
}

/// `url` without its password, for messages and logs.
fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => "(a URL that does not parse)".into(),
    }
}

/// Removes the SQLite database at `path` with the files SQLite keeps beside it (its log, its
/// shared memory, a rollback journal); files that are not there are no error.
pub fn remove_sqlite_files(path: &Path) -> std::io::Result<()> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

/// Creates the empty database `name` on the Postgres server that the administrator's URL
/// `admin` reaches, and returns the new database's URL (for the test suites, which give each
/// test a database of its own, and the benchmark).
pub async fn create_postgres_database(admin: &str, name: &str) -> Result<String, sqlx::Error> {
    use sqlx::Connection as _;
    let mut conn = sqlx::postgres::PgConnection::connect(admin).await?;
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await?;
    let _ = conn.close().await;
    let mut url = url::Url::parse(admin).map_err(|e| sqlx::Error::Configuration(e.into()))?;
    url.set_path(name);
    Ok(url.to_string())
}

/// Drops the database `name` on the Postgres server `admin` names, closing its connections.
pub async fn drop_postgres_database(admin: &str, name: &str) -> Result<(), sqlx::Error> {
    use sqlx::Connection as _;
    let mut conn = sqlx::postgres::PgConnection::connect(admin).await?;
    conn.execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await?;
    let _ = conn.close().await;
    Ok(())
}

/// A fresh store for a unit test: a new database on the Postgres server that
/// `PEERLEARN_TEST_POSTGRES` names (an administrator's URL), else a SQLite file in `dir`.
#[cfg(test)]
pub(crate) async fn test_store(dir: &Path) -> Store {
    open_test_database(&test_database(dir).await).await
}

/// [`test_store`] and a second store on the same database, as another process would open it.
#[cfg(test)]
pub(crate) async fn test_store_twice(dir: &Path) -> (Store, Store) {
    let db = test_database(dir).await;
    (open_test_database(&db).await, open_test_database(&db).await)
}

/// A new database for a unit test: `Ok(url)` on Postgres, `Err(path)` for a SQLite file.
#[cfg(test)]
async fn test_database(dir: &Path) -> Result<String, std::path::PathBuf> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let admin = std::env::var("PEERLEARN_TEST_POSTGRES").unwrap_or_default();
    if admin.trim().is_empty() {
        return Err(dir.join("t.db"));
    }
    let name = format!(
        "peerlearn_unit_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    Ok(create_postgres_database(&admin, &name).await.unwrap())
}

#[cfg(test)]
async fn open_test_database(db: &Result<String, std::path::PathBuf>) -> Store {
    match db {
        Ok(url) => Store::connect(url).await.unwrap(),
        Err(path) => Store::open(path, Duration::from_secs(5)).await.unwrap(),
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
            (1..=19).collect::<Vec<i64>>()
        );
        let mode: String = query_scalar("PRAGMA journal_mode")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = query_scalar("PRAGMA foreign_keys")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(fk, 1);
        assert!(store.size_bytes().await > 0);
        store.close().await;
        // Opening again is a no-op for migrations.
        let again = Store::open(&path, Duration::from_secs(1)).await.unwrap();
        assert_eq!(
            again.applied_migrations().await.unwrap(),
            (1..=19).collect::<Vec<i64>>()
        );
    }

    /// The SQL of the migrations whose version is in `versions`, in order.
    fn migration_sql(versions: std::ops::RangeInclusive<u32>) -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
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
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
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
        let everything = |pool: sqlx::SqlitePool| async move {
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
