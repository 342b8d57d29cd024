//! The emulator's REST API: the endpoints serenity and poise call, answered from the in-memory
//! state. Every request is matched to an operation of Discord's OpenAPI spec and its body is
//! validated before anything else happens; a violation is recorded and answered with Discord's
//! own `50035 Invalid Form Body` error.

use super::multipart;
use super::payloads;
use super::state::{
    channel_kind, Attachment, CallbackRec, ChannelRec, Failure, Pings, PostedMessage, RequestRec,
    State, INTERACTION_DEADLINE, INTERACTION_TOKEN_LIFETIME, NONCE_MEMORY,
};
use super::Shared;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, Response, StatusCode};
use serde_json::{json, Value};
use std::convert::Infallible;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Largest upload Discord accepts from a bot in a server without boosts.
const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
const API_PREFIX: &str = "/api/v10";
/// Gateway intent bits that decide which message events the bot receives.
const INTENT_GUILD_MESSAGES: u64 = 1 << 9;
const INTENT_DIRECT_MESSAGES: u64 = 1 << 12;

pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    while let Ok((stream, _)) = listener.accept().await {
        // Answers go out as soon as they are written: the emulator adds no latency of its own
        // (with Nagle's algorithm a small write can wait for the bot's delayed ACK, ~40 ms).
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(&shared, req).await) }
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(io, service)
                .await;
        });
    }
}

/// An answer: a status and an optional JSON body (plus `Retry-After` for 429s).
struct Answer {
    status: u16,
    body: Option<Value>,
    retry_after: Option<f64>,
}

impl Answer {
    fn ok(body: Value) -> Answer {
        Answer {
            status: 200,
            body: Some(body),
            retry_after: None,
        }
    }
    fn no_content() -> Answer {
        Answer {
            status: 204,
            body: None,
            retry_after: None,
        }
    }
    fn error(status: u16, code: u32, message: &str) -> Answer {
        Answer {
            status,
            body: Some(json!({"code": code, "message": message})),
            retry_after: None,
        }
    }
    fn rate_limited(retry_after: f64, global: bool) -> Answer {
        Answer {
            status: 429,
            body: Some(json!({
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": global,
                "code": if global { 0 } else { 20028 },
            })),
            retry_after: Some(retry_after),
        }
    }
}

/// What the request carried, decoded.
struct Incoming {
    method: String,
    query: String,
    json: Option<Value>,
    files: Vec<Attachment>,
}

async fn handle(shared: &Shared, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    let method = req.method().as_str().to_string();
    let uri_path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or_default().to_string();
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let auth = header("authorization");
    let content_type = header("content-type").unwrap_or_default();
    if method == "GET" && uri_path.starts_with("/attachments/") {
        return attachment(shared, &uri_path);
    }
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return respond(Answer::error(400, 0, "unreadable body")),
    };
    let delay = take_delay(shared, &method, &uri_path);
    let answer = answer(shared, method, uri_path, query, auth, content_type, body);
    shared.changed.notify_waiters();
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    respond(answer)
}

/// An injected [`Failure::Slow`] for this request, consumed.
fn take_delay(shared: &Shared, method: &str, uri_path: &str) -> Option<std::time::Duration> {
    let path = uri_path.strip_prefix(API_PREFIX)?;
    let template = shared.spec.route(method, path)?.template.clone();
    let mut state = shared.state.lock().expect("state");
    let rule = state.failures.iter_mut().find(|r| {
        r.remaining > 0
            && matches!(r.failure, Failure::Slow(_))
            && r.method == method
            && (r.path == template || r.path == path)
    })?;
    rule.remaining -= 1;
    let Failure::Slow(d) = rule.failure else {
        return None;
    };
    state.failures.retain(|r| r.remaining > 0);
    Some(d)
}

