# EVN customer-service platform: developer entry points.
# Everything local lives under var/ (ignored by git): broker, SMTP sink, service data.
# Ports and credentials come from the environment (see scripts/broker.sh), e.g.
#   BROKER_PORT=5673 BROKER_MANAGEMENT_PORT=15673 make test

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Extra arguments for swift test, e.g. make test TEST_ARGS="--filter MessagingTests"
TEST_ARGS ?=
# Extra arguments for bench-flow, e.g. make bench-flow BENCH_ARGS="--requests 500"
BENCH_ARGS ?=

# A request's code for `make logs`, e.g. make logs REQUEST=PC05TK-261129-000001
REQUEST ?=

.PHONY: help deps build test coverage check-deploy images compose-test logs run broker broker-stop broker-status directory directory-stop directory-status mailbox mailbox-stop mailbox-status smtp smtp-stop sms sms-stop bench-messaging bench-flow bench-households bench-storm clean

help: ## show this list
	@echo "usage: make TARGET"
	@echo
	@awk -F ':.*## ' '/^[a-z-]+:.*## / { printf "  %-16s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)
	@echo
	@echo "Newcomers: 'make run' to start everything, 'make test' to run the tests."

deps: ## install the system packages (apt) that are missing
	@scripts/install-deps.sh

build: ## swift build (debug)
	swift build

test: ## deps, broker, SMTP sink, staff directory, swift test; stops what it started; TEST_ARGS=... for swift test
	@scripts/test.sh $(TEST_ARGS)

coverage: ## the unit phase with line coverage, then the share of lines run per library and service (own build folder, .build-coverage)
	@scripts/coverage.sh

check-deploy: deps ## Dockerfile, compose, broker definitions, Kubernetes manifests and Prometheus rules against the code (first phase of test)
	@scripts/check-deploy.sh

images: ## podman: the local base, builder, broker and stand-ins' images, then the platform's from the Dockerfile
	@scripts/containers/podman-setup.sh
	@scripts/containers/base-image.sh
	@scripts/containers/builder-image.sh
	@scripts/containers/broker-image.sh
	@scripts/containers/sinks-image.sh
	@scripts/containers/platform-image.sh

compose-test: ## images, then the compose stack driven through its published ports (last phase of test)
	@scripts/containers/compose-test.sh

run: ## deps, build, broker, staff directory, then every built service (Ctrl-C stops all)
	@scripts/run.sh

logs: ## follow every service's log (var/log) by name; REQUEST=<code>: that request's story in time order
	@scripts/logs.sh $(REQUEST)

broker: deps ## start the local RabbitMQ (var/rabbitmq, AMQP :5672, management :15672)
	@scripts/broker.sh start

broker-stop: ## stop the local RabbitMQ
	@scripts/broker.sh stop

broker-status: ## is the local RabbitMQ up?
	@scripts/broker.sh status

directory: deps ## start the local staff directory (OpenLDAP, var/directory, ldap://127.0.0.1:3389, ldaps :3390)
	@scripts/directory.sh start

directory-stop: ## stop the local staff directory
	@scripts/directory.sh stop

directory-status: ## is the local staff directory up?
	@scripts/directory.sh status

mailbox: deps ## start the local customer-care mailbox (Dovecot, var/mailbox, IMAP :1143, IMAPS :1993, LMTP :2424)
	@scripts/mailbox.sh start

mailbox-stop: ## stop the local customer-care mailbox
	@scripts/mailbox.sh stop

mailbox-status: ## is the local customer-care mailbox up?
	@scripts/mailbox.sh status

smtp: deps ## start the local SMTP sink (127.0.0.1:2525, mail in var/smtp/mail)
	@scripts/sink.sh smtp start

smtp-stop: ## stop the local SMTP sink
	@scripts/sink.sh smtp stop

sms: ## start the local SMS gateway (127.0.0.1:8086, messages in var/sms/messages.jsonl)
	@scripts/sink.sh sms start

sms-stop: ## stop the local SMS gateway
	@scripts/sink.sh sms stop

bench-messaging: deps ## broker, then swift run -c release bench-messaging; stops the broker if it started it
	@scripts/with-broker.sh swift run -c release bench-messaging

bench-flow: deps ## broker + SMTP sink, release build, then the new-connection flow benchmark (BENCH_ARGS=...)
	@scripts/with-broker.sh scripts/bench-flow.sh $(BENCH_ARGS)

bench-storm: deps ## broker, release build, then 20,000 outage reports in bursts through intake (BENCH_ARGS=...)
	@scripts/with-broker.sh scripts/bench-storm.sh $(BENCH_ARGS)

bench-households: ## release build, then the sub-household program at corporation size against two sqlite3 baselines (BENCH_ARGS=...)
	@scripts/bench-households.sh $(BENCH_ARGS)

clean: ## stop the broker, the directory, the mailbox and the sinks, delete var/
	@scripts/sink.sh smtp stop
	@scripts/sink.sh sms stop
	@scripts/directory.sh stop
	@scripts/mailbox.sh stop
	@scripts/broker.sh reset
	rm -rf var
