//! Copying a whole database into another engine's empty one (`peerlearn migrate --from
//! sqlite:PATH --to postgres://...`): every table, in the order their foreign keys need,
//! inside one transaction on the target, so a copy that fails leaves the target empty.
//!
//! The totals that triggers keep (`guild_totals`, `board_points`, `competency_days`) are not
//! copied: the target's triggers count them again from the rows they follow, and the copy is
//! then checked against the source, table by table (rows) and total by total (points, answers,
//! members), so a copy that does not add up says where. The search index is filled from the
//! source's index rows (its vectors are the target's to compute); leases are not carried
//! over (they belong to the processes of the source). Identity sequences continue after the
//! highest id copied.

use super::error::StoreError;
use super::sql::Fraction;
use super::{ColumnKind, Store};
use futures_core::Stream;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Arguments as _, Row as _};
use std::collections::{BTreeMap, BTreeSet};
use std::pin::Pin;

/// Tables whose rows triggers derive from other tables: counted again, not copied.
const DERIVED: [&str; 3] = ["guild_totals", "board_points", "competency_days"];
/// Tables that belong to the running processes, not to the data.
const NOT_CARRIED: [&str; 1] = ["leases"];
/// Rows per insert statement.
const BATCH_ROWS: usize = 500;
/// Totals compared after a copy: `(label, query)`, each one number.
const TOTALS: [(&str, &str); 8] = [
    (
        "points on the boards",
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM board_totals",
    ),
    (
        "answers on the boards",
        "SELECT CAST(COALESCE(SUM(answers), 0) AS BIGINT) FROM board_totals",
    ),
    (
        "points of the servers' totals",
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM guild_totals",
    ),
    (
        "members of the servers' totals",
        "SELECT CAST(COALESCE(SUM(members), 0) AS BIGINT) FROM guild_totals",
    ),
    (
        "members of the points histogram",
        "SELECT CAST(COALESCE(SUM(members), 0) AS BIGINT) FROM board_points",
    ),
    (
        "members who reached competency",
        "SELECT CAST(COALESCE(SUM(members), 0) AS BIGINT) FROM competency_days",
    ),
    (
        "members' points",
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM member_progress",
    ),
    (
        "points in the ledger",
        "SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) FROM points_ledger",
    ),
];

/// Why a copy did not happen or did not add up.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the target database is not empty ({table} has {rows} rows): copy into a new, empty database")]
    NotEmpty { table: String, rows: i64 },
    #[error("the source is at schema version {source_version} and the target at {target}: run `peerlearn migrate` on the source first")]
    Versions { source_version: i64, target: i64 },
    #[error("the target has no table {0}")]
    MissingTable(String),
    #[error("a copy goes into a Postgres database (--to postgres://...)")]
    TargetNotPostgres,
    #[error("after the copy, {what} is {target} on the target and {source_value} on the source; nothing was kept")]
    Mismatch {
        what: String,
        source_value: i64,
        target: i64,
    },
    #[error("database error: {0}")]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> CopyError {
        CopyError::Store(e.into())
    }
}

/// What a copy moved: rows per table (derived tables as counted again on the target).
#[derive(Debug, Default)]
pub struct Copied {
    pub rows: BTreeMap<String, i64>,
    pub totals: Vec<(String, i64)>,
}

