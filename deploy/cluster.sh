#!/usr/bin/env bash
# Several instances of the desk behind HAProxy, on one PostgreSQL, on this machine: to try what a
# multi-instance deployment does (sessions, sweeps, the outbox, failover) before running it for real.
#
#   deploy/cluster.sh start     start the instances, wait until each is healthy, then the load balancer
#   deploy/cluster.sh stop      stop them all (the load balancer first)
#   deploy/cluster.sh status    which are running, and their health
#   deploy/cluster.sh kill N    kill -9 instance N, as a crash would (the failover drill)
#
# Settings (environment):
#   ATENDE_DB_URL               the shared PostgreSQL (required), e.g. jdbc:postgresql://127.0.0.1:5432/atende
#   ATENDE_CLUSTER_PORT         the load balancer's port (8080)
#   ATENDE_CLUSTER_INSTANCE_PORTS  the instances' ports ("8081 8082 8083": three instances)
#   ATENDE_CLUSTER_DIR          where pid files, logs and haproxy.cfg go (target/cluster)
#   ATENDE_JAR                  the desk (target/atende.jar; build it with ./atende mvn -DskipTests package)
#   ATENDE_JAVA_OPTS            JVM options of each instance (-Xmx512m)
#   ATENDE_CLUSTER_START_TIMEOUT  seconds to wait for every instance to be healthy (240)
# Every other ATENDE_* and SPRING_* variable is passed to every instance as it is (mailboxes, SMTP,
# WhatsApp, ATENDE_BOOTSTRAP_ADMIN_*, …). Unless set, the instances get ATENDE_BASE_URL (the load
# balancer's address) and ATENDE_SECURE_COOKIES=false: this set-up speaks plain HTTP on this machine; a
# real one ends TLS at the load balancer and keeps secure cookies on.
#
# HAProxy is Debian's (installed with apt-get when missing, as root or with sudo): round robin, an
# instance is taken out after two failed health checks half a second apart (GET /actuator/health) and put
# back after two good ones; a request is tried on another instance only when its connection could not be
# made, never once it was sent (so no POST is ever carried out twice).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${ATENDE_CLUSTER_DIR:-$root/target/cluster}
lb_port=${ATENDE_CLUSTER_PORT:-8080}
read -r -a ports <<< "${ATENDE_CLUSTER_INSTANCE_PORTS:-8081 8082 8083}"
jar=${ATENDE_JAR:-$root/target/atende.jar}

say() { printf 'cluster: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# GET /actuator/health over bash's own /dev/tcp (no curl needed): true when the answer says UP.
healthy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /actuator/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && timeout 3 cat <&3) 2>/dev/null | grep -q '"status":"UP"'
}

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

ensure_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return
  PATH="$PATH:/usr/sbin:/sbin"
  command -v haproxy >/dev/null 2>&1 && return
  say "HAProxy is missing; installing Debian's (apt-get install haproxy)"
  local sudo=()
  [[ $EUID -ne 0 ]] && sudo=(sudo -n)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null 2>&1 \
    || { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 \
         && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null 2>&1; } \
    || die "cannot install HAProxy: run apt-get install haproxy as root"
  command -v haproxy >/dev/null 2>&1 || die "HAProxy was installed but is not on the PATH"
}

java_command() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    echo "$root/atende java"
  fi
}

write_haproxy_config() {
  {
    cat <<CFG
global
    maxconn 2000

defaults
    mode http
    option forwardfor
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-request 10s
    retries 2
    option redispatch
    retry-on conn-failure

frontend desk
    bind 127.0.0.1:$lb_port
    default_backend instances

backend instances
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    default-server inter 500ms fall 2 rise 2 fastinter 250ms downinter 1s
CFG
    local i=1
    for port in "${ports[@]}"; do
      echo "    server instance$i 127.0.0.1:$port check"
      i=$((i + 1))
    done
  } > "$dir/haproxy.cfg"
}

start() {
  [[ -n "${ATENDE_DB_URL:-}" ]] || die "set ATENDE_DB_URL to the shared PostgreSQL (jdbc:postgresql://host:5432/database)"
  [[ "$ATENDE_DB_URL" == jdbc:postgresql:* ]] || die "several instances need PostgreSQL, not $ATENDE_DB_URL"
  [[ -f "$jar" ]] || die "no $jar: build it with ./atende mvn -DskipTests package"
  ensure_haproxy
  mkdir -p "$dir"
  local java
  java=$(java_command)
  export ATENDE_BASE_URL=${ATENDE_BASE_URL:-http://127.0.0.1:$lb_port}
  export ATENDE_SECURE_COOKIES=${ATENDE_SECURE_COOKIES:-false}
  export SERVER_FORWARDHEADERSSTRATEGY=${SERVER_FORWARDHEADERSSTRATEGY:-native}
  local i=1
  for port in "${ports[@]}"; do
    if running "$dir/instance$i.pid"; then
      say "instance $i is running already (pid $(cat "$dir/instance$i.pid"))"
    else
      # shellcheck disable=SC2086 # the options are words on purpose
      ATENDE_PORT=$port nohup $java ${ATENDE_JAVA_OPTS:--Xmx512m} -jar "$jar" > "$dir/instance$i.log" 2>&1 &
      echo $! > "$dir/instance$i.pid"
      say "instance $i starting on port $port (pid $!, log $dir/instance$i.log)"
    fi
    i=$((i + 1))
  done
  local deadline=$((SECONDS + ${ATENDE_CLUSTER_START_TIMEOUT:-240}))
  i=1
  for port in "${ports[@]}"; do
    until healthy "$port"; do
      running "$dir/instance$i.pid" || die "instance $i stopped while starting; see $dir/instance$i.log"
      (( SECONDS < deadline )) || die "instance $i is not healthy in time; see $dir/instance$i.log"
      sleep 1
    done
    i=$((i + 1))
  done
  write_haproxy_config
  if running "$dir/haproxy.pid"; then
    kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
  fi
  haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid" 2> "$dir/haproxy.log" || die "HAProxy did not start; see $dir/haproxy.log"
  until healthy "$lb_port"; do
    (( SECONDS < deadline )) || die "the load balancer does not answer on port $lb_port; see $dir/haproxy.log"
    sleep 0.5
  done
  say "ready: http://127.0.0.1:$lb_port (${#ports[@]} instances)"
}

stop_pid() {
  local file=$1
  running "$file" || { rm -f "$file"; return 0; }
  local pid
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

stop() {
  stop_pid "$dir/haproxy.pid"
  local i=1
  for _ in "${ports[@]}"; do
    stop_pid "$dir/instance$i.pid" &
    i=$((i + 1))
  done
  wait
  say "stopped"
}

status() {
  local i=1
  if running "$dir/haproxy.pid"; then
    say "load balancer: running on port $lb_port (pid $(cat "$dir/haproxy.pid"))"
  else
    say "load balancer: stopped"
  fi
  for port in "${ports[@]}"; do
    if running "$dir/instance$i.pid"; then
      say "instance $i: pid $(cat "$dir/instance$i.pid"), port $port, $(healthy "$port" && echo healthy || echo 'not healthy')"
    else
      say "instance $i: stopped"
    fi
    i=$((i + 1))
  done
}

crash() {
  local n=${1:?which instance? deploy/cluster.sh kill 2}
  running "$dir/instance$n.pid" || die "instance $n is not running"
  kill -9 "$(cat "$dir/instance$n.pid")"
  say "instance $n killed (kill -9)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) crash "${2:-}" ;;
  *) sed -n '2,9s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac
