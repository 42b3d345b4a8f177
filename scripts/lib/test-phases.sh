# shellcheck shell=bash
# The suites `make test` runs apart from the unit phase, named once for scripts/test.sh and
# scripts/coverage.sh.
#
# The integration scenarios start the services as processes (on two cores they would starve
# beside the unit tests' load), and the suites that restart the whole broker would cut every
# other test's connections: each phase runs alone, after the unit phase.
INTEGRATION_SUITES=IntegrationTests
BROKER_RESTART_SUITES=BrokerRestartTests
# The suites that hold the platform to a latency (a look-up answered within 2.5 s, a time-out
# kept within 3 s, a list answered within 0.5 s while a pass runs, an idle connection cut after
# 2 s, a silent directory given up on after its 1 s time-out, a dead letter seen inside its 4 s
# window and then gone, a signing code at the gateway within 3 s of 50,000 queued reminders):
# beside two hundred other suites on two cores, they would measure the machine's queue, not the
# code. They run one test at a time.
TIMING_SUITES='RequestReplyTests|ResidencePassLoadTests|ServerLimitsTests|UnavailableDirectoryTests|SealedDeadLetterTests|DeliveryPriorityTests'
