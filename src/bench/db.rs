//! Where a benchmark's bot keeps its data: a SQLite file in the work folder (the default
//! engine), or a fresh database on a Postgres server that the run creates and, unless the run's
//! files are kept, drops. Every part asks for its own database by name, so no part sees another
//! part's rows, and the engines start equal: empty, migrated by the bot or the seeding.

use crate::store::sql::Engine;
use crate::store::{self, Store};
use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// A database a benchmark's bot runs on.
#[derive(Debug, Clone)]
pub enum BenchDb {
    Sqlite(PathBuf),
    /// A Postgres connection URL.
    Postgres(String),
}

impl BenchDb {
    pub fn engine(&self) -> Engine {
        match self {
            BenchDb::Sqlite(_) => Engine::Sqlite,
            BenchDb::Postgres(_) => Engine::Postgres,
        }
    }

    /// The setting that points the bot at this database.
    pub fn bot_env(&self) -> (&'static str, String) {
        match self {
            BenchDb::Sqlite(path) => ("PEERLEARN_DATABASE__PATH", path.display().to_string()),
            BenchDb::Postgres(url) => ("PEERLEARN_DATABASE__URL", url.clone()),
        }
    }

    /// The database opened as the bot opens it (migrated), to seed it before the bot starts.
    pub async fn open(&self) -> anyhow::Result<Store> {
        Ok(match self {
            BenchDb::Sqlite(path) => Store::open(path, Duration::from_secs(5)).await?,
            BenchDb::Postgres(url) => Store::connect(url).await?,
        })
    }

    /// One connection that reads what the bot writes (read-only on SQLite, so that it never
    /// takes the writer's lock).
    pub async fn reader(&self) -> anyhow::Result<sqlx::AnyPool> {
        match self {
            BenchDb::Sqlite(path) => super::read_only(path).await,
            BenchDb::Postgres(url) => {
                sqlx::any::install_default_drivers();
                Ok(sqlx::any::AnyPoolOptions::new()
                    .max_connections(1)
                    .connect(url)
                    .await?)
            }
        }
    }
}

/// Makes the databases of one run: SQLite files in `dir`, Postgres databases on the server
/// whose administrator's URL is `postgres` (named after this process, so that runs never meet).
pub struct Databases {
    dir: PathBuf,
    postgres: Option<String>,
    made: Mutex<Vec<String>>,
}

impl Databases {
    pub fn new(dir: PathBuf, postgres: Option<String>) -> Databases {
        Databases {
            dir,
            postgres,
            made: Mutex::default(),
        }
    }

    /// The run's work folder (databases and logs).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The engines this run measures: SQLite, and Postgres when a server was given.
    pub fn engines(&self) -> Vec<Engine> {
        let mut engines = vec![Engine::Sqlite];
        if self.postgres.is_some() {
            engines.push(Engine::Postgres);
        }
        engines
    }

    /// A new, empty database called `name` (letters, digits and `_`) on `engine`.
    pub async fn fresh(&self, engine: Engine, name: &str) -> anyhow::Result<BenchDb> {
        match engine {
            Engine::Sqlite => {
                let path = self.dir.join(format!("{name}.db"));
                let _ = store::remove_sqlite_files(&path);
                Ok(BenchDb::Sqlite(path))
            }
            Engine::Postgres => {
                let admin = self
                    .postgres
                    .as_deref()
                    .context("no Postgres server to measure (give --postgres URL)")?;
                let database = format!("peerlearn_bench_{}_{name}", std::process::id());
                let url = store::create_postgres_database(admin, &database)
                    .await
                    .with_context(|| format!("cannot create the database {database}"))?;
                self.made.lock().expect("not poisoned").push(database);
                Ok(BenchDb::Postgres(url))
            }
        }
    }

    /// Drops the Postgres databases this run made (the SQLite files go with the work folder).
    pub async fn drop_made(&self) -> anyhow::Result<()> {
        let made = std::mem::take(&mut *self.made.lock().expect("not poisoned"));
        if let Some(admin) = &self.postgres {
            for database in made {
                store::drop_postgres_database(admin, &database)
                    .await
                    .with_context(|| format!("cannot drop the database {database}"))?;
            }
        }
        Ok(())
    }
}
