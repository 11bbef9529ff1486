#!/bin/sh
# Turns the official image's RABBITMQ_DEFAULT_* variables into RabbitMQ's configuration, then runs the command.
set -eu
conf=/etc/rabbitmq/conf.d/10-novasim-defaults.conf
{
  # As in the official image: the default user may connect from outside the container (guest included).
  echo "loopback_users = none"
  if [ -n "${RABBITMQ_DEFAULT_USER:-}" ]; then echo "default_user = $RABBITMQ_DEFAULT_USER"; fi
  if [ -n "${RABBITMQ_DEFAULT_PASS:-}" ]; then echo "default_pass = $RABBITMQ_DEFAULT_PASS"; fi
  if [ -n "${RABBITMQ_DEFAULT_VHOST:-}" ]; then echo "default_vhost = $RABBITMQ_DEFAULT_VHOST"; fi
} >"$conf"
exec "$@"