fn answer(
    shared: &Shared,
    method: String,
    uri_path: String,
    query: String,
    auth: Option<String>,
    content_type: String,
    body: Bytes,
) -> Answer {
    let Some(path) = uri_path.strip_prefix(API_PREFIX).map(str::to_string) else {
        return Answer::error(404, 0, "404: Not Found (the API lives under /api/v10)");
    };
    let mut state = shared.state.lock().expect("state");
    let context = format!("{method} {path}");
    let Some(route) = shared.spec.route(&method, &path) else {
        state.violate(&context, "no such operation in Discord's API spec");
        return record(
            &mut state,
            &method,
            &path,
            Answer::error(404, 0, "404: Not Found"),
        );
    };
    let template = route.template.clone();
    let params: Vec<String> = route
        .params(&path)
        .into_iter()
        .map(str::to_string)
        .collect();
    let context = format!("{method} {template}");

    let mut lose_answer = false;
    if let Some(failure) = take_injected_failure(&mut state, &method, &path, &template) {
        let a = match failure {
            Failure::RateLimited {
                retry_after,
                global,
            } => Answer::rate_limited(retry_after, global),
            Failure::Status(code) => Answer::error(code, 0, "injected server error"),
            Failure::LostResponse => {
                lose_answer = true;
                Answer::error(502, 0, "unused")
            }
            // Taken before the request is handled (see `take_delay`), never here.
            Failure::Slow(_) => Answer::error(500, 0, "a slow answer taken as a failure"),
        };
        if !lose_answer {
            return record(&mut state, &method, &path, a);
        }
    }

    let token_route = template.starts_with("/interactions/") || template.starts_with("/webhooks/");
    if !token_route && template != "/gateway" {
        let expected = format!("Bot {}", state.bot.token);
        if auth.as_deref() != Some(expected.as_str()) {
            return record(
                &mut state,
                &method,
                &path,
                Answer::error(401, 0, "401: Unauthorized"),
            );
        }
        if let Some(retry_after) = state.take_global_rate() {
            return record(
                &mut state,
                &method,
                &path,
                Answer::rate_limited(retry_after, true),
            );
        }
    }

    let incoming = match decode_body(&method, query, &content_type, &body) {
        Ok(i) => i,
        Err(problem) => {
            state.violate(&context, &problem);
            return record(
                &mut state,
                &method,
                &path,
                Answer::error(400, 50035, &problem),
            );
        }
    };
    if let Some(json) = &incoming.json {
        let errors = shared.spec.validate_body(route, json);
        if !errors.is_empty() {
            let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
            for e in &listed {
                state.violate(&context, e);
            }
            let message = format!("Invalid Form Body: {}", listed.join("; "));
            return record(
                &mut state,
                &method,
                &path,
                Answer::error(400, 50035, &message),
            );
        }
    }
    let a = route_to_handler(shared, &mut state, &template, &params, incoming, &context);
    if lose_answer {
        return record(
            &mut state,
            &method,
            &path,
            Answer::error(502, 0, "Bad Gateway"),
        );
    }
    record(&mut state, &method, &path, a)
}

fn record(state: &mut State, method: &str, path: &str, a: Answer) -> Answer {
    state.requests.push(RequestRec {
        method: method.to_string(),
        path: path.to_string(),
        status: a.status,
        at: std::time::Instant::now(),
    });
    a
}

fn take_injected_failure(
    state: &mut State,
    method: &str,
    path: &str,
    template: &str,
) -> Option<Failure> {
    let rule = state.failures.iter_mut().find(|r| {
        r.remaining > 0
            && !matches!(r.failure, Failure::Slow(_))
            && r.method == method
            && (r.path == template || r.path == path)
    })?;
    rule.remaining -= 1;
    let failure = rule.failure.clone();
    if let Failure::RateLimited { .. } = failure {
        state.rate_limited_count += 1;
    }
    state.failures.retain(|r| r.remaining > 0);
    Some(failure)
}

fn decode_body(
    method: &str,
    query: String,
    content_type: &str,
    body: &[u8],
) -> Result<Incoming, String> {
    let mut incoming = Incoming {
        method: method.to_string(),
        query,
        json: None,
        files: Vec::new(),
    };
    if body.is_empty() {
        return Ok(incoming);
    }
    if let Some(boundary) = multipart::boundary(content_type) {
        if body.len() > MAX_UPLOAD_BYTES {
            return Err(format!(
                "request entity too large: {} bytes, at most {MAX_UPLOAD_BYTES}",
                body.len()
            ));
        }
        let mut ids = 0u64;
        for part in multipart::parse(body, &boundary)? {
            if part.name == "payload_json" {
                incoming.json = Some(
                    serde_json::from_slice(&part.data)
                        .map_err(|e| format!("payload_json is not JSON: {e}"))?,
                );
            } else if part.name.starts_with("files[") {
                ids += 1;
                incoming.files.push(Attachment {
                    id: ids,
                    filename: part.filename.unwrap_or_else(|| part.name.clone()),
                    content_type: part.content_type,
                    data: part.data,
                });
            } else {
                return Err(format!("unexpected multipart field {:?}", part.name));
            }
        }
        return Ok(incoming);
    }
    if !content_type.starts_with("application/json") {
        return Err(format!(
            "a body with content type {content_type:?}; Discord expects application/json"
        ));
    }
    incoming.json =
        Some(serde_json::from_slice(body).map_err(|e| format!("body is not JSON: {e}"))?);
    Ok(incoming)
}

fn id_param(params: &[String], i: usize) -> u64 {
    params.get(i).and_then(|p| p.parse().ok()).unwrap_or(0)
}

