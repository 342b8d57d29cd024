//! Several statements sent to SQLite as one. sqlx runs SQLite on a thread of its own, so each
//! statement is a round trip between threads; a click's writes are a dozen statements, and on
//! a busy machine those trips, not SQLite, were most of the time the one writer spent per
//! answer. [`Statements`] joins them into one text with their arguments in order (`?` only,
//! never `?NNN`), run in one trip; the first failing statement stops the rest.

use super::error::{StoreError, StoreResult};
use sqlx::sqlite::{SqliteArguments, SqliteRow};
use sqlx::{Arguments as _, Encode, Sqlite, SqliteConnection, Type};

/// Statements and their arguments, in order.
#[derive(Default)]
pub(super) struct Statements<'q> {
    sql: String,
    args: SqliteArguments<'q>,
    /// The first argument that could not be encoded.
    bad_argument: Option<String>,
}

impl<'q> Statements<'q> {
    /// Appends one statement; its arguments follow with [`Statements::bind`].
    pub(super) fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self.sql.push_str(";\n");
        self
    }

    pub(super) fn bind<T: Encode<'q, Sqlite> + Type<Sqlite> + 'q>(
        &mut self,
        value: T,
    ) -> &mut Self {
        if let Err(e) = self.args.add(value) {
            self.bad_argument.get_or_insert(e.to_string());
        }
        self
    }

    /// Runs every statement, in one trip, and returns the first row the last one gives, if
    /// any (for a query that follows statements that return nothing).
    pub(super) async fn fetch_optional(
        self,
        conn: &mut SqliteConnection,
    ) -> StoreResult<Option<SqliteRow>> {
        if let Some(why) = self.bad_argument {
            return Err(StoreError::BadValue(why));
        }
        Ok(sqlx::query_with(&self.sql, self.args)
            .fetch_optional(conn)
            .await?)
    }

    /// Runs every statement, in one trip to the connection.
    pub(super) async fn execute(self, conn: &mut SqliteConnection) -> StoreResult<()> {
        if let Some(why) = self.bad_argument {
            return Err(StoreError::BadValue(why));
        }
        if self.sql.is_empty() {
            return Ok(());
        }
        Ok(sqlx::query_with(&self.sql, self.args)
            .execute(conn)
            .await
            .map(|_| ())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection as _;

    #[tokio::test]
    async fn runs_every_statement_with_its_arguments_and_stops_at_the_first_failure() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        let mut s = Statements::default();
        s.push("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
        s.push("INSERT INTO t VALUES (?, ?)").bind("a").bind(1);
        s.push("INSERT INTO t VALUES (?, ?), (?, ?)")
            .bind("b")
            .bind(2)
            .bind("c")
            .bind(3);
        s.execute(&mut conn).await.unwrap();
        let rows: Vec<String> = sqlx::query_scalar("SELECT k || '=' || v FROM t ORDER BY k")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        assert_eq!(rows, ["a=1", "b=2", "c=3"]);

        let mut s = Statements::default();
        s.push("UPDATE t SET v = ? WHERE k = ?").bind(10).bind("a");
        s.push("INSERT INTO t VALUES (?, ?)").bind("a").bind(0); // duplicate key
        s.push("UPDATE t SET v = ? WHERE k = ?").bind(30).bind("c");
        assert!(s.execute(&mut conn).await.is_err());
        let c: i64 = sqlx::query_scalar("SELECT v FROM t WHERE k = 'c'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(c, 3, "statements after the failing one do not run");
    }
}
