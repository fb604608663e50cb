# The three services, built from this checkout. One build stage makes all three jars;
# docker-compose.yml picks a service with `target:`.
#   docker build --target enrich-service -t newsradar/enrich-service .

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache: dependencies are fetched once, not on every change.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl ingest-service,enrich-service,alert-service -am \
      -DskipTests package \
 && mkdir /jars \
 && for service in ingest-service enrich-service alert-service; do \
      cp "$service/target/$service-"*-exec.jar "/jars/$service.jar"; \
    done

FROM eclipse-temurin:21-jre AS runtime
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app newsradar
WORKDIR /app
USER 10001
# The heap follows the container's memory limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

FROM runtime AS ingest-service
COPY --from=build /jars/ingest-service.jar app.jar
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=12 \
  CMD curl -fs http://localhost:8081/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS enrich-service
COPY --from=build /jars/enrich-service.jar app.jar
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=12 \
  CMD curl -fs http://localhost:8082/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "app.jar"]

FROM runtime AS alert-service
COPY --from=build /jars/alert-service.jar app.jar
EXPOSE 8083
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=12 \
  CMD curl -fs http://localhost:8083/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "app.jar"]