fn route_to_handler(
    shared: &Shared,
    state: &mut State,
    template: &str,
    params: &[String],
    incoming: Incoming,
    context: &str,
) -> Answer {
    let method = incoming.method.as_str();
    match (method, template) {
        ("GET", "/gateway") => Answer::ok(json!({"url": shared.gateway_url})),
        ("GET", "/gateway/bot") => Answer::ok(json!({
            "url": shared.gateway_url,
            "shards": state.recommended_shards,
            "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1},
        })),
        ("GET", "/users/@me") => {
            let mut me = payloads::user(&state.users[&state.bot.user_id]);
            me["verified"] = true.into();
            me["mfa_enabled"] = false.into();
            Answer::ok(me)
        }
        ("GET", "/oauth2/applications/@me" | "/applications/@me") => {
            Answer::ok(payloads::application(state))
        }
        ("GET", "/applications/{application_id}/commands") => list_commands(state, params, None),
        ("GET", "/applications/{application_id}/guilds/{guild_id}/commands") => {
            list_commands(state, params, Some(id_param(params, 1)))
        }
        ("PUT", "/applications/{application_id}/commands") => {
            put_commands(state, params, None, incoming.json)
        }
        ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands") => {
            put_commands(state, params, Some(id_param(params, 1)), incoming.json)
        }
        ("POST", "/interactions/{interaction_id}/{interaction_token}/callback") => {
            interaction_callback(state, params, incoming, context)
        }
        ("POST", "/webhooks/{webhook_id}/{webhook_token}") => followup(state, params, incoming),
        (_, "/webhooks/{webhook_id}/{webhook_token}/messages/@original") => {
            webhook_message(state, params, None, incoming, context)
        }
        (_, "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}") => {
            let id = id_param(params, 2);
            webhook_message(state, params, Some(id), incoming, context)
        }
        ("POST", "/channels/{channel_id}/messages") => {
            let channel = id_param(params, 0);
            let author = state.bot.user_id;
            // enforce_nonce: the same author and nonce within a few minutes returns the first
            // message instead of creating another.
            let body = incoming.json.clone().unwrap_or(Value::Null);
            let nonce = match &body["nonce"] {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }
            .filter(|_| body["enforce_nonce"] == true);
            state
                .nonces
                .retain(|_, (_, at)| at.elapsed() < NONCE_MEMORY);
            let earlier = nonce
                .as_ref()
                .and_then(|n| state.nonces.get(&(author, n.clone())))
                .and_then(|(id, _)| state.messages.get(id).cloned());
            if let Some(m) = earlier {
                return Answer::ok(payloads::message(state, &m));
            }
            match create_message(state, channel, author, None, None, incoming, context) {
                Ok(m) => {
                    if let Some(n) = nonce {
                        state
                            .nonces
                            .insert((author, n), (m.id, std::time::Instant::now()));
                    }
                    Answer::ok(payloads::message(state, &m))
                }
                Err(a) => a,
            }
        }
        ("GET", "/channels/{channel_id}/messages") => {
            let channel = id_param(params, 0);
            let limit = query_param(&incoming.query, "limit")
                .and_then(|l| l.parse().ok())
                .unwrap_or(50usize);
            let list: Vec<Value> = state
                .messages
                .values()
                .rev()
                .filter(|m| m.channel_id == channel && !m.deleted && !m.is_ephemeral())
                .take(limit)
                .map(|m| payloads::message(state, m))
                .collect();
            Answer::ok(Value::Array(list))
        }
        (_, "/channels/{channel_id}/messages/{message_id}") => {
            let (channel, id) = (id_param(params, 0), id_param(params, 1));
            match state.messages.get(&id) {
                Some(m) if m.channel_id == channel && !m.deleted => {
                    message_op(state, id, incoming, context)
                }
                _ => Answer::error(404, 10008, "Unknown Message"),
            }
        }
        ("GET", "/channels/{channel_id}") => match state.channels.get(&id_param(params, 0)) {
            Some(c) => Answer::ok(payloads::channel(c, state)),
            None => Answer::error(404, 10003, "Unknown Channel"),
        },
        ("PATCH", "/channels/{channel_id}") => {
            modify_channel(state, id_param(params, 0), incoming.json)
        }
        ("PUT", "/channels/{channel_id}/thread-members/{user_id}") => {
            add_thread_member(state, id_param(params, 0), id_param(params, 1))
        }
        ("POST", "/users/@me/channels") => open_dm(state, incoming.json),
        ("POST", "/channels/{channel_id}/threads") => {
            start_thread(state, id_param(params, 0), None, incoming.json)
        }
        ("POST", "/channels/{channel_id}/messages/{message_id}/threads") => start_thread(
            state,
            id_param(params, 0),
            Some(id_param(params, 1)),
            incoming.json,
        ),
        ("GET", "/guilds/{guild_id}/members/{user_id}") => {
            let (g, u) = (id_param(params, 0), id_param(params, 1));
            match state.guilds.get(&g).and_then(|g| g.members.get(&u)) {
                Some(m) => {
                    let mut v = payloads::member(state, m, None);
                    v["guild_id"] = g.to_string().into();
                    Answer::ok(v)
                }
                None => Answer::error(404, 10007, "Unknown Member"),
            }
        }
        ("GET", "/guilds/{guild_id}/channels") => {
            let g = id_param(params, 0);
            let list: Vec<Value> = state
                .channels
                .values()
                .filter(|c| c.guild_id == Some(g) && c.parent_id.is_none())
                .map(|c| payloads::channel(c, state))
                .collect();
            Answer::ok(Value::Array(list))
        }
        _ => {
            state.violate(
                context,
                "the emulator does not implement this operation yet: add it before relying on it",
            );
            Answer::error(501, 0, "not implemented by the emulator")
        }
    }
}

