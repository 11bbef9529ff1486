# One image per novasim service, chosen by build argument:
#   docker build --build-arg SERVICE=api-service --build-arg PORT=8774 -t novasim/api-service .
# docker-compose.yml builds all four. The build stage does not depend on SERVICE, so Docker builds the code once
# and every service's image reuses that layer.
#
# The base images are build arguments whose defaults are the official images. Where no registry answers,
# ./novasim images builds local stand-ins from Debian's packages (novasim/jdk, novasim/jre) and docker/offline.env
# passes them in. Nothing here needs BuildKit (no syntax line, no cache mount), so any docker client builds it.
ARG JDK_IMAGE=eclipse-temurin:17-jdk
ARG JRE_IMAGE=eclipse-temurin:17-jre-alpine

FROM ${JDK_IMAGE} AS build
# Every image this file makes carries the label, so what earlier builds left can be pruned by it alone.
LABEL org.novasim.build=stage
WORKDIR /src
# Dependencies first, in a layer that only a change of a pom (or of the wrapper) rebuilds: a code change downloads
# nothing. Maven needs every module's pom to read the reactor; a build of the poms alone fetches what the real build
# uses (compiling no code, repackaging nothing), and what it left in target/ goes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY test-support/pom.xml test-support/
COPY embedded-broker/pom.xml embedded-broker/
COPY common/pom.xml common/
COPY network-service/pom.xml network-service/
COPY scheduler-service/pom.xml scheduler-service/
COPY compute-service/pom.xml compute-service/
COPY api-service/pom.xml api-service/
COPY system-tests/pom.xml system-tests/
COPY launcher-tests/pom.xml launcher-tests/
COPY benchmark/pom.xml benchmark/
RUN ./mvnw -B -q -Dmaven.test.skip=true -Dspring-boot.repackage.skip=true package \
      -pl api-service,scheduler-service,compute-service,network-service -am \
    && rm -rf */target
COPY . .
RUN ./mvnw -B -q -Dmaven.test.skip=true package \
      -pl api-service,scheduler-service,compute-service,network-service -am

FROM ${JRE_IMAGE}
LABEL org.novasim.build=service
ARG SERVICE=api-service
ARG PORT=8774
ARG VERSION=0.1.0-SNAPSHOT
# The official runtime image is Alpine (busybox's adduser), the local stand-in Debian (useradd).
RUN if command -v useradd >/dev/null; then useradd --system --user-group --home-dir /app --no-create-home novasim; \
    else addgroup -S novasim && adduser -S -G novasim -h /app -H novasim; fi \
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
HEALTHCHECK --interval=10s --timeout=3s --start-period=180s --retries=3 \
    CMD wget -q -O /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar --novasim.data-dir=\"$NOVASIM_DATA_DIR\" \"$@\"", "novasim"]
