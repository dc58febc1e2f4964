#!/usr/bin/env bash
# Starts the command service, the query service and the web module on the embedded default (one H2 file
# under ./data, or $INCIDENTS_DATA_DIR; the web module's embedded OpenID Provider with the demo school board),
# building them first when the sources changed. Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")"

command_port="${COMMAND_SERVICE_PORT:-8081}"
query_port="${QUERY_SERVICE_PORT:-8082}"
web_port="${WEB_PORT:-8080}"
data_dir="${INCIDENTS_DATA_DIR:-./data}"
export INCIDENTS_DATA_DIR="$data_dir" COMMAND_SERVICE_PORT="$command_port" QUERY_SERVICE_PORT="$query_port" WEB_PORT="$web_port"
export QUERY_SERVICE_URL="${QUERY_SERVICE_URL:-http://localhost:$query_port}"
export COMMAND_SERVICE_URL="${COMMAND_SERVICE_URL:-http://localhost:$command_port}"
# The services take the tokens of the web module's embedded OpenID Provider (its issuer is the web module's
# own address), unless another issuer is given.
if [ -z "${INCIDENTS_OIDC_ISSUER:-}" ]; then
  export INCIDENTS_OIDC_ISSUER="http://localhost:$web_port"
  export INCIDENTS_OIDC_JWK_SET_URI="${INCIDENTS_OIDC_JWK_SET_URI:-$INCIDENTS_OIDC_ISSUER/oauth2/jwks}"
fi

jar_of() { ls "$1"/target/"$1"-*-exec.jar 2>/dev/null | head -n 1; }

needs_build() {
  local jar sources
  for module in command-service query-service web; do
    jar=$(jar_of "$module")
    [ -n "$jar" ] || return 0
    if [ "$module" = web ]; then sources="directory"; else sources="directory service-support"; fi
    # shellcheck disable=SC2086 # the module lists are words on purpose
    if [ -n "$(find pom.xml shared-kernel $sources "$module" -newer "$jar" -type f \
               \( -path '*/src/*' -o -name pom.xml \) 2>/dev/null | head -n 1)" ]; then
      return 0
    fi
  done
  return 1
}

if needs_build; then
  echo "Building the services and the web module (the first build downloads dependencies and takes a few minutes)..."
  ./mvnw -q -B -DskipTests package -pl command-service,query-service,web -am
fi

# Pupils' personal data: the data directory and everything in it are the owner's only (the services
# see to the directory and the database files themselves; the umask covers the logs). The path is made
# absolute so that every process names the same directory.
umask 077
mkdir -p "$data_dir/logs"
data_dir=$(cd "$data_dir" && pwd)
export INCIDENTS_DATA_DIR="$data_dir"
names=()
pids=()

# Stops everything in the reverse order of its start: the web module, the query service, then the command
# service, which owns the database and closes it last.
stop_all() {
  trap - INT TERM EXIT
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      kill -TERM "${pids[$i]}" 2>/dev/null || true
      wait "${pids[$i]}" 2>/dev/null || true
    fi
  done
}
on_signal() {
  echo
  echo "Stopping..."
  stop_all
  echo "Stopped."
  exit 0
}
trap on_signal INT TERM
trap stop_all EXIT

# Asks a service for its health without needing curl: bash's own /dev/tcp.
healthy() {
  local port=$1 status
  { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3<&- 3>&-
  [[ "$status" == *" 200"* ]]
}

start() {
  local service=$1 port=$2 log="$data_dir/logs/$1.log"
  # The JVM options every start of the services shares (heap, collector): see service-jvm.options.
  java @service-jvm.options -jar "$(jar_of "$service")" >>"$log" 2>&1 &
  local pid=$!
  names+=("$service")
  pids+=("$pid")
  for _ in $(seq 1 240); do
    if healthy "$port"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$service stopped while starting; the end of $log:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "$service did not start within two minutes; see $log" >&2
  exit 1
}

# The command service first: it owns the embedded database and serves it to the query service.
start command-service "$command_port"
start query-service "$query_port"
# Then the web module: the one address a person opens, and (in the demo) the OpenID Provider.
start web "$web_port"

cat <<MSG

The services and the web module are running on the embedded store in $data_dir.
  web module       http://localhost:$web_port
  command service  http://localhost:$command_port   (API docs: http://localhost:$command_port/swagger-ui.html)
  query service    http://localhost:$query_port   (API docs: http://localhost:$query_port/swagger-ui.html)
  logs             $data_dir/logs/
MSG
if [ "${INCIDENTS_DEMO:-true}" != "false" ]; then
  echo "  demo users       teacher, teacher2, manager, manager2, comms, board (password: demo)"
fi
echo "Press Ctrl-C to stop all three."
echo
echo "Open http://localhost:$web_port and sign in as teacher / demo"

# Returns when a service ends by itself (Ctrl-C is handled by on_signal).
wait -n "${pids[@]}" || true
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    echo "The ${names[$i]} stopped unexpectedly; see $data_dir/logs/${names[$i]}.log. Stopping the others." >&2
  fi
done
stop_all
exit 1