fn query_param<'a>(query: &'a str, key: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

fn list_commands(state: &State, params: &[String], guild: Option<u64>) -> Answer {
    if id_param(params, 0) != state.bot.application_id {
        return Answer::error(403, 50001, "Missing Access");
    }
    Answer::ok(Value::Array(
        state.commands.get(&guild).cloned().unwrap_or_default(),
    ))
}

fn put_commands(
    state: &mut State,
    params: &[String],
    guild: Option<u64>,
    body: Option<Value>,
) -> Answer {
    if id_param(params, 0) != state.bot.application_id {
        return Answer::error(403, 50001, "Missing Access");
    }
    if let Some(g) = guild {
        let bot_is_member = state
            .guilds
            .get(&g)
            .is_some_and(|x| x.members.contains_key(&state.bot.user_id));
        if !bot_is_member {
            return Answer::error(403, 50001, "Missing Access");
        }
    }
    let submitted = body.and_then(|b| b.as_array().cloned()).unwrap_or_default();
    let mut names = std::collections::HashSet::new();
    for c in &submitted {
        let key = (
            c["name"].as_str().unwrap_or_default().to_string(),
            c["type"].as_u64().unwrap_or(1),
        );
        if !names.insert(key) {
            return Answer::error(
                400,
                50035,
                &format!(
                    "Invalid Form Body: command name {} is used twice",
                    c["name"]
                ),
            );
        }
    }
    let registered: Vec<Value> = submitted
        .iter()
        .map(|c| {
            let id = state.ids.mint();
            payloads::registered_command(state, id, guild, c)
        })
        .collect();
    state.commands.insert(guild, registered.clone());
    Answer::ok(Value::Array(registered))
}

