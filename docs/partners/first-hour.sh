#!/usr/bin/env bash
# A partner's first hour, as requests: the main flow of the platform through the gateway, each call printed with
# its answer's status, and checked (a wrong status stops the script). docs/PARTNERS.md walks through it.
#
#   bin/platform up && docs/partners/first-hour.sh            # against the local platform
#   TREMPLIN_URL=http://127.0.0.1:8080 TREMPLIN_TOKEN_COMMAND="bin/platform token" docs/partners/first-hour.sh
#
# TREMPLIN_TOKEN_COMMAND makes a token: it takes `ROLE [--sub ID] [--claim name=value]...` like
# `bin/platform token` (the default), which signs with the local dev key. Needs curl and jq.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

URL=${TREMPLIN_URL:-http://127.0.0.1:8080}
read -r -a TOKEN_COMMAND <<<"${TREMPLIN_TOKEN_COMMAND:-bin/platform token}"
RUN=$(date +%s)-$$          # makes this run's names its own, so the script can run again on the same platform

token() { "${TOKEN_COMMAND[@]}" "$@"; }

# call EXPECTED METHOD PATH [curl options...]: prints the request and the status; the body is in $BODY,
# the headers in $HEADERS. EXPECTED may list statuses: 200|201.
call() {
  local expected=$1 method=$2 path=$3; shift 3
  local out; out=$(mktemp)
  HEADERS=$(curl -sS -m 30 -o "$out" -D - -X "$method" "$URL$path" "$@" | tr -d '\r')
  BODY=$(cat "$out"); rm -f "$out"
  STATUS=$(head -n 1 <<<"$HEADERS" | cut -d' ' -f2)
  printf '%-6s %-70s -> %s\n' "$method" "$path" "$STATUS"
  if [[ "|$expected|" != *"|$STATUS|"* ]]; then
    echo "expected $expected; the answer was:" >&2
    echo "$HEADERS" >&2
    echo "$BODY" >&2
    exit 1
  fi
}
header() { grep -i "^$1:" <<<"$HEADERS" | head -n 1 | cut -d' ' -f2- ; }
json() { curl_json=(-H "Content-Type: application/json" --data "$1"); }

# the same call again, for at most 30 s, until its status is EXPECTED: what another service learns from an event
# (a new pupil, a published offer) takes a moment to reach the service that needs it
eventually() {
  local expected=$1 deadline=$((SECONDS + 30)); shift
  until (call "$expected" "$@" >/dev/null 2>&1); do
    [ $SECONDS -lt $deadline ] || { call "$expected" "$@"; return; }
    sleep 0.5
  done
  call "$expected" "$@"
}

# school years run from September; offers and candidacies name ISO weeks
year=$(date +%Y); [ "$(date +%-m)" -ge 8 ] && SCHOOL_YEAR="$year-$((year + 1))" || SCHOOL_YEAR="$((year - 1))-$year"
WEEK=$(date -d "+6 weeks" +%G-W%V)

echo "== 1. Reference data and the schools: public, cacheable"
call 200 GET /api/v1/sectors
SECTOR=$(jq -r '.[0].id' <<<"$BODY")
echo "   Cache-Control: $(header Cache-Control)"
call 200 GET "/api/v1/schools?department=93&priority=REP_PLUS&size=1"
UAI=$(jq -r '.items[0].uai' <<<"$BODY"); DEPARTMENT=$(jq -r '.items[0].department' <<<"$BODY")
echo "   a REP+ collège of Seine-Saint-Denis: $UAI"

echo "== 2. The school: its principal opens a class and enrols a pupil (the platform keeps names, never in URLs)"
PRINCIPAL=$(token principal --sub "principal-$RUN" --claim school="$UAI")
json "{\"name\":\"3e FH-$RUN\",\"schoolYear\":\"$SCHOOL_YEAR\"}"
call 201 POST "/api/v1/schools/$UAI/classes" -H "Authorization: Bearer $PRINCIPAL" "${curl_json[@]}"
CLASS=$(jq -r .id <<<"$BODY")
json '{"firstName":"Camille","lastName":"Exemple"}'
call 201 POST "/api/v1/classes/$CLASS/pupils" -H "Authorization: Bearer $PRINCIPAL" "${curl_json[@]}"
PUPIL=$(jq -r .id <<<"$BODY")

echo "== 3. The relay of the département where the internship takes place (an admin registers it; PUT is idempotent)"
ADMIN=$(token admin)
RELAY="relay-$DEPARTMENT"
call 200 GET "/api/v1/relays?size=100" -H "Authorization: Bearer $ADMIN"
COVERING=$(jq -r --arg d "$DEPARTMENT" '[.items[] | select(.departments | index($d))][0].id // empty' <<<"$BODY")
if [ -n "$COVERING" ]; then RELAY=$COVERING; echo "   $DEPARTMENT is covered by $RELAY"
else
  json "{\"name\":\"Relais $DEPARTMENT\",\"departments\":[\"$DEPARTMENT\"]}"
  call "200|201" PUT "/api/v1/relays/$RELAY" -H "Authorization: Bearer $ADMIN" "${curl_json[@]}"
fi

echo "== 4. A host: its organisation, an offer created with an Idempotency-Key, then published"
ORGANISATION=$(cat /proc/sys/kernel/random/uuid)
HOST=$(token host --sub "host-$RUN" --claim organisation="$ORGANISATION")
json '{"name":"Atelier Exemple","siret":"12345678901234","publicSector":false,"zipcode":"93200","city":"Saint-Denis"}'
call 201 PUT "/api/v1/organisations/$ORGANISATION" -H "Authorization: Bearer $HOST" "${curl_json[@]}"
OFFER_BODY="{\"title\":\"Découvrir la menuiserie $RUN\",\"description\":\"Une semaine à l'atelier : mesurer, scier, assembler.\",
  \"sectorId\":\"$SECTOR\",\"publicSector\":false,\"schoolYear\":\"$SCHOOL_YEAR\",\"weeks\":[\"$WEEK\"],
  \"capacityPerWeek\":2,\"maxGroupSize\":1,
  \"address\":{\"street\":\"1 place du Caquet\",\"zipcode\":\"93200\",\"city\":\"Saint-Denis\",\"department\":\"93\",
               \"academy\":\"Créteil\",\"latitude\":48.9362,\"longitude\":2.3574}}"
KEY="first-hour-$RUN"
json "$OFFER_BODY"
call 201 POST /api/v1/offers -H "Authorization: Bearer $HOST" -H "Idempotency-Key: $KEY" "${curl_json[@]}"
OFFER=$(jq -r .id <<<"$BODY")
echo "   ETag: $(header ETag)"
call 201 POST /api/v1/offers -H "Authorization: Bearer $HOST" -H "Idempotency-Key: $KEY" "${curl_json[@]}"
[ "$(jq -r .id <<<"$BODY")" = "$OFFER" ] && echo "   the retry with the same key answered the same offer, created once"
call 200 POST "/api/v1/offers/$OFFER/publish" -H "Authorization: Bearer $HOST"
TAG=$(header ETag)

echo "== 5. Search, as anybody, and a conditional read"
call 200 GET "/api/v1/offers?q=menuiserie&week=$WEEK&size=5"
jq -e --arg id "$OFFER" '[.items[].id] | index($id)' <<<"$BODY" >/dev/null && echo "   the offer is found"
call 304 GET "/api/v1/offers/$OFFER" -H "If-None-Match: $TAG"

echo "== 6. The pupil applies (once the pupil and the offer have reached applications-service)"
PUPIL_TOKEN=$(token pupil --sub "$PUPIL" --claim school="$UAI")
json "{\"offerId\":\"$OFFER\",\"week\":\"$WEEK\",\"motivation\":\"J'aime travailler le bois.\"}"
eventually 201 POST /api/v1/applications -H "Authorization: Bearer $PUPIL_TOKEN" -H "Idempotency-Key: apply-$RUN" \
  "${curl_json[@]}"
APPLICATION=$(jq -r .id <<<"$BODY")

echo "== 7. The relay triages: an agent claims a batch of its queue, then forwards the candidacy to the host"
AGENT=$(token relay --sub "agent-$RUN" --claim relay="$RELAY")
call 200 POST "/api/v1/relays/$RELAY/queue/claim?size=10" -H "Authorization: Bearer $AGENT"
json '{"reason":"Profil adapté, transmis."}'
call 200 POST "/api/v1/applications/$APPLICATION/forward" -H "Authorization: Bearer $AGENT" "${curl_json[@]}"
call 204 DELETE "/api/v1/relays/$RELAY/queue/claim" -H "Authorization: Bearer $AGENT"

echo "== 8. The host accepts (a seat is held), the pupil confirms (the seat is taken, the agreement drafted)"
json '{}'
call 200 POST "/api/v1/applications/$APPLICATION/accept" -H "Authorization: Bearer $HOST" "${curl_json[@]}"
call 200 POST "/api/v1/applications/$APPLICATION/confirm" -H "Authorization: Bearer $PUPIL_TOKEN" "${curl_json[@]}"
call 200 GET "/api/v1/applications/$APPLICATION" -H "Authorization: Bearer $PUPIL_TOKEN"
echo "   state $(jq -r .state <<<"$BODY"), history: $(jq -r '[.history[].action] | join(" → ")' <<<"$BODY")"

echo "== 9. Errors are application/problem+json, paging is page/size/totalItems"
call 400 GET "/api/v1/offers?radiusKm=0"
echo "   $(header Content-Type): $(jq -c '{title, status, detail}' <<<"$BODY")"
call 401 GET "/api/v1/applications"
call 200 GET "/api/v1/schools/$UAI/pupils?page=0&size=1" -H "Authorization: Bearer $PRINCIPAL"
echo "   $(jq -c '{page, size, totalItems}' <<<"$BODY")"

echo "first hour done: offer $OFFER, candidacy $APPLICATION CONFIRMED"
