//! Discord's own OpenAPI document as an executable contract.
//!
//! The emulator loads `discord-api/openapi.json` (Discord's published spec), finds the operation
//! behind every request the bot sends, and checks the request body against that operation's
//! JSON schema: lengths, item counts, enums, required fields, patterns. It implements the subset
//! of JSON Schema the document uses (`$ref`, `type`, `enum`, `const`, `allOf`/`anyOf`/`oneOf`,
//! string, number, array and object bounds, `pattern`).
//!
//! Where Discord's docs and the spec disagree the docs win (see the spec folder's README): a
//! bot's message `content` is at most 2,000 characters, and `default_member_permissions` is a
//! string of digits, and an attachment id in a request may be the number `n` of `files[n]`.
//! [`Spec::load`] patches the document accordingly.

use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Longest message `content` a bot may send (Discord's docs; the spec says 4,000).
pub const BOT_CONTENT_MAX: u64 = 2000;

/// One operation of the spec: an HTTP method on a path template.
#[derive(Debug, Clone)]
pub struct Route {
    pub method: String,
    /// The spec's template, e.g. `/channels/{channel_id}/messages`.
    pub template: String,
    segments: Vec<Segment>,
    json_body: Option<Value>,
}

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Literal(String),
    Param,
}

impl Route {
    /// The values of the template's `{params}`, in order, for a concrete path.
    pub fn params<'a>(&self, path: &'a str) -> Vec<&'a str> {
        split_path(path)
            .zip(&self.segments)
            .filter(|(_, s)| **s == Segment::Param)
            .map(|(p, _)| p)
            .collect()
    }

    fn literal_count(&self) -> usize {
        self.segments
            .iter()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }
}

/// One place where a request body breaks the contract.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaError {
    /// JSON pointer into the body, e.g. `/components/0/components/5`.
    pub pointer: String,
    pub problem: String,
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "(body)"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.problem)
    }
}

/// The loaded spec: routes plus the schema document they refer to.
pub struct Spec {
    doc: Value,
    routes: Vec<Route>,
    patterns: Mutex<HashMap<String, Regex>>,
}

impl Spec {
    /// Where the spec is looked for: `$DISCORD_OPENAPI`, else `shared/discord-api/openapi.json`
    /// beside the repository (as CI and the developers' machines lay it out).
    pub fn default_path() -> PathBuf {
        if let Ok(p) = std::env::var("DISCORD_OPENAPI") {
            return PathBuf::from(p);
        }
        // This crate sits at `crates/discord-emulator/` of the peerlearn repository.
        let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let candidates = [
            repository.join("../shared/discord-api/openapi.json"),
            repository.join("shared/discord-api/openapi.json"),
        ];
        candidates
            .iter()
            .find(|p| p.exists())
            .cloned()
            .unwrap_or_else(|| candidates[0].clone())
    }

    /// The spec at `$DISCORD_OPENAPI` if set, else `shared/discord-api/openapi.json` beside
    /// the repository if there, else the copy built into the binary (so the demo and
    /// `run --emulator` work on a machine with nothing but the binary).
    pub fn load_default() -> anyhow::Result<Spec> {
        let path = Spec::default_path();
        if std::env::var_os("DISCORD_OPENAPI").is_some() || path.exists() {
            return Spec::load(&path);
        }
        Spec::parse(&embedded_text()?)
    }

