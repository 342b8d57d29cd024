//! The emulator's WebSocket gateway (Discord's `events/gateway` docs): Hello, Identify with
//! close 4004 for a wrong token and 4014 for disallowed intents, READY then GUILD_CREATE,
//! heartbeat ACKs, sequence numbers, Resume with replay of missed events, Reconnect (op 7) and
//! Invalid Session (op 9) on request of the test. Sharding: Identify may carry `shard: [id,
//! count]`; each shard is a session of its own that gets the events of the guilds with
//! `(guild_id >> 22) % count == id` (direct messages on shard 0); an invalid pair is closed
//! with 4010, a shard that would hold too many guilds with 4011.

use super::payloads;
use super::state::{GatewayCommand, SessionRec, State, PRIVILEGED_INTENTS};
use super::Shared;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message as WsMessage;

pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    while let Ok((stream, _)) = listener.accept().await {
        // Events go out as soon as they are written (see `rest::serve`).
        let _ = stream.set_nodelay(true);
        tokio::spawn(connection(stream, Arc::clone(&shared)));
    }
}

async fn connection(stream: TcpStream, shared: Arc<Shared>) {
    let Ok(ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    let (mut sink, mut source) = ws.split();
    let (tx, mut rx) = mpsc::unbounded_channel::<GatewayCommand>();
    let interval = {
        let mut s = shared.state.lock().expect("state");
        s.gateway.connections += 1;
        s.heartbeat_interval_ms
    };
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": interval}});
    if sink.send(WsMessage::Text(hello.to_string())).await.is_err() {
        return;
    }
    shared.changed.notify_waiters();
    // Discord closes a connection whose heartbeats stop; allow twice the interval.
    let heartbeat_grace = Duration::from_millis(interval * 2);
    let mut deadline = tokio::time::Instant::now() + heartbeat_grace;
    let mut identified = false;
    loop {
        tokio::select! {
            incoming = source.next() => {
                let text = match incoming {
                    Some(Ok(WsMessage::Text(t))) => t,
                    Some(Ok(WsMessage::Binary(_))) => {
                        let _ = close(&mut sink, 4002, "binary frames are not accepted").await;
                        break;
                    }
                    Some(Ok(WsMessage::Close(_))) | None | Some(Err(_)) => break,
                    Some(Ok(_)) => continue,
                };
                let Ok(payload) = serde_json::from_str::<Value>(&text) else {
                    let _ = close(&mut sink, 4002, "payload is not JSON").await;
                    break;
                };
                match payload["op"].as_u64() {
                    Some(1) => {
                        deadline = tokio::time::Instant::now() + heartbeat_grace;
                        shared.state.lock().expect("state").gateway.heartbeats += 1;
                        let ack = json!({"op": 11, "s": null, "t": null, "d": null});
                        if sink.send(WsMessage::Text(ack.to_string())).await.is_err() {
                            break;
                        }
                    }
                    Some(2) => {
                        if identified {
                            let _ = close(&mut sink, 4005, "already authenticated").await;
                            break;
                        }
                        match identify(&shared, &payload["d"], &tx) {
                            Ok(()) => identified = true,
                            Err((code, reason)) => {
                                let _ = close(&mut sink, code, reason).await;
                                break;
                            }
                        }
                    }
                    Some(6) => match resume(&shared, &payload["d"], &tx) {
                        Ok(()) => identified = true,
                        Err((code, reason)) => {
                            let _ = close(&mut sink, code, reason).await;
                            break;
                        }
                    },
                    Some(3 | 4 | 8 | 31) => {}
                    _ => {
                        let _ = close(&mut sink, 4001, "unknown opcode").await;
                        break;
                    }
                }
                shared.changed.notify_waiters();
            }
            command = rx.recv() => match command {
                Some(GatewayCommand::Send(v)) => {
                    if sink.send(WsMessage::Text(v.to_string())).await.is_err() {
                        break;
                    }
                }
                Some(GatewayCommand::Close(code)) => {
                    let _ = close(&mut sink, code, "closed by the test").await;
                    break;
                }
                Some(GatewayCommand::Drop) | None => break,
            },
            _ = tokio::time::sleep_until(deadline) => {
                let _ = close(&mut sink, 4009, "session timed out: no heartbeat").await;
                break;
            }
        }
    }
    let mut s = shared.state.lock().expect("state");
    for session in s.sessions.values_mut() {
        if session.sender.as_ref().is_some_and(|t| t.same_channel(&tx)) {
            session.sender = None;
        }
    }
    drop(s);
    shared.changed.notify_waiters();
}

type CloseReason = (u16, &'static str);

fn identify(
    shared: &Shared,
    d: &Value,
    tx: &mpsc::UnboundedSender<GatewayCommand>,
) -> Result<(), CloseReason> {
    let mut s = shared.state.lock().expect("state");
    if !token_matches(d["token"].as_str(), &s.bot.token) {
        return Err((4004, "Authentication failed."));
    }
    let intents = d["intents"].as_u64().unwrap_or(0);
    if intents & PRIVILEGED_INTENTS & !s.bot.allowed_privileged_intents != 0 {
        return Err((4014, "Disallowed intent(s)."));
    }
    let shard = match &d["shard"] {
        Value::Null => [0, 1],
        Value::Array(pair) => match pair.as_slice() {
            [id, total] => match (id.as_u64(), total.as_u64()) {
                (Some(id), Some(total)) if total >= 1 && id < total && total <= 1 << 16 => {
                    [id as u32, total as u32]
                }
                _ => return Err((4010, "Invalid shard.")),
            },
            _ => return Err((4010, "Invalid shard.")),
        },
        _ => return Err((4010, "Invalid shard.")),
    };
    // Every live session shares one shard count.
    if s.sessions
        .values()
        .any(|x| x.sender.is_some() && x.shard[1] != shard[1] && x.shard[0] != shard[0])
    {
        return Err((4010, "Invalid shard."));
    }
    let bot = s.bot.user_id;
    let guilds: Vec<u64> = s
        .guilds
        .values()
        .filter(|g| g.members.contains_key(&bot))
        .map(|g| g.id)
        .filter(|g| State::shard_of(*g, shard[1]) == shard[0])
        .collect();
    if guilds.len() > s.max_guilds_per_shard {
        return Err((4011, "Sharding required."));
    }
    s.gateway.identifies += 1;
    let session_id = format!("session-{}", s.ids.mint());
    // A shard count that changed leaves the sessions of the old count behind.
    s.sessions.retain(|_, x| x.shard[1] == shard[1]);
    s.sessions.insert(
        shard[0],
        SessionRec {
            id: session_id.clone(),
            shard,
            seq: 0,
            intents,
            log: Vec::new(),
            sender: Some(tx.clone()),
        },
    );
    let ready = payloads::ready(&s, &session_id, &shared.gateway_url, shard, &guilds);
    s.dispatch_to(shard[0], "READY", ready);
    for id in guilds {
        let g = payloads::guild_create(&s, &s.guilds[&id]);
        s.dispatch_to(shard[0], "GUILD_CREATE", g);
    }
    Ok(())
}

fn resume(
    shared: &Shared,
    d: &Value,
    tx: &mpsc::UnboundedSender<GatewayCommand>,
) -> Result<(), CloseReason> {
    let mut s = shared.state.lock().expect("state");
    if !token_matches(d["token"].as_str(), &s.bot.token) {
        return Err((4004, "Authentication failed."));
    }
    let wanted = d["session_id"].as_str().unwrap_or_default();
    let seq = d["seq"].as_u64().unwrap_or(0);
    let shard = s
        .sessions
        .values()
        .find(|x| x.id == wanted && seq <= x.seq)
        .map(|x| x.shard[0]);
    let Some(shard) = shard else {
        s.gateway.invalid_sessions += 1;
        let invalid = json!({"op": 9, "s": null, "t": null, "d": false});
        let _ = tx.send(GatewayCommand::Send(invalid));
        return Ok(());
    };
    s.gateway.resumes += 1;
    let session = s.sessions.get_mut(&shard).expect("found above");
    session.sender = Some(tx.clone());
    for (_, payload) in session.log.iter().filter(|(n, _)| *n > seq) {
        let _ = tx.send(GatewayCommand::Send(payload.clone()));
    }
    s.dispatch_to(shard, "RESUMED", json!({}));
    Ok(())
}

/// Discord's Identify carries the token as `Bot <token>`; a bare token is accepted as well.
fn token_matches(sent: Option<&str>, expected: &str) -> bool {
    let Some(sent) = sent else { return false };
    sent.strip_prefix("Bot ").unwrap_or(sent) == expected
}

async fn close<S>(sink: &mut S, code: u16, reason: &'static str) -> Result<(), S::Error>
where
    S: futures_util::Sink<WsMessage> + Unpin,
{
    sink.send(WsMessage::Close(Some(CloseFrame {
        code: CloseCode::from(code),
        reason: reason.into(),
    })))
    .await
}

#[cfg(test)]
mod tests {
    use super::token_matches;

    #[test]
    fn tokens_are_compared_without_the_bot_prefix() {
        assert!(token_matches(Some("Bot abc"), "abc"));
        assert!(token_matches(Some("abc"), "abc"));
        assert!(!token_matches(Some("Bot abd"), "abc"));
        assert!(!token_matches(None, "abc"));
    }
}
