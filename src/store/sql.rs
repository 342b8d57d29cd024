//! One SQL text for both engines. The store runs on sqlx's `Any` driver, over SQLite (the
//! default) or Postgres; its queries are written once, with `?` placeholders, and
//! [`portable`] numbers them (`$1`, `$2`, ...), a form both engines read: SQLite takes `$N` as
//! the N-th argument, Postgres takes nothing else. Where the engines' SQL truly differs (full
//! text search, JSON, date arithmetic, triggers) the store asks [`Engine`] for its own text.
//!
//! Values map explicitly (see the Postgres migrations): ids, counts, times (Unix seconds or
//! milliseconds) and flags are 64-bit integers on both engines (a flag is 0 or 1, read with
//! [`flag`]); fractions are doubles (a missing one is bound through [`Fraction`]); days (`YYYY-MM-DD`) and time zones (IANA names) are
//! text. Postgres sums integers as `numeric`, which the `Any` driver cannot read: a sum is
//! written `CAST(SUM(x) AS BIGINT)`, which SQLite reads the same.

use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::{Query, QueryAs, QueryScalar};
use sqlx::{Any, FromRow, Row as _};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// The database engine behind a store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine of a connection.
    pub fn of(conn: &sqlx::AnyConnection) -> Engine {
        if conn.backend_name().eq_ignore_ascii_case("sqlite") {
            Engine::Sqlite
        } else {
            Engine::Postgres
        }
    }

    /// Its name, for people: "SQLite" or "Postgres".
    pub fn name(self) -> &'static str {
        self.pick("SQLite", "Postgres")
    }

    /// The text for this engine, where the two differ.
    pub fn pick<'a>(self, sqlite: &'a str, postgres: &'a str) -> &'a str {
        match self {
            Engine::Sqlite => sqlite,
            Engine::Postgres => postgres,
        }
    }
}

/// `sql` with its placeholders numbered: each `?` becomes `$N` (the next number), and `?N`
/// becomes `$N`; text in quotes is left alone. The result is kept for the life of the process,
/// so that a query can borrow it like a literal: the store builds its SQL from fixed pieces
/// (never from values), so the set of texts is bounded.
pub fn portable(sql: &str) -> &'static str {
    static TEXTS: OnceLock<Mutex<HashMap<Box<str>, &'static str>>> = OnceLock::new();
    let texts = TEXTS.get_or_init(Default::default);
    let mut texts = texts
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(done) = texts.get(sql) {
        return done;
    }
    let done: &'static str = Box::leak(number_placeholders(sql).into_boxed_str());
    texts.insert(sql.into(), done);
    done
}

/// The rewriting behind [`portable`].
pub(super) fn number_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut next = 0u32;
    let mut quote: Option<char> = None;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (Some(_), c) => out.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                out.push(c);
            }
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(*d);
                    chars.next();
                }
                let n = if digits.is_empty() {
                    next += 1;
                    next
                } else {
                    let n = digits.parse().unwrap_or(u32::MAX);
                    next = next.max(n);
                    n
                };
                out.push('$');
                out.push_str(&n.to_string());
            }
            (None, c) => out.push(c),
        }
    }
    out
}

/// A query, on either engine.
pub fn query<'q>(sql: &str) -> Query<'q, Any, AnyArguments<'q>> {
    sqlx::query(portable(sql))
}

/// A query whose rows are read as `O`.
pub fn query_as<'q, O>(sql: &str) -> QueryAs<'q, Any, O, AnyArguments<'q>>
where
    O: for<'r> FromRow<'r, AnyRow>,
{
    sqlx::query_as(portable(sql))
}

/// A query whose rows are one value each.
pub fn query_scalar<'q, O>(sql: &str) -> QueryScalar<'q, Any, O, AnyArguments<'q>>
where
    (O,): for<'r> FromRow<'r, AnyRow>,
{
    sqlx::query_scalar(portable(sql))
}

/// A fraction that may be missing, to bind. Bind an `Option<f64>` through this, never as it is:
/// sqlx's `Any` driver (0.8) sends a missing `f64` to Postgres typed as a 4-byte float, and a
/// statement first prepared with it then refuses the 8 bytes of a present one ("incorrect
/// binary data format"). This one is missing as a double on both engines.
pub struct Fraction(pub Option<f64>);

impl sqlx::Type<Any> for Fraction {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <f64 as sqlx::Type<Any>>::type_info()
    }
}

impl<'q> sqlx::Encode<'q, Any> for Fraction {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as sqlx::Database>::ArgumentBuffer<'q>,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        match self.0 {
            Some(value) => <f64 as sqlx::Encode<'q, Any>>::encode_by_ref(&value, buf),
            // The driver sends a missing 4-byte float (sic) as a missing 8-byte one.
            None => <Option<f32> as sqlx::Encode<'q, Any>>::encode_by_ref(&None, buf),
        }
    }
}

/// A flag column (0 or 1 on both engines) as a bool; null is false.
pub fn flag(row: &AnyRow, column: &str) -> bool {
    maybe_flag(row, column).unwrap_or(false)
}

/// A flag column that may be null (a left join that found nothing).
pub fn maybe_flag(row: &AnyRow, column: &str) -> Option<bool> {
    row.get::<Option<i64>, _>(column).map(|v| v != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_outside_quotes() {
        assert_eq!(
            number_placeholders("SELECT '?', \"a?\" FROM t WHERE a = ? AND b = ?"),
            "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b = $2"
        );
        assert_eq!(
            number_placeholders("WHERE x MATCH ?1 AND g = ?2 LIMIT ?3 OR y = ?1"),
            "WHERE x MATCH $1 AND g = $2 LIMIT $3 OR y = $1"
        );
        assert_eq!(number_placeholders("SELECT 1"), "SELECT 1");
        assert!(std::ptr::eq(portable("SELECT ?"), portable("SELECT ?")));
    }
}