    /// Reads and indexes the spec, applying the docs' corrections.
    pub fn load(path: &Path) -> anyhow::Result<Spec> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            anyhow::anyhow!(
                "cannot read Discord's OpenAPI spec at {} ({e}); set DISCORD_OPENAPI to its path",
                path.display()
            )
        })?;
        Spec::parse(&text)
    }

    /// Indexes a spec document, applying the docs' corrections.
    fn parse(text: &str) -> anyhow::Result<Spec> {
        let mut doc: Value = serde_json::from_str(text)?;
        apply_doc_corrections(&mut doc);
        let mut routes = Vec::new();
        if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
            for (template, item) in paths {
                let Some(ops) = item.as_object() else {
                    continue;
                };
                for (method, op) in ops {
                    if method == "parameters" {
                        continue;
                    }
                    let json_body = op
                        .pointer("/requestBody/content/application~1json/schema")
                        .cloned();
                    routes.push(Route {
                        method: method.to_uppercase(),
                        template: template.clone(),
                        segments: split_path(template)
                            .map(|s| {
                                if s.starts_with('{') {
                                    Segment::Param
                                } else {
                                    Segment::Literal(s.to_string())
                                }
                            })
                            .collect(),
                        json_body,
                    });
                }
            }
        }
        Ok(Spec {
            doc,
            routes,
            patterns: Mutex::new(HashMap::new()),
        })
    }

    /// The operation for a method and a concrete path (without `/api/v10`), preferring the
    /// template with the most literal segments (`messages/@original` over `messages/{id}`).
    pub fn route(&self, method: &str, path: &str) -> Option<&Route> {
        let parts: Vec<&str> = split_path(path).collect();
        self.routes
            .iter()
            .filter(|r| r.method == method && r.segments.len() == parts.len())
            .filter(|r| {
                r.segments.iter().zip(&parts).all(|(s, p)| match s {
                    Segment::Literal(l) => l == p,
                    Segment::Param => !p.is_empty(),
                })
            })
            .max_by_key(|r| r.literal_count())
    }

    /// Checks a JSON request body against the route's schema. A route without a body schema
    /// accepts any body.
    pub fn validate_body(&self, route: &Route, body: &Value) -> Vec<SchemaError> {
        let mut errors = Vec::new();
        if let Some(schema) = &route.json_body {
            self.check(schema, body, "", &mut errors);
        }
        errors
    }

    /// Checks a value against a named schema of `components/schemas`.
    pub fn validate_named(&self, schema_name: &str, value: &Value) -> Vec<SchemaError> {
        let mut errors = Vec::new();
        let schema = serde_json::json!({ "$ref": format!("#/components/schemas/{schema_name}") });
        self.check(&schema, value, "", &mut errors);
        errors
    }

    fn resolve<'a>(&'a self, reference: &str) -> Option<&'a Value> {
        self.doc.pointer(reference.strip_prefix('#')?)
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, errs: &mut Vec<SchemaError>) {
        let Some(s) = schema.as_object() else { return };
        let mut fail = |problem: String| {
            errs.push(SchemaError {
                pointer: at.to_string(),
                problem,
            })
        };
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            match self.resolve(r) {
                Some(target) => self.check(target, v, at, errs),
                None => fail(format!("spec reference {r} does not resolve")),
            }
            return;
        }
        if let Some(t) = s.get("type") {
            let allowed: Vec<&str> = match t {
                Value::String(one) => vec![one.as_str()],
                Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !allowed.is_empty() && !allowed.iter().any(|t| type_matches(t, v)) {
                fail(format!(
                    "expected {}, got {}",
                    allowed.join(" or "),
                    json_type(v)
                ));
                return;
            }
        }
        if let Some(options) = s.get("enum").and_then(Value::as_array) {
            if !options.iter().any(|o| same_value(o, v)) {
                fail(format!(
                    "{v} is not one of {}",
                    Value::Array(options.clone())
                ));
            }
        }
        if let Some(c) = s.get("const") {
            if !same_value(c, v) {
                fail(format!("must be {c}, got {v}"));
            }
        }
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            for sub in all {
                self.check(sub, v, at, errs);
            }
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = s.get(key).and_then(Value::as_array) {
                self.check_alternatives(branches, v, at, errs);
            }
        }
        match v {
            Value::String(text) => self.check_string(s, text, at, errs),
            Value::Number(n) => check_number(s, n, at, errs),
            Value::Array(items) => self.check_array(s, items, at, errs),
            Value::Object(map) => self.check_object(s, map, at, errs),
            _ => {}
        }
    }

    /// At least one branch must accept the value (Discord itself reads `oneOf` unions by their
    /// `type` discriminator, so overlapping branches are not an error). When none does, the
    /// errors of the branch whose `type` matched are reported (the fewest if several did);
    /// when no branch's `type` matched, one error says so.
    fn check_alternatives(
        &self,
        branches: &[Value],
        v: &Value,
        at: &str,
        errs: &mut Vec<SchemaError>,
    ) {
        let discriminator = format!("{at}/type");
        let mut closest: Option<Vec<SchemaError>> = None;
        for branch in branches {
            let mut branch_errs = Vec::new();
            self.check(branch, v, at, &mut branch_errs);
            if branch_errs.is_empty() {
                return;
            }
            // A wrong `type` field, or a wrong JSON type of the value itself, rules a branch out.
            let type_matched = !branch_errs.iter().any(|e| {
                e.pointer == discriminator
                    || (e.pointer == at && e.problem.starts_with("expected "))
            });
            let better = closest.as_ref().is_none_or(|c| branch_errs.len() < c.len());
            if type_matched && better {
                closest = Some(branch_errs);
            }
        }
        match closest {
            Some(found) => errs.extend(found),
            None => errs.push(err(
                at,
                format!(
                    "matches none of the {} allowed shapes{}",
                    branches.len(),
                    v.get("type")
                        .map(|t| format!(" (type {t})"))
                        .unwrap_or_default()
                ),
            )),
        }
    }

    fn check_string(
        &self,
        s: &serde_json::Map<String, Value>,
        text: &str,
        at: &str,
        errs: &mut Vec<SchemaError>,
    ) {
        let len = text.chars().count() as u64;
        if let Some(max) = s.get("maxLength").and_then(Value::as_u64) {
            if len > max {
                errs.push(err(at, format!("{len} characters, at most {max} allowed")));
            }
        }
        if let Some(min) = s.get("minLength").and_then(Value::as_u64) {
            if len < min {
                errs.push(err(
                    at,
                    format!("{len} characters, at least {min} required"),
                ));
            }
        }
        if let Some(pattern) = s.get("pattern").and_then(Value::as_str) {
            let mut cache = self.patterns.lock().expect("pattern cache");
            if !cache.contains_key(pattern) {
                match Regex::new(pattern) {
                    Ok(re) => {
                        cache.insert(pattern.to_string(), re);
                    }
                    Err(_) => return, // a pattern our regex dialect cannot read is not checked
                }
            }
            if !cache[pattern].is_match(text) {
                errs.push(err(at, format!("{text:?} does not match {pattern}")));
            }
        }
    }

    fn check_array(
        &self,
        s: &serde_json::Map<String, Value>,
        items: &[Value],
        at: &str,
        errs: &mut Vec<SchemaError>,
    ) {
        let n = items.len() as u64;
        if let Some(max) = s.get("maxItems").and_then(Value::as_u64) {
            if n > max {
                errs.push(err(at, format!("{n} items, at most {max} allowed")));
            }
        }
        if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
            if n < min {
                errs.push(err(at, format!("{n} items, at least {min} required")));
            }
        }
        if s.get("uniqueItems").and_then(Value::as_bool) == Some(true) {
            for (i, a) in items.iter().enumerate() {
                if items[..i].iter().any(|b| same_value(a, b)) {
                    errs.push(err(at, format!("item {a} appears twice")));
                }
            }
        }
        if let Some(item_schema) = s.get("items") {
            for (i, item) in items.iter().enumerate() {
                self.check(item_schema, item, &format!("{at}/{i}"), errs);
            }
        }
    }

    fn check_object(
        &self,
        s: &serde_json::Map<String, Value>,
        map: &serde_json::Map<String, Value>,
        at: &str,
        errs: &mut Vec<SchemaError>,
    ) {
        if let Some(required) = s.get("required").and_then(Value::as_array) {
            for key in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(key) {
                    errs.push(err(at, format!("required field {key:?} is missing")));
                }
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (key, value) in map {
            let here = format!("{at}/{key}");
            match props.and_then(|p| p.get(key)) {
                Some(prop) => self.check(prop, value, &here, errs),
                None => match s.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        errs.push(err(&here, "field is not allowed here".to_string()))
                    }
                    Some(extra @ Value::Object(_)) => self.check(extra, value, &here, errs),
                    _ => {}
                },
            }
        }
        let n = map.len() as u64;
        if let Some(max) = s.get("maxProperties").and_then(Value::as_u64) {
            if n > max {
                errs.push(err(at, format!("{n} fields, at most {max} allowed")));
            }
        }
        if let Some(min) = s.get("minProperties").and_then(Value::as_u64) {
            if n < min {
                errs.push(err(at, format!("{n} fields, at least {min} required")));
            }
        }
    }
}

