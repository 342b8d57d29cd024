//! What the database holds: its tables and their columns, read from the engine's own catalog
//! (SQLite's `sqlite_master` and `pragma_table_info`, Postgres's `information_schema`). For
//! copying a whole database between engines (`peerlearn migrate`) and for tests that look at
//! every table. The search index is left out: it is rebuilt from the rows it indexes.

use super::error::StoreResult;
use super::sql::query_scalar;
use super::Store;
use sqlx::Row as _;

/// A column's kind of value, as both engines' schemas map them (see the Postgres migration).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// SQLite `INTEGER`, Postgres `bigint`: ids, counts, times and flags.
    Integer,
    /// SQLite `REAL`, Postgres `double precision`.
    Real,
    /// `TEXT` on both.
    Text,
    /// Anything else (a generated search vector on Postgres).
    Other,
}

/// A column of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
}

impl Store {
    /// The tables that hold the bot's data, by name: not the engine's own, not the migration
    /// log, not the search index.
    pub async fn table_names(&self) -> StoreResult<Vec<String>> {
        let sql = self.engine.pick(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT LIKE '_sqlx%' AND name NOT LIKE 'kb_index%' ORDER BY name",
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
               AND table_name NOT LIKE '_sqlx%' AND table_name NOT LIKE 'kb_index%'
             ORDER BY table_name",
        );
        Ok(query_scalar(sql).fetch_all(&self.pool).await?)
    }

    /// The tables `table`'s foreign keys point to.
    pub async fn foreign_tables(&self, table: &str) -> StoreResult<Vec<String>> {
        let sql = self.engine.pick(
            "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)",
            "SELECT DISTINCT CAST(ccu.table_name AS TEXT)
             FROM information_schema.table_constraints tc
             JOIN information_schema.constraint_column_usage ccu
               ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
             WHERE tc.table_schema = current_schema() AND tc.table_name = ?
               AND tc.constraint_type = 'FOREIGN KEY'",
        );
        Ok(query_scalar(sql).bind(table).fetch_all(&self.pool).await?)
    }

    /// The columns of `table`, in their order (computed columns left out).
    pub async fn columns(&self, table: &str) -> StoreResult<Vec<Column>> {
        let sql = self.engine.pick(
            "SELECT name, type FROM pragma_table_info(?) ORDER BY cid",
            "SELECT CAST(column_name AS TEXT) AS name, CAST(data_type AS TEXT) AS type
             FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
             ORDER BY ordinal_position",
        );
        let rows = super::sql::query(sql)
            .bind(table)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let kind = match r.get::<String, _>("type").to_ascii_lowercase().as_str() {
                    "integer" | "bigint" => ColumnKind::Integer,
                    "real" | "double precision" => ColumnKind::Real,
                    "text" => ColumnKind::Text,
                    _ => ColumnKind::Other,
                };
                Column {
                    name: r.get("name"),
                    kind,
                }
            })
            .collect())
    }
}
