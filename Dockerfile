# syntax=docker/dockerfile:1
# One image per novasim service, chosen by build argument:
#   docker build --build-arg SERVICE=api-service --build-arg PORT=8774 -t novasim/api-service .
# docker-compose.yml builds all four. The build stage does not depend on SERVICE, so Docker builds the code once
# and every service's image reuses that layer.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The Maven repository lives in a build cache, not in a layer: a rebuild after a code change downloads nothing.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -Dmaven.test.skip=true package \
      -pl api-service,scheduler-service,compute-service,network-service -am

# A JRE on Alpine: small, and its busybox has the wget the health check uses.
FROM eclipse-temurin:17-jre-alpine
ARG SERVICE=api-service
ARG PORT=8774
ARG VERSION=0.1.0-SNAPSHOT
RUN addgroup -S novasim && adduser -S -G novasim -h /app -H novasim \
    && mkdir -p /app/data && chown novasim:novasim /app/data
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-${VERSION}-exec.jar /app/app.jar
USER novasim
# No credentials here: RABBITMQ_* and SPRING_DATASOURCE_* come from the environment at run time.
ENV NOVASIM_SERVICE=${SERVICE} \
    SERVER_PORT=${PORT} \
    NOVASIM_DATA_DIR=/app/data \
    JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar --novasim.data-dir=\"$NOVASIM_DATA_DIR\" \"$@\"", "novasim"]