fn err(at: &str, problem: String) -> SchemaError {
    SchemaError {
        pointer: at.to_string(),
        problem,
    }
}

fn check_number(
    s: &serde_json::Map<String, Value>,
    n: &serde_json::Number,
    at: &str,
    errs: &mut Vec<SchemaError>,
) {
    let x = n.as_f64().unwrap_or(0.0);
    if let Some(max) = s.get("maximum").and_then(Value::as_f64) {
        if x > max {
            errs.push(err(at, format!("{n} is above the maximum {max}")));
        }
    }
    if let Some(min) = s.get("minimum").and_then(Value::as_f64) {
        if x < min {
            errs.push(err(at, format!("{n} is below the minimum {min}")));
        }
    }
}

fn split_path(path: &str) -> impl Iterator<Item = &str> {
    path.trim_matches('/').split('/')
}

fn type_matches(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        _ => true,
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        _ => a == b,
    }
}

/// Applies the corrections of Discord's docs over its spec (see the module doc).
fn apply_doc_corrections(doc: &mut Value) {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get_mut("properties") {
                    if let Some(content) = props.get_mut("content") {
                        let too_long = content
                            .get("maxLength")
                            .and_then(Value::as_u64)
                            .is_some_and(|m| m > BOT_CONTENT_MAX);
                        if too_long {
                            content["maxLength"] = BOT_CONTENT_MAX.into();
                        }
                    }
                    if props.contains_key("default_member_permissions") {
                        props.insert(
                            "default_member_permissions".into(),
                            serde_json::json!({ "type": ["string", "null"], "pattern": "^[0-9]+$" }),
                        );
                    }
                }
                for child in map.values_mut() {
                    walk(child);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    if let Some(schemas) = doc.pointer_mut("/components/schemas") {
        walk(schemas);
    }
    // An attachment's id in a request is "snowflake or number": for a new file, the `n` of
    // `files[n]` (serenity sends it as a number).
    if let Some(id) = doc.pointer_mut("/components/schemas/MessageAttachmentRequest/properties/id")
    {
        *id = serde_json::json!({"oneOf": [{"$ref": "#/components/schemas/SnowflakeType"}, {"type": "integer", "minimum": 0}]});
    }
}

/// Discord's OpenAPI document as shipped in `assets/discord-api/` (gzip; MIT licence there).
const EMBEDDED_GZ: &[u8] = include_bytes!("../assets/discord-api/openapi.json.gz");

fn embedded_text() -> anyhow::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(EMBEDDED_GZ)
        .read_to_string(&mut text)
        .map_err(|e| anyhow::anyhow!("the built-in copy of Discord's API spec is damaged: {e}"))?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::sync::OnceLock;

    #[test]
    fn the_built_in_spec_is_the_shared_document() {
        let built_in = embedded_text().expect("the built-in spec decompresses");
        let path = Spec::default_path();
        if let Ok(shared) = std::fs::read_to_string(&path) {
            assert!(
                built_in == shared,
                "assets/discord-api/openapi.json.gz differs from {}: refresh it with gzip -9 -n",
                path.display()
            );
        }
        let spec = Spec::parse(&built_in).expect("it indexes");
        assert!(spec.route("POST", "/channels/1/messages").is_some());
    }

    fn spec() -> &'static Spec {
        static SPEC: OnceLock<Spec> = OnceLock::new();
        SPEC.get_or_init(|| Spec::load_default().expect("spec loads"))
    }

    fn check(method: &str, path: &str, body: Value) -> Vec<SchemaError> {
        let route = spec().route(method, path).expect("route exists");
        spec().validate_body(route, &body)
    }

    #[test]
    fn routes_prefer_literal_segments() {
        let r = spec()
            .route("PATCH", "/webhooks/1/abc/messages/@original")
            .unwrap();
        assert_eq!(
            r.template,
            "/webhooks/{webhook_id}/{webhook_token}/messages/@original"
        );
        let r = spec().route("POST", "/channels/42/messages").unwrap();
        assert_eq!(r.params("/channels/42/messages"), vec!["42"]);
        assert!(spec().route("POST", "/no/such/route").is_none());
    }

    #[test]
    fn a_plain_message_passes() {
        let errs = check(
            "POST",
            "/channels/1/messages",
            json!({"content": "hello", "allowed_mentions": {"parse": []}}),
        );
        assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn bot_content_is_limited_to_2000_characters() {
        let errs = check(
            "POST",
            "/channels/1/messages",
            json!({"content": "é".repeat(2001)}),
        );
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].pointer, "/content");
        assert!(errs[0].problem.contains("at most 2000"), "{}", errs[0]);
        assert!(check(
            "POST",
            "/channels/1/messages",
            json!({"content": "é".repeat(2000)})
        )
        .is_empty());
    }

    #[test]
    fn six_buttons_in_a_row_and_long_custom_ids_are_rejected() {
        let button = |id: String| json!({"type": 2, "style": 1, "label": "x", "custom_id": id});
        let row: Vec<Value> = (0..6).map(|i| button(format!("b{i}"))).collect();
        let errs = check(
            "POST",
            "/channels/1/messages",
            json!({"content": "q", "components": [{"type": 1, "components": row}]}),
        );
        assert!(
            errs.iter()
                .any(|e| e.pointer == "/components/0/components" && e.problem.contains("at most 5")),
            "{errs:?}"
        );
        let errs = check(
            "POST",
            "/channels/1/messages",
            json!({"components": [{"type": 1, "components": [button("x".repeat(101))]}]}),
        );
        assert!(
            errs.iter()
                .any(|e| e.pointer == "/components/0/components/0/custom_id"),
            "{errs:?}"
        );
    }

    #[test]
    fn command_shapes_are_checked() {
        let good = json!([{"name": "help", "description": "Lists commands", "type": 1,
            "default_member_permissions": "32", "options": []}]);
        assert!(check("PUT", "/applications/1/guilds/2/commands", good).is_empty());
        let bad = json!([{"name": "x".repeat(33), "description": "d", "type": 1,
            "default_member_permissions": 32}]);
        let errs = check("PUT", "/applications/1/guilds/2/commands", bad);
        assert!(errs.iter().any(|e| e.pointer == "/0/name"), "{errs:?}");
        assert!(
            errs.iter()
                .any(|e| e.pointer == "/0/default_member_permissions"),
            "{errs:?}"
        );
    }

    #[test]
    fn interaction_callbacks_are_checked() {
        assert!(check(
            "POST",
            "/interactions/1/tok/callback",
            json!({"type": 4, "data": {"content": "hi", "flags": 64}})
        )
        .is_empty());
        let errs = check(
            "POST",
            "/interactions/1/tok/callback",
            json!({"type": 4, "data": {"content": "x".repeat(2001)}}),
        );
        assert!(
            errs.iter().any(|e| e.pointer == "/data/content"),
            "{errs:?}"
        );
        let errs = check("POST", "/interactions/1/tok/callback", json!({"type": 42}));
        assert!(!errs.is_empty());
    }
}
