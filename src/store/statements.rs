//! Several statements run as one. sqlx runs SQLite on a thread of its own, so each statement
//! is a round trip between threads; a click's writes are a dozen statements, and on a busy
//! machine those trips, not SQLite, were most of the time the one writer spent per answer. On
//! SQLite [`Statements`] joins them into one text with their arguments in order (`?` only,
//! never `?NNN`), run in one trip; the first failing statement stops the rest. Postgres takes
//! one statement per prepared query, so there each runs in turn (numbered by
//! [`super::sql::portable`]), stopping at the first failure the same way.
//!
//! The arguments are kept per statement and, for SQLite, concatenated through the `Any`
//! driver's argument buffer (public, though hidden from sqlx's documentation).

use super::error::{StoreError, StoreResult};
use super::sql::{portable, Engine};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Any, AnyConnection, Arguments as _, Encode, Type};

/// Statements and their arguments, in order.
#[derive(Default)]
pub(super) struct Statements<'q> {
    /// Each statement with its own arguments.
    each: Vec<(String, AnyArguments<'q>)>,
    /// The first argument that could not be encoded.
    bad_argument: Option<String>,
}

impl<'q> Statements<'q> {
    /// Appends one statement; its arguments follow with [`Statements::bind`].
    pub(super) fn push(&mut self, sql: &str) -> &mut Self {
        self.each.push((sql.to_string(), AnyArguments::default()));
        self
    }

    /// Binds the next argument of the last statement pushed.
    pub(super) fn bind<T: Encode<'q, Any> + Type<Any> + 'q>(&mut self, value: T) -> &mut Self {
        let Some((_, args)) = self.each.last_mut() else {
            self.bad_argument
                .get_or_insert("an argument before any statement".into());
            return self;
        };
        if let Err(e) = args.add(value) {
            self.bad_argument.get_or_insert(e.to_string());
        }
        self
    }

    /// Runs every statement, in order, and returns the first row the last one gives, if any
    /// (for a query that follows statements that return nothing).
    pub(super) async fn fetch_optional(
        self,
        conn: &mut AnyConnection,
    ) -> StoreResult<Option<AnyRow>> {
        if let Some(why) = self.bad_argument {
            return Err(StoreError::BadValue(why));
        }
        match Engine::of(conn) {
            Engine::Sqlite => {
                // All rows, not `fetch_optional`: through the `Any` driver that stops at the
                // first statement's result, which is not a row. A pre-read is one row at most.
                let (sql, args) = joined(self.each);
                let rows = sqlx::query_with(&sql, args).fetch_all(conn).await?;
                Ok(rows.into_iter().next())
            }
            Engine::Postgres => {
                let mut row = None;
                for (sql, args) in self.each {
                    row = sqlx::query_with(portable(&sql), args)
                        .fetch_optional(&mut *conn)
                        .await?;
                }
                Ok(row)
            }
        }
    }

    /// Runs every statement, in order (one trip on SQLite).
    pub(super) async fn execute(self, conn: &mut AnyConnection) -> StoreResult<()> {
        if let Some(why) = self.bad_argument {
            return Err(StoreError::BadValue(why));
        }
        if self.each.is_empty() {
            return Ok(());
        }
        match Engine::of(conn) {
            Engine::Sqlite => {
                let (sql, args) = joined(self.each);
                sqlx::query_with(&sql, args).execute(conn).await?;
            }
            Engine::Postgres => {
                for (sql, args) in self.each {
                    sqlx::query_with(portable(&sql), args)
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
        Ok(())
    }
}

/// The statements as one text, their arguments in order.
fn joined(each: Vec<(String, AnyArguments<'_>)>) -> (String, AnyArguments<'_>) {
    let mut sql = String::new();
    let mut all = AnyArguments::default();
    for (text, args) in each {
        sql.push_str(&text);
        sql.push_str(";\n");
        all.values.0.extend(args.values.0);
    }
    (sql, all)
}

#[cfg(test)]
mod tests {
    use super::super::sql::query_scalar;
    use super::*;
    use sqlx::Connection as _;

    #[tokio::test]
    async fn runs_every_statement_with_its_arguments_and_stops_at_the_first_failure() {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:").await.unwrap();
        let mut s = Statements::default();
        s.push("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)");
        s.push("INSERT INTO t VALUES (?, ?)").bind("a").bind(1);
        s.push("INSERT INTO t VALUES (?, ?), (?, ?)")
            .bind("b")
            .bind(2)
            .bind("c")
            .bind(3);
        s.execute(&mut conn).await.unwrap();
        let rows: Vec<String> = query_scalar("SELECT k || '=' || v FROM t ORDER BY k")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        assert_eq!(rows, ["a=1", "b=2", "c=3"]);

        let mut s = Statements::default();
        s.push("UPDATE t SET v = ? WHERE k = ?").bind(10).bind("a");
        s.push("INSERT INTO t VALUES (?, ?)").bind("a").bind(0); // duplicate key
        s.push("UPDATE t SET v = ? WHERE k = ?").bind(30).bind("c");
        assert!(s.execute(&mut conn).await.is_err());
        let c: i64 = query_scalar("SELECT v FROM t WHERE k = 'c'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(c, 3, "statements after the failing one do not run");
    }
}