fn interaction_callback(
    state: &mut State,
    params: &[String],
    incoming: Incoming,
    context: &str,
) -> Answer {
    let id = id_param(params, 0);
    let token = params.get(1).cloned().unwrap_or_default();
    let Some(rec) = state
        .interactions
        .get(&id)
        .filter(|r| r.token == token)
        .cloned()
    else {
        return Answer::error(404, 10062, "Unknown interaction");
    };
    let context = format!("{context} ({})", describe(&rec));
    if rec.callback.is_some() {
        state.violate(&context, "interaction answered twice");
        return Answer::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let after = rec.dispatched_at.elapsed();
    if after > INTERACTION_DEADLINE {
        state.violate(
            &context,
            format!(
                "answered after {} ms; Discord drops interactions not answered within {} ms",
                after.as_millis(),
                INTERACTION_DEADLINE.as_millis()
            ),
        );
        return Answer::error(404, 10062, "Unknown interaction");
    }
    let body = incoming.json.clone().unwrap_or(Value::Null);
    let kind = body["type"].as_u64().unwrap_or(0) as u8;
    let allowed: &[u8] = match rec.kind {
        2 => &[4, 5, 9],
        3 => &[4, 5, 6, 7, 9],
        4 => &[8],
        5 => &[4, 5, 6, 7],
        _ => &[],
    };
    if !allowed.contains(&kind) {
        state.violate(
            &context,
            format!(
                "callback type {kind} is not valid for interaction type {}",
                rec.kind
            ),
        );
        return Answer::error(400, 50035, "Invalid Form Body: interaction callback type");
    }
    let data = body["data"].clone();
    match kind {
        4 | 7 => {
            let incoming = Incoming {
                json: Some(data.clone()),
                ..incoming
            };
            if kind == 4 {
                let channel = rec.channel_id;
                let author = state.bot.user_id;
                match create_message(state, channel, author, Some(id), None, incoming, &context) {
                    Ok(m) => set_original(state, id, m.id),
                    Err(a) => return a,
                }
            } else if let Some(source) = rec.source_message_id {
                if let Err(a) = edit_message(state, source, incoming, &context) {
                    return a;
                }
            }
        }
        5 => {
            // A deferred response shows "thinking…" until @original is edited; keep its flags.
            let flags = data["flags"].as_u64().unwrap_or(0);
            let placeholder = placeholder_message(state, &rec, flags);
            set_original(state, id, placeholder);
        }
        _ => {}
    }
    if let Some(r) = state.interactions.get_mut(&id) {
        r.callback = Some(CallbackRec { kind, after, data });
    }
    Answer::no_content()
}

fn describe(rec: &super::state::InteractionRec) -> String {
    match rec.kind {
        2 => format!("interaction {} /{}", rec.id, rec.name),
        3 => format!("interaction {} click {}", rec.id, rec.name),
        4 => format!("interaction {} autocomplete {}", rec.id, rec.name),
        _ => format!("interaction {} modal {}", rec.id, rec.name),
    }
}

fn set_original(state: &mut State, interaction: u64, message: u64) {
    if let Some(r) = state.interactions.get_mut(&interaction) {
        r.original_message_id = Some(message);
    }
}

/// The "bot is thinking" message a deferred response creates.
fn placeholder_message(state: &mut State, rec: &super::state::InteractionRec, flags: u64) -> u64 {
    let id = state.ids.mint();
    state.messages.insert(
        id,
        PostedMessage {
            id,
            channel_id: rec.channel_id,
            author_id: state.bot.user_id,
            content: String::new(),
            embeds: json!([]),
            components: json!([]),
            attachments: vec![],
            flags: flags | 128, // LOADING
            allowed_mentions: None,
            interaction_id: Some(rec.id),
            webhook_id: Some(state.bot.application_id),
            edited: false,
            deleted: false,
            thread_id: None,
            pinged: Default::default(),
        },
    );
    id
}

/// Resolves an interaction webhook token, checking the application id and the token's age.
fn webhook_interaction(state: &State, params: &[String]) -> Result<u64, Answer> {
    if id_param(params, 0) != state.bot.application_id {
        return Err(Answer::error(404, 10015, "Unknown Webhook"));
    }
    let token = params.get(1).map(String::as_str).unwrap_or_default();
    let rec = state
        .interactions
        .values()
        .find(|r| r.token == token)
        .ok_or_else(|| Answer::error(404, 10015, "Unknown Webhook"))?;
    if rec.dispatched_at.elapsed() > INTERACTION_TOKEN_LIFETIME {
        return Err(Answer::error(401, 50027, "Invalid Webhook Token"));
    }
    if rec.callback.is_none() {
        return Err(Answer::error(
            400,
            40060,
            "the interaction has not been acknowledged yet",
        ));
    }
    Ok(rec.id)
}

fn followup(state: &mut State, params: &[String], incoming: Incoming) -> Answer {
    let interaction = match webhook_interaction(state, params) {
        Ok(i) => i,
        Err(a) => return a,
    };
    let channel = state.interactions[&interaction].channel_id;
    let context = format!("followup of interaction {interaction}");
    // Right after a deferred answer (5), the first followup edits the loading message instead of
    // creating one (Discord keeps this for backwards compatibility); its ephemeral state stays.
    let loading = state.interactions[&interaction]
        .original_message_id
        .filter(|id| state.messages.get(id).is_some_and(|m| m.flags & 128 != 0));
    if let Some(original) = loading {
        return match edit_message(state, original, incoming, &context) {
            Ok(m) => Answer::ok(payloads::message(state, &m)),
            Err(a) => a,
        };
    }
    let author = state.bot.user_id;
    let webhook = Some(state.bot.application_id);
    match create_message(
        state,
        channel,
        author,
        Some(interaction),
        webhook,
        incoming,
        &context,
    ) {
        Ok(m) => {
            if let Some(r) = state.interactions.get_mut(&interaction) {
                r.followups.push(m.id);
            }
            Answer::ok(payloads::message(state, &m))
        }
        Err(a) => a,
    }
}

fn webhook_message(
    state: &mut State,
    params: &[String],
    message: Option<u64>,
    incoming: Incoming,
    context: &str,
) -> Answer {
    let interaction = match webhook_interaction(state, params) {
        Ok(i) => i,
        Err(a) => return a,
    };
    let rec = &state.interactions[&interaction];
    let target = match message {
        None => rec
            .original_message_id
            .or(match rec.callback.as_ref().map(|c| c.kind) {
                // After a deferred update (6) or an update (7), @original is the clicked message.
                Some(6 | 7) => rec.source_message_id,
                _ => None,
            }),
        Some(id) => Some(id).filter(|id| {
            rec.followups.contains(id)
                || rec.original_message_id == Some(*id)
                || rec.source_message_id == Some(*id)
        }),
    };
    let Some(target) = target else {
        return Answer::error(404, 10008, "Unknown Message");
    };
    message_op(state, target, incoming, context)
}

/// GET, PATCH or DELETE of one stored message.
fn message_op(state: &mut State, id: u64, incoming: Incoming, context: &str) -> Answer {
    match incoming.method.as_str() {
        "GET" => Answer::ok(payloads::message(state, &state.messages[&id])),
        "DELETE" => {
            if let Some(m) = state.messages.get_mut(&id) {
                m.deleted = true;
            }
            Answer::no_content()
        }
        _ => match edit_message(state, id, incoming, context) {
            Ok(m) => Answer::ok(payloads::message(state, &m)),
            Err(a) => a,
        },
    }
}

/// Checks Discord's rules that the spec cannot express; `Err` is the problem.
fn check_message_rules(body: &Value, files: usize, creating: bool) -> Result<(), String> {
    let has = |k: &str| match &body[k] {
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Null => false,
        _ => true,
    };
    if creating
        && files == 0
        && !["content", "embeds", "components", "sticker_ids", "poll"]
            .iter()
            .any(|k| has(k))
    {
        return Err("Cannot send an empty message".into());
    }
    let mut seen = std::collections::HashSet::new();
    for row in body["components"].as_array().into_iter().flatten() {
        for c in row["components"].as_array().into_iter().flatten() {
            let link = c["style"] == 5;
            let custom_id = c["custom_id"].as_str();
            if c["type"] == 2 && link && c["url"].as_str().is_none() {
                return Err("a link button needs a url".into());
            }
            if c["type"] == 2 && !link && custom_id.is_none() {
                return Err("a button needs a custom_id".into());
            }
            if let Some(id) = custom_id {
                if !seen.insert(id.to_string()) {
                    return Err(format!(
                        "component custom_id {id:?} is used twice in one message"
                    ));
                }
            }
        }
    }
    Ok(())
}

fn create_message(
    state: &mut State,
    channel_id: u64,
    author_id: u64,
    interaction_id: Option<u64>,
    webhook_id: Option<u64>,
    incoming: Incoming,
    context: &str,
) -> Result<PostedMessage, Answer> {
    let Some(channel) = state.channels.get(&channel_id).cloned() else {
        return Err(Answer::error(404, 10003, "Unknown Channel"));
    };
    if interaction_id.is_none() {
        if let Some(g) = channel.guild_id {
            let member = state
                .guilds
                .get(&g)
                .is_some_and(|g| g.members.contains_key(&author_id));
            if !member {
                return Err(Answer::error(403, 50001, "Missing Access"));
            }
        }
    }
    let body = incoming.json.unwrap_or(Value::Null);
    if let Err(problem) = check_message_rules(&body, incoming.files.len(), true) {
        state.violate(context, &problem);
        return Err(Answer::error(400, 50006, &problem));
    }
    let flags = body["flags"].as_u64().unwrap_or(0);
    let content = body["content"].as_str().unwrap_or_default();
    let pinged = match Pings::of(content, body.get("allowed_mentions")) {
        Ok(_) if flags & 64 != 0 => Pings::default(), // ephemeral: nobody is notified
        Ok(p) => p,
        Err(problem) => {
            state.violate(context, &problem);
            return Err(Answer::error(400, 50035, &problem));
        }
    };
    if pinged.everyone || !pinged.roles.is_empty() {
        // Not a Discord rule but peerlearn's: nothing the bot sends may notify @everyone,
        // @here or a role, whatever text it carries.
        state.violate(
            context,
            format!(
                "the message would notify {} (allowed_mentions lets it through)",
                if pinged.everyone {
                    "@everyone/@here".to_string()
                } else {
                    format!("roles {:?}", pinged.roles)
                }
            ),
        );
    }
    if let Some(c) = state.channels.get_mut(&channel_id) {
        c.archived = false; // a new message unarchives a thread
    }
    let id = state.ids.mint();
    let mut files = incoming.files;
    for f in &mut files {
        f.id = state.ids.mint();
    }
    let m = PostedMessage {
        id,
        channel_id,
        author_id,
        content: body["content"].as_str().unwrap_or_default().to_string(),
        embeds: body["embeds"].clone(),
        components: body["components"].clone(),
        attachments: files,
        flags: body["flags"].as_u64().unwrap_or(0),
        allowed_mentions: body.get("allowed_mentions").cloned(),
        interaction_id,
        webhook_id,
        edited: false,
        deleted: false,
        thread_id: None,
        pinged,
    };
    state.messages.insert(id, m.clone());
    if !m.is_ephemeral() {
        let intent = if channel.kind == channel_kind::DM {
            INTENT_DIRECT_MESSAGES
        } else {
            INTENT_GUILD_MESSAGES
        };
        if state.has_intent(intent) {
            let event = payloads::message(state, &m);
            state.dispatch("MESSAGE_CREATE", event);
        }
    }
    Ok(m)
}

fn edit_message(
    state: &mut State,
    id: u64,
    incoming: Incoming,
    context: &str,
) -> Result<PostedMessage, Answer> {
    let body = incoming.json.unwrap_or(Value::Null);
    if let Err(problem) = check_message_rules(&body, incoming.files.len(), false) {
        state.violate(context, &problem);
        return Err(Answer::error(400, 50035, &problem));
    }
    let Some(m) = state.messages.get_mut(&id) else {
        return Err(Answer::error(404, 10008, "Unknown Message"));
    };
    if let Some(c) = body.get("content") {
        m.content = c.as_str().unwrap_or_default().to_string();
    }
    if let Some(e) = body.get("embeds") {
        m.embeds = e.clone();
    }
    if let Some(c) = body.get("components") {
        m.components = c.clone();
    }
    if let Some(a) = body.get("allowed_mentions") {
        m.allowed_mentions = Some(a.clone());
    }
    if let Some(kept) = body.get("attachments").and_then(Value::as_array) {
        let keep: Vec<String> = kept.iter().map(|a| a["id"].to_string()).collect();
        m.attachments
            .retain(|a| keep.iter().any(|k| k.trim_matches('"') == a.id.to_string()));
    }
    let mut files = incoming.files;
    for f in &mut files {
        f.id = state.ids.mint();
    }
    let Some(m) = state.messages.get_mut(&id) else {
        return Err(Answer::error(404, 10008, "Unknown Message"));
    };
    m.attachments.extend(files);
    m.flags &= !128; // an edit ends the "thinking" state
    m.edited = true;
    Ok(m.clone())
}

fn open_dm(state: &mut State, body: Option<Value>) -> Answer {
    let recipient = body
        .as_ref()
        .map(|b| &b["recipient_id"])
        .and_then(|v| v.as_str().and_then(|s| s.parse().ok()).or(v.as_u64()))
        .unwrap_or(0);
    match dm_channel(state, recipient) {
        Some(id) => Answer::ok(payloads::channel(&state.channels[&id], state)),
        None => Answer::error(400, 50033, "Invalid Recipient(s)"),
    }
}

/// The direct-message channel between the bot and `recipient`, created if needed; `None` for
/// an unknown user.
pub(crate) fn dm_channel(state: &mut State, recipient: u64) -> Option<u64> {
    if !state.users.contains_key(&recipient) {
        return None;
    }
    let existing = state
        .channels
        .values()
        .find(|c| c.kind == channel_kind::DM && c.recipient_id == Some(recipient))
        .map(|c| c.id);
    let id = existing.unwrap_or_else(|| {
        let id = state.ids.mint();
        state.channels.insert(
            id,
            ChannelRec {
                id,
                kind: channel_kind::DM,
                guild_id: None,
                name: String::new(),
                parent_id: None,
                owner_id: None,
                recipient_id: Some(recipient),
                archived: false,
                members: Vec::new(),
            },
        );
        id
    });
    Some(id)
}

/// Renames a channel or thread; archives or unarchives a thread (THREAD_UPDATE follows).
fn modify_channel(state: &mut State, id: u64, body: Option<Value>) -> Answer {
    let body = body.unwrap_or(Value::Null);
    let Some(c) = state.channels.get_mut(&id) else {
        return Answer::error(404, 10003, "Unknown Channel");
    };
    let is_thread = matches!(
        c.kind,
        channel_kind::PUBLIC_THREAD | channel_kind::PRIVATE_THREAD
    );
    if let Some(name) = body["name"].as_str() {
        let chars = name.chars().count();
        if !(1..=100).contains(&chars) {
            return Answer::error(400, 50035, "name: must be 1 to 100 characters");
        }
        c.name = name.to_string();
    }
    if let Some(archived) = body["archived"].as_bool() {
        if !is_thread {
            return Answer::error(400, 50024, "Cannot execute action on this channel type");
        }
        c.archived = archived;
    }
    let v = payloads::channel(&state.channels[&id], state);
    if is_thread {
        state.dispatch("THREAD_UPDATE", v.clone());
    } else {
        state.dispatch("CHANNEL_UPDATE", v.clone());
    }
    Answer::ok(v)
}

/// Adds a member of the thread's server to a thread, as Discord does: 204, or an error for
/// a channel that is not a thread, an archived thread or someone not in the server.
fn add_thread_member(state: &mut State, thread: u64, user: u64) -> Answer {
    let Some(c) = state.channels.get(&thread) else {
        return Answer::error(404, 10003, "Unknown Channel");
    };
    if !matches!(
        c.kind,
        channel_kind::PUBLIC_THREAD | channel_kind::PRIVATE_THREAD
    ) {
        return Answer::error(400, 50024, "Cannot execute action on this channel type");
    }
    if c.archived {
        return Answer::error(400, 50083, "Thread is archived");
    }
    let in_guild = c
        .guild_id
        .and_then(|g| state.guilds.get(&g))
        .is_some_and(|g| g.members.contains_key(&user));
    if !in_guild {
        return Answer::error(404, 10013, "Unknown User");
    }
    let c = state.channels.get_mut(&thread).expect("checked above");
    if !c.members.contains(&user) {
        c.members.push(user);
    }
    Answer::no_content()
}

fn start_thread(
    state: &mut State,
    parent: u64,
    from_message: Option<u64>,
    body: Option<Value>,
) -> Answer {
    let Some(parent_channel) = state.channels.get(&parent).cloned() else {
        return Answer::error(404, 10003, "Unknown Channel");
    };
    if parent_channel.kind != channel_kind::GUILD_TEXT {
        return Answer::error(400, 50024, "Cannot execute action on this channel type");
    }
    if let Some(m) = from_message {
        match state.messages.get(&m) {
            Some(msg) if msg.channel_id == parent && msg.thread_id.is_none() => {}
            Some(_) => {
                return Answer::error(
                    400,
                    160004,
                    "A thread has already been created for this message",
                )
            }
            None => return Answer::error(404, 10008, "Unknown Message"),
        }
    }
    let body = body.unwrap_or(Value::Null);
    let kind = if from_message.is_some() {
        channel_kind::PUBLIC_THREAD
    } else {
        body["type"]
            .as_u64()
            .map(|t| t as u8)
            .unwrap_or(channel_kind::PRIVATE_THREAD)
    };
    let id = from_message.unwrap_or_else(|| state.ids.mint());
    let thread = ChannelRec {
        id,
        kind,
        guild_id: parent_channel.guild_id,
        name: body["name"].as_str().unwrap_or_default().to_string(),
        parent_id: Some(parent),
        owner_id: Some(state.bot.user_id),
        recipient_id: None,
        archived: false,
        members: Vec::new(),
    };
    state.channels.insert(id, thread);
    if let Some(m) = from_message.and_then(|m| state.messages.get_mut(&m)) {
        m.thread_id = Some(id);
    }
    let mut v = payloads::channel(&state.channels[&id], state);
    v["newly_created"] = true.into();
    state.dispatch("THREAD_CREATE", v.clone());
    Answer::ok(v)
}

/// Serves a file a member attached to a command: `/attachments/{id}/{filename}` (Discord's CDN).
fn attachment(shared: &Shared, path: &str) -> Response<Full<Bytes>> {
    let id = path
        .trim_start_matches("/attachments/")
        .split('/')
        .next()
        .and_then(|id| id.parse::<u64>().ok());
    let state = shared.state.lock().expect("state");
    match id.and_then(|id| state.uploads.get(&id)) {
        Some(u) => Response::builder()
            .status(StatusCode::OK)
            .header("content-type", u.content_type.clone())
            .body(Full::new(Bytes::from(u.bytes.clone())))
            .expect("valid response"),
        None => respond(Answer::error(404, 0, "404: Not Found")),
    }
}

fn respond(a: Answer) -> Response<Full<Bytes>> {
    let mut builder = Response::builder()
        .status(StatusCode::from_u16(a.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR));
    if let Some(retry) = a.retry_after {
        builder = builder
            .header("retry-after", format!("{}", retry.ceil() as u64))
            .header("x-ratelimit-remaining", "0")
            .header("x-ratelimit-reset-after", format!("{retry:.3}"));
    }
    let body = match a.body {
        Some(v) => {
            builder = builder.header("content-type", "application/json");
            Bytes::from(v.to_string())
        }
        None => Bytes::new(),
    };
    builder.body(Full::new(body)).expect("valid response")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_rules_catch_what_the_spec_cannot() {
        assert!(check_message_rules(&json!({}), 0, true).is_err());
        assert!(check_message_rules(&json!({}), 1, true).is_ok());
        assert!(check_message_rules(&json!({}), 0, false).is_ok());
        let dup = json!({"components": [{"type": 1, "components": [
            {"type": 2, "style": 1, "custom_id": "a", "label": "1"},
            {"type": 2, "style": 1, "custom_id": "a", "label": "2"}]}]});
        assert!(check_message_rules(&dup, 0, true)
            .unwrap_err()
            .contains("used twice"));
        let link = json!({"components": [{"type": 1, "components": [
            {"type": 2, "style": 5, "label": "docs"}]}]});
        assert!(check_message_rules(&link, 0, true).is_err());
    }

    #[test]
    fn query_params_tolerate_serenity_leading_ampersand() {
        assert_eq!(query_param("&wait=true&limit=5", "limit"), Some("5"));
        assert_eq!(query_param("", "limit"), None);
    }
}
