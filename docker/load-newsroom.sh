#!/bin/sh
# One-shot for docker-compose.yml, once Kibana and the services are healthy: imports the
# Kibana saved objects, registers the example rules, then posts the seeds (so that they
# raise alerts).
set -eu
key=${NEWSRADAR_API_KEYS%%,*}

for objects in /kibana/*.ndjson; do
  answer=$(curl -fsS -u "elastic:$ELASTIC_PASSWORD" -H 'kbn-xsrf: newsradar' \
    -X POST 'http://kibana:5601/api/saved_objects/_import?overwrite=true' --form "file=@$objects")
  case $answer in
    *'"success":true'*) echo "Kibana: imported $objects" ;;
    *) echo "Kibana refused $objects: $answer" >&2; exit 1 ;;
  esac
done

for rule in /rules/*.json; do
  id=$(basename "$rule" .json)
  curl -fsS -o /dev/null -X PUT "http://alert-service:8083/api/rules/$id" -H "Authorization: Bearer $key" \
    -H 'Content-Type: application/json' --data-binary "@$rule"
  echo "rule $id registered"
done

for seed in /seeds/*.txt; do
  curl -fsS -X POST "http://ingest-service:8081/api/articles?source=$(basename "$seed")" \
    -H "Authorization: Bearer $key" -H 'Content-Type: text/plain; charset=utf-8' --data-binary "@$seed"
  echo
done
echo "The newsroom is ready: Kibana on http://localhost:5601 (dashboard 'NewsRadar newsroom')"
