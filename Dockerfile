# syntax=docker/dockerfile:1
#
# The platform's container image: ONE image holding all six services (intake, crm,
# metering, households, outage, notification), the staff sign-in (signin) and the
# operators' evnctl.
#
# Why one image and not six: the services share almost all of their code (Messaging,
# ServiceKit, Contracts, the domain libraries), so one release build compiles the shared
# libraries once instead of six times, and a release is one image to scan, sign and
# promote from test to production: every service of a release runs the same bits.
#
# Why one executable (evn-platform) and not eight: linked with the static Swift standard
# library, each executable carries its own copy of the Swift runtime, Foundation, NIO and
# the shared libraries, 160-180 MB unstripped; eight of them made a 1.5 GB image. The image
# holds one, stripped of its symbols (98 MB; the image about 245 MB), and a link per command (intake, crm, metering,
# households, outage, notification, signin, evnctl) that it dispatches on by the name it is
# called as. Its symbols go to evn-platform.debug in the `debug` stage, kept for reading a
# crash's backtrace (`docker build --target debug -o type=local,dest=DIR .`). A checkout
# still builds each service's own executable for development and the tests. The service is
# chosen by the command, the executable's name:
#
#   docker run … evn-platform intake          (the default command)
#   docker run … evn-platform crm             … metering, households, outage, notification, signin
#   docker run … evn-platform crm backup /srv/evn/var/data/crm-backup.sqlite
#   docker run … evn-platform evnctl dead-letters list --service crm
#
# Build: docker build -t evn-platform .   (docker-compose.yml builds it the same way)

ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# --- build: Swift 6 on Debian 12, the same distribution as the runtime ------------------
FROM ${SWIFT_IMAGE} AS build

# librabbitmq-dev (AMQP) and libldap-dev (the staff directory, for signin) are the build
# dependencies the Swift image lacks (it has libcurl and SQLite's headers); the versions are
# bookworm's, as on a developer's machine. Not pinned (DL3008): bookworm's security updates
# replace a package's version, and a pinned one would stop the build instead of taking the fix.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends librabbitmq-dev libldap-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Dependencies first: this layer is rebuilt only when Package.swift changes.
COPY Package.swift ./
RUN swift package resolve

COPY Libraries/ Libraries/
COPY Services/ Services/
COPY Tools/ Tools/
COPY Benchmarks/ Benchmarks/
COPY Tests/ Tests/

# --static-swift-stdlib: the Swift runtime and Foundation are linked in, so the runtime
# image needs only the C libraries below. The symbols go to a file of their own, linked
# to the stripped executable by its GNU debuglink, so a debugger finds them beside it.
RUN set -eu; \
    swift build -c release --static-swift-stdlib --product evn-platform; \
    bin=$(swift build -c release --show-bin-path); \
    mkdir -p /staging/bin /staging/debug; \
    objcopy --only-keep-debug "$bin/evn-platform" /staging/debug/evn-platform.debug; \
    strip --strip-all -o /staging/bin/evn-platform "$bin/evn-platform"; \
    objcopy --add-gnu-debuglink=/staging/debug/evn-platform.debug /staging/bin/evn-platform

# --- debug: the executable's symbols only, for `--target debug`; never in the runtime image.
FROM scratch AS debug
COPY --from=build /staging/debug/ /

# --- runtime: Debian 12 slim with the shared libraries the executables link ---------------
FROM ${RUNTIME_IMAGE} AS runtime

# librabbitmq4 (AMQP), libcurl4 (SMTP and the SMS gateway), libldap-2.5-0 (the staff
# directory), libsqlite3-0 (the stores),
# ca-certificates (TLS to the mail relay and the gateway), tzdata (Vietnam's time zone for
# request codes and working days). curl is the HEALTHCHECK probe: it shares libcurl4 with
# the services, so it adds only its small command-line binary, and a probe in one line of
# `curl --fail` needs no script of its own to parse HTTP. Unpinned, as above.
# The commands evn-platform answers to, each a link to it in /usr/local/bin.
ARG COMMANDS="intake crm metering households outage notification signin evnctl"
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        librabbitmq4 libcurl4 libldap-2.5-0 libsqlite3-0 ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
    && for command in ${COMMANDS}; do \
        ln -s evn-platform "/usr/local/bin/$command"; \
    done \
    && groupadd --system --gid 10001 evn \
    && useradd --system --uid 10001 --gid evn --home-dir /srv/evn --shell /usr/sbin/nologin evn \
    && mkdir -p /srv/evn/var/data \
    && chown -R evn:evn /srv/evn

COPY --from=build /staging/bin/evn-platform /usr/local/bin/evn-platform
COPY deploy/image/healthcheck.sh /usr/local/bin/evn-healthcheck

# The layout of a checkout under /srv/evn: each service keeps its store in
# <DATA_DIR>/<service>.sqlite, as `make run` does in var/data/. HTTP_HOST: listen on the
# container's interfaces, not only loopback. Logs go to standard output in logfmt, one
# line per event (`docker compose logs`, the cluster's log collector).
WORKDIR /srv/evn
ENV DATA_DIR=/srv/evn/var/data \
    HTTP_HOST=0.0.0.0 \
    LOG_FORMAT=logfmt \
    TZ=Asia/Ho_Chi_Minh
VOLUME ["/srv/evn/var/data"]

# Numeric, so that Kubernetes' runAsNonRoot can check it.
USER 10001:10001

# Each service's HTTP port (HTTP_PORT, else the service's own default).
EXPOSE 8080 8081 8082 8083 8084 8085 8087

# GET /healthz on the port of the service this container runs (see evn-healthcheck).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/evn-healthcheck"]

# The executable is the command: `docker run evn-platform crm` runs crm. SIGTERM stops a
# service gracefully (HTTP first, then the consumer, then the outbox relay).
STOPSIGNAL SIGTERM
CMD ["intake"]
