# peerlearn: multi-stage build. The runtime image holds only the binary (built without the demo,
# the benchmark and the emulator), its defaults and CA certificates, runs as a non-root user, and keeps the database on a volume.
#
#   docker build -t peerlearn .
#   docker run -e DISCORD_TOKEN=... -v peerlearn-data:/app/data peerlearn

FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY config ./config
COPY assets ./assets
# The emulator crate is a workspace member; the production build leaves it out.
COPY crates ./crates
RUN cargo build --release --locked --no-default-features --bin peerlearn

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app --uid 10001 peerlearn
WORKDIR /app
COPY --from=build /src/target/release/peerlearn /usr/local/bin/peerlearn
COPY config ./config
RUN mkdir -p /app/data && chown peerlearn:peerlearn /app/data
USER peerlearn
ENV PEERLEARN_DATABASE__PATH=/app/data/peerlearn.db
VOLUME ["/app/data"]
STOPSIGNAL SIGTERM
# Healthy while the bot holds its database (SQLite) or the database answers (Postgres).
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["peerlearn", "health"]
ENTRYPOINT ["peerlearn"]
CMD ["run"]
