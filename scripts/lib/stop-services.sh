# shellcheck shell=bash
# The test services stop when the script that started them exits, whatever the reason
# (an error, Ctrl-C, SIGTERM), and the script keeps its exit status. Shared by
# scripts/test.sh and scripts/load.sh; source it after setting ROOT and defining say.

stop_services_on_exit() {
    trap _stop_services_and_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

_stop_services_and_exit() {
    local rc=$?
    trap - EXIT INT TERM
    say "stopping the services this run started"
    "$ROOT/scripts/services.sh" stop || rc=1
    exit "$rc"
}
