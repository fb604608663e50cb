# The three services, built from this checkout. One build stage makes all three jars (and
# is shared by the three images); the final stage takes the one SERVICE names.
#   docker build --build-arg SERVICE=enrich-service --build-arg PORT=8082 -t newsradar/enrich-service .

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

FROM eclipse-temurin:21-jre
# Which service this image runs, and on which port.
ARG SERVICE
ARG PORT
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app newsradar
WORKDIR /app
COPY --from=build /jars/${SERVICE}.jar app.jar
USER 10001
# The heap follows the container's memory limit.
ENV SERVER_PORT=${PORT} JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=12 \
  CMD curl -fs "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "app.jar"]