impl Store {
    /// Copies everything this database holds into `target`, which must be empty and at the
    /// same schema version; checks rows and totals before committing.
    pub async fn copy_into(&self, target: &Store) -> Result<Copied, CopyError> {
        if target.engine != super::Engine::Postgres {
            return Err(CopyError::TargetNotPostgres);
        }
        let version = |v: Vec<i64>| v.last().copied().unwrap_or(0);
        let (source_version, target_version) = (
            version(self.applied_migrations().await?),
            version(target.applied_migrations().await?),
        );
        if source_version != target_version {
            return Err(CopyError::Versions {
                source_version,
                target: target_version,
            });
        }
        let tables = self.table_names().await?;
        let target_tables: BTreeSet<String> = target.table_names().await?.into_iter().collect();
        for table in target_tables.iter().chain(["kb_index".to_string()].iter()) {
            let rows = count(target, table).await?;
            if rows > 0 {
                return Err(CopyError::NotEmpty {
                    table: table.clone(),
                    rows,
                });
            }
        }
        if let Some(missing) = tables.iter().find(|t| !target_tables.contains(*t)) {
            return Err(CopyError::MissingTable(missing.clone()));
        }
        let mut order = Vec::new();
        let mut placed = BTreeSet::new();
        let mut waiting: Vec<(String, BTreeSet<String>)> = Vec::new();
        for table in &tables {
            let parents: BTreeSet<String> = self
                .foreign_tables(table)
                .await?
                .into_iter()
                .filter(|p| p != table)
                .collect();
            waiting.push((table.clone(), parents));
        }
        while !waiting.is_empty() {
            let before = waiting.len();
            waiting.retain(|(table, parents)| {
                if parents.iter().all(|p| placed.contains(p)) {
                    placed.insert(table.clone());
                    order.push(table.clone());
                    false
                } else {
                    true
                }
            });
            if waiting.len() == before {
                // A cycle of keys (none in this schema): the rest in name order.
                order.extend(waiting.drain(..).map(|(t, _)| t));
            }
        }
        let mut tx = target.writer.begin().await?;
        let mut copied = Copied::default();
        for table in order
            .iter()
            .filter(|t| !DERIVED.contains(&t.as_str()) && !NOT_CARRIED.contains(&t.as_str()))
        {
            let columns = self.columns(table).await?;
            let names: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
            let select = format!("SELECT {} FROM {table}", names.join(", "));
            copy_rows(self, &mut tx, table, &columns, &select).await?;
        }
        // The search index: the source's rows; the target computes its own vectors.
        let index: Vec<super::catalog::Column> = [
            ("title", ColumnKind::Text),
            ("body", ColumnKind::Text),
            ("guild_id", ColumnKind::Integer),
            ("kind", ColumnKind::Text),
            ("ref", ColumnKind::Text),
            ("topic_id", ColumnKind::Text),
            ("title_terms", ColumnKind::Text),
            ("body_terms", ColumnKind::Text),
        ]
        .into_iter()
        .map(|(name, kind)| super::catalog::Column {
            name: name.into(),
            kind,
        })
        .collect();
        copy_rows(
            self,
            &mut tx,
            "kb_index",
            &index,
            "SELECT title, body, CAST(guild_id AS BIGINT) AS guild_id, kind,
                    CAST(ref AS TEXT) AS ref, topic_id, title_terms, body_terms FROM kb_index",
        )
        .await?;
        // Identity sequences continue after the ids copied.
        let identities: Vec<AnyRow> = sqlx::query(
            "SELECT CAST(table_name AS TEXT) AS t, CAST(column_name AS TEXT) AS c
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND is_identity = 'YES'",
        )
        .fetch_all(&mut *tx)
        .await?;
        for r in &identities {
            let (t, c): (String, String) = (r.get("t"), r.get("c"));
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}', '{c}'),
                               COALESCE((SELECT MAX({c}) FROM {t}), 0) + 1, false)"
            ))
            .execute(&mut *tx)
            .await?;
        }
        // The check: every table's rows (derived ones as the triggers counted them: those with
        // members, as a count that fell to nothing leaves an empty row behind on the source),
        // then the totals, read inside the transaction before it commits.
        for table in tables
            .iter()
            .filter(|t| !NOT_CARRIED.contains(&t.as_str()))
            .chain(["kb_index".to_string()].iter())
        {
            let counted = if DERIVED.contains(&table.as_str()) {
                format!("SELECT COUNT(*) FROM {table} WHERE members > 0")
            } else {
                format!("SELECT COUNT(*) FROM {table}")
            };
            let source_value: i64 = super::sql::query_scalar(&counted)
                .fetch_one(&self.pool)
                .await?;
            let target_value: i64 = sqlx::query_scalar(&counted).fetch_one(&mut *tx).await?;
            if source_value != target_value {
                return Err(CopyError::Mismatch {
                    what: format!("the number of rows of {table}"),
                    source_value,
                    target: target_value,
                });
            }
            copied.rows.insert(table.clone(), target_value);
        }
        for (what, sql) in TOTALS {
            let source_value: i64 = super::sql::query_scalar(sql).fetch_one(&self.pool).await?;
            let target_value: i64 = sqlx::query_scalar(sql).fetch_one(&mut *tx).await?;
            if source_value != target_value {
                return Err(CopyError::Mismatch {
                    what: what.to_string(),
                    source_value,
                    target: target_value,
                });
            }
            copied.totals.push((what.to_string(), target_value));
        }
        tx.commit().await?;
        Ok(copied)
    }
}

async fn count(store: &Store, table: &str) -> Result<i64, CopyError> {
    Ok(
        super::sql::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&store.pool)
            .await?,
    )
}

/// Streams the rows `select` reads from `source` into `table` on the target's transaction,
/// `BATCH_ROWS` per statement; how many.
async fn copy_rows(
    source: &Store,
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    table: &str,
    columns: &[super::catalog::Column],
    select: &str,
) -> Result<i64, CopyError> {
    let mut conn = source.pool.acquire().await?;
    let mut rows = sqlx::query(select).fetch(&mut *conn);
    let mut batch: Vec<AnyRow> = Vec::with_capacity(BATCH_ROWS);
    let mut total = 0;
    loop {
        let next = std::future::poll_fn(|cx| Pin::new(&mut rows).poll_next(cx)).await;
        let done = next.is_none();
        if let Some(row) = next {
            batch.push(row?);
        }
        if batch.len() == BATCH_ROWS || (done && !batch.is_empty()) {
            insert(tx, table, columns, &batch).await?;
            total += batch.len() as i64;
            batch.clear();
        }
        if done {
            return Ok(total);
        }
    }
}

/// One multi-row insert of `rows` into `table` (Postgres placeholders).
async fn insert(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    table: &str,
    columns: &[super::catalog::Column],
    rows: &[AnyRow],
) -> Result<(), CopyError> {
    let width = columns.len();
    let mut args = AnyArguments::default();
    let mut values = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let marks: Vec<String> = (1..=width).map(|k| format!("${}", i * width + k)).collect();
        values.push(format!("({})", marks.join(", ")));
        for column in columns {
            let name = column.name.as_str();
            let added = match column.kind {
                ColumnKind::Integer => args.add(row.try_get::<Option<i64>, _>(name)?),
                ColumnKind::Real => args.add(Fraction(row.try_get::<Option<f64>, _>(name)?)),
                ColumnKind::Text | ColumnKind::Other => {
                    args.add(row.try_get::<Option<String>, _>(name)?)
                }
            };
            added.map_err(|e| StoreError::BadValue(format!("{table}.{name}: {e}")))?;
        }
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        names.join(", "),
        values.join(", ")
    );
    sqlx::query_with(&sql, args).execute(&mut **tx).await?;
    Ok(())
}
