#!/usr/bin/env bash
# One-shot setup of Elasticsearch for docker-compose.yml: Kibana's password, and the user the
# services work as, with only the rights they need. (The services create their index
# templates and aliases themselves at start-up, with the analysis the cluster offers.)
set -euo pipefail
es=http://elasticsearch:9200
auth=(-u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json')

until curl -fs "${auth[@]}" "$es/_cluster/health" > /dev/null; do
  echo "Waiting for Elasticsearch ..."
  sleep 2
done

json_string() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

curl -fsS "${auth[@]}" -X POST "$es/_security/user/kibana_system/_password" \
  -d "{\"password\": $(json_string "$KIBANA_PASSWORD")}" > /dev/null
echo "kibana_system password set"

curl -fsS "${auth[@]}" -X PUT "$es/_security/role/newsradar_writer" -d '{
  "cluster": ["monitor", "manage_index_templates"],
  "indices": [{"names": ["articles*", "alerts*", "alert-deliveries*"], "privileges": ["all"]}]
}' > /dev/null
curl -fsS "${auth[@]}" -X PUT "$es/_security/user/newsradar" \
  -d "{\"password\": $(json_string "$NEWSRADAR_ES_PASSWORD"), \"roles\": [\"newsradar_writer\"]}" > /dev/null
echo "user newsradar (role newsradar_writer) ready"
