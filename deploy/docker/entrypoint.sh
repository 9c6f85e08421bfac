#!/bin/sh
# Entrypoint of the Waarom image: the first argument chooses the service, the rest is passed on.
# Configuration comes only from WAAROM_* environment variables (print them with "config").
set -eu

usage() {
  cat <<'USAGE'
usage: <image> gateway | analyzer | sink | config | cli <waarom command...> | copy-connect-plugin <dir>
  gateway              nl.waarom.ingest.gateway.GatewayMain      (HTTP 8081)
  analyzer             nl.waarom.analyzer.app.AnalyzerMain       (HTTP 8082)
  sink                 nl.waarom.sink.app.SinkMain               (HTTP 8080)
  config               print every WAAROM_* setting of every service
  cli ...              the ./waarom command line, e.g. "cli dlq list --since 2h"
  copy-connect-plugin  copy the Kafka Connect plugin folder into <dir> (a plugin.path volume)
USAGE
}

command="${1:-help}"
[ "$#" -gt 0 ] && shift
case "$command" in
  gateway)  main=nl.waarom.ingest.gateway.GatewayMain ;;
  analyzer) main=nl.waarom.analyzer.app.AnalyzerMain ;;
  sink)     main=nl.waarom.sink.app.SinkMain ;;
  config)   main=nl.waarom.local.WaaromCli; set -- config "$@" ;;
  cli)      main=nl.waarom.local.WaaromCli ;;
  copy-connect-plugin)
    target="${1:?copy-connect-plugin needs a target directory}"
    rm -rf "$target"/waarom-connect-plugin-*
    cp -R /app/connect-plugins/. "$target"/
    ls "$target"
    exit 0 ;;
  help|-h|--help) usage; exit 0 ;;
  *) echo "unknown service: $command" >&2; usage >&2; exit 64 ;;
esac
# JAVA_OPTS is split on purpose (several JVM flags).
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp '/app/lib/*' "$main" "$@"
