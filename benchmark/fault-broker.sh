#!/usr/bin/env bash
# A RabbitMQ node of its own for the boot-under-fault benchmark, so that stopping "the broker" stops only the cloud
# under test, never the shared 127.0.0.1:5672 that other test runs use. Runs as the calling user, from
# /usr/lib/rabbitmq/bin (Debian's /usr/sbin wrappers would switch to the rabbitmq user), with its data in DIR.
#   benchmark/fault-broker.sh start [DIR]   node faults@localhost: AMQP 5682, management 15682 (guest/guest)
#   benchmark/fault-broker.sh stop [DIR]
#   benchmark/fault-broker.sh ctl [DIR]     prints the rabbitmqctl command line for that node (for --fault-start)
# Ports and node name: FAULT_BROKER_PORT, FAULT_BROKER_MANAGEMENT_PORT, FAULT_BROKER_NODE.
set -euo pipefail
command=${1:-}
dir=${2:-/tmp/novasim-fault-broker}
port=${FAULT_BROKER_PORT:-5682}
management=${FAULT_BROKER_MANAGEMENT_PORT:-15682}
node=${FAULT_BROKER_NODE:-faults@localhost}
bin=/usr/lib/rabbitmq/bin

environment() {
  export RABBITMQ_NODENAME=$node RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$((port + 20000))
  export RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log RABBITMQ_PID_FILE=$dir/pid
  export RABBITMQ_CONFIG_FILE=$dir/rabbitmq RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins
}

case $command in
  start)
    mkdir -p "$dir/mnesia" "$dir/log"
    printf 'listeners.tcp.default = %s\nmanagement.tcp.port = %s\nmanagement.tcp.ip = 127.0.0.1\n' \
      "$port" "$management" >"$dir/rabbitmq.conf"
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
    environment
    "$bin/rabbitmq-server" -detached
    # await_startup fails at once while the Erlang node itself is not up yet: wait for that first (60 s at most).
    for _ in $(seq 1 60); do "$bin/rabbitmqctl" -q -n "$node" ping >/dev/null 2>&1 && break; sleep 1; done
    "$bin/rabbitmqctl" -n "$node" await_startup --timeout 120
    echo "RabbitMQ node $node: AMQP 127.0.0.1:$port, management 127.0.0.1:$management, data $dir"
    ;;
  stop)
    environment
    "$bin/rabbitmqctl" -n "$node" stop
    ;;
  ctl)
    echo "$bin/rabbitmqctl -n $node"
    ;;
  *)
    echo "usage: $0 start|stop|ctl [DIR]" >&2
    exit 2
    ;;
esac
