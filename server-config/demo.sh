# ./mensageria demo: the seed's story, played against the stack `up` started, one chapter at a time,
# each with a line of explanation and the ops-page link of its trace. Sourced by the launcher, whose
# functions (configure, start_broker, stop_pid, ...) it uses; needs curl and jq.

# A call to the public API through the proxy: api METHOD PATH [BODY] [TOKEN]. Prints the body; the
# status goes to $DEMO/status, the trace id (X-Trace-Id) to $DEMO/trace.
api() {
  local method=$1 path=$2 body=${3:-} token=${4:-} args=()
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
  [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
  curl -s -X "$method" "${args[@]}" -D "$DEMO/headers" -o "$DEMO/body" -w '%{http_code}' \
    "http://127.0.0.1:$PROXY_PORT$path" >"$DEMO/status" || fail "the proxy on port $PROXY_PORT does not answer"
  tr -d '\r' <"$DEMO/headers" | sed -n 's/^[Xx]-[Tt]race-[Ii]d: *//p' >"$DEMO/trace"
  cat "$DEMO/body"
}

# The same call, which must answer this status.
api_expect() {
  local expected=$1
  shift
  local body
  body=$(api "$@")
  [[ $(cat "$DEMO/status") == "$expected" ]] || fail "$1 $2 answered $(cat "$DEMO/status"), not $expected: $body"
  printf '%s' "$body"
}

ops_get() { curl -s -u "ops:$OPS_PASSWORD" "http://127.0.0.1:$APP_PORT$1"; }
ops_post() { curl -s -u "ops:$OPS_PASSWORD" -X POST -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT$1"; }
trace_link() { say "    trace:  http://127.0.0.1:$APP_PORT/ops/#trace=$1"; }

# Polls until a command succeeds, printing a dot every 2 s: wait_until SECONDS WHAT COMMAND...
wait_until() {
  local seconds=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  printf '    waiting until %s ' "$what"
  until "$@"; do
    ((SECONDS < deadline)) || { say; fail "gave up after ${seconds}s waiting until $what"; }
    printf '.'
    sleep 2
  done
  say ' done'
}

# How far a consumer is with the event of this type in this trace: PENDING, RETRYING, DEAD_LETTERED, PROCESSED.
consumer_state() {
  ops_get "/ops/events?traceId=$1&type=$2" | jq -r --arg c "$3" '.events[0].consumers[$c] // "NONE"'
}
consumer_is() { [[ $(consumer_state "$1" "$2" "$3") == "$4" ]]; }
welcomed_and_billed() { consumer_is "$1" UserRegistered billing PROCESSED && consumer_is "$1" UserRegistered notifications PROCESSED; }
subscription_is() { [[ $(api GET "/api/subscriptions/$2" "" "$1" | jq -r .status) == "$3" ]]; }

chapter() {
  say
  say "--- $1"
  shift
  local line
  for line in "$@"; do say "    $line"; done
}

# Registers someone new; prints "ID EMAIL".
register() {
  local who=$1
  api_expect 201 POST /api/users "$(jq -n --arg n "$who" --arg e "demo-$RANDOM$RANDOM@example.com" \
    '{name: $n, email: $e, password: "a long enough secret"}')" | jq -r '.id + " " + .email'
}

# Registers someone new and signs them in: sets the caller's user, token and registration (the trace
# id of the registration).
newcomer() {
  local registered
  registered=$(register "$1")
  registration=$(cat "$DEMO/trace")
  user=${registered% *}
  token=$(sign_in "${registered#* }")
}

sign_in() {
  api_expect 200 POST /api/sessions "$(jq -n --arg e "$1" '{email: $e, password: "a long enough secret"}')" | jq -r .token
}

add_card() {
  api_expect 201 POST "/api/users/$1/cards" \
    "$(jq -n --argjson y "$(($(date +%Y) + 1))" '{number: "4111111111111111", holder: "Demo User", expiryMonth: 12, expiryYear: $y}')" \
    "$2" >/dev/null
}

purchase() { api_expect 202 POST /api/subscriptions '{"planId": "basic"}' "$1" | jq -r .id; }

cmd_demo() {
  configure
  load_secrets
  ensure_packages jq
  DEMO=$(mktemp -d)
  trap 'rm -rf "$DEMO"' EXIT
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY_PORT/api/plans") == 200 ]] \
    || fail "no stack answers on port $PROXY_PORT with these settings: run ./mensageria up first"
  say "The seed's story, against the stack on http://127.0.0.1:$PROXY_PORT (ops page: http://127.0.0.1:$APP_PORT/ops/, user ops)."
  local user token registration trace subscription letter

  chapter "1. A registration, broadcast to two services" \
    "POST /api/users commits the user and a UserRegistered event in one transaction; the relay then" \
    "publishes it to a virtual topic, whose two queues feed billing (an account) and notifications (a welcome)."
  newcomer "Ana Lima"
  trace=$registration
  wait_until 60 "billing and notifications have processed it" welcomed_and_billed "$trace"
  trace_link "$trace"

  chapter "2. The purchase chain" \
    "A card (CardAdded: billing keeps its own copy), then a plan: PlanPurchased -> billing charges the" \
    "card through the payment gateway -> PaymentSucceeded -> subscriptions makes it ACTIVE -> notifications."
  add_card "$user" "$token"
  subscription=$(purchase "$token")
  trace=$(cat "$DEMO/trace")
  wait_until 60 "the subscription is ACTIVE" subscription_is "$token" "$subscription" ACTIVE
  trace_link "$trace"

  chapter "3. A plan bought before its card" \
    "Events can arrive out of order: billing gets PlanPurchased before it knows the card, fails, and the" \
    "broker redelivers it later (retry rounds). Once the card arrives, the next delivery charges it."
  newcomer "Bruno Costa"
  subscription=$(purchase "$token")
  trace=$(cat "$DEMO/trace")
  wait_until 60 "billing has failed it once and waits to retry (RETRYING)" consumer_is "$trace" PlanPurchased billing RETRYING
  add_card "$user" "$token"
  wait_until 600 "a redelivery finds the card and the subscription is ACTIVE" \
    subscription_is "$token" "$subscription" ACTIVE
  trace_link "$trace"

  if [[ -z ${MENSAGERIA_BROKER_URL:-} ]]; then
    chapter "4. The broker goes down; nothing is lost" \
      "With the broker stopped, a registration still commits (the event waits in the event log, not" \
      "yet published); when the broker is back, the relay publishes it and both services process it."
    stop_pid "ActiveMQ broker" "$RUN/broker.pid"
    stop_pid "ActiveMQ broker-2" "$RUN/broker-2.pid"
    register "Carla Dias" >/dev/null
    trace=$(cat "$DEMO/trace")
    say "    registered while the broker is down; the event is logged, unpublished:"
    say "    $(ops_get "/ops/events?traceId=$trace&type=UserRegistered" | jq -c '.events[0] | {eventType, publishedAt, consumers}')"
    start_broker
    wait_until 120 "both services have processed it" welcomed_and_billed "$trace"
    trace_link "$trace"
  fi

  chapter "5. A purchase that dead-letters, and an operator's retry" \
    "A plan bought by a user who never adds a card: after the quick retries and every delayed round the" \
    "message goes to the dead-letter queue, with its cause. The operator sees it on the ops page, the" \
    "user adds a card, and the operator retries it (POST /ops/dead-letters/{id}/retry)."
  newcomer "Davi Rocha"
  subscription=$(purchase "$token")
  trace=$(cat "$DEMO/trace")
  say "    (the redelivery settings decide how long: MENSAGERIA_RETRY_ROUNDS and _ROUND_DELAY; minutes by default)"
  wait_until 1800 "it is dead-lettered" consumer_is "$trace" PlanPurchased billing DEAD_LETTERED
  letter=$(ops_get "/ops/dead-letters?consumer=billing" | jq -r --arg t "$trace" '.[] | select(.traceId == $t) | .id')
  say "    dead letter $letter: $(ops_get "/ops/dead-letters/$letter" | jq -r .cause | head -c 120)"
  add_card "$user" "$token"
  [[ $(ops_post "/ops/dead-letters/$letter/retry") == 202 ]] || fail "the retry of dead letter $letter was refused"
  wait_until 60 "the retried purchase is ACTIVE" subscription_is "$token" "$subscription" ACTIVE
  trace_link "$trace"

  say
  say "Every step of each story is on its trace: the HTTP request, each message, each consumer's log lines."
}
