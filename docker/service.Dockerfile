# syntax=docker/dockerfile:1
#
# One image recipe for both services and the web module; the build argument SERVICE names the
# Maven module, whose executable jar is <module>/target/<module>-*-exec.jar:
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=command-service .
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=query-service .
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=web .
# The build context is the repository root (compose.yaml sets it); what it leaves out is in
# service.Dockerfile.dockerignore beside this file (BuildKit reads <Dockerfile>.dockerignore).

ARG SERVICE=command-service

# ---- build: the Maven wrapper builds the service and the modules it needs --------------------
FROM eclipse-temurin:17-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The cache mount keeps Maven and the downloaded dependencies between builds on this machine.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp package -DskipTests -pl "${SERVICE}" -am
# Spring Boot's layered extraction (Boot 3.3+ "tools" jar mode): dependencies, loader, snapshot
# dependencies (our own modules) and application, each its own image layer.
RUN cp "${SERVICE}/target/${SERVICE}"-*-exec.jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /extracted

# ---- runtime: a JRE, the extracted layers, a user without privileges -------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 incidents \
 && useradd --system --uid 10001 --gid incidents --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin incidents
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# The JVM options run.sh and the tests start the services with (heap, collector; see the file).
COPY service-jvm.options ./
USER 10001:10001

# command-service listens on 8081, query-service on 8082, web on 8080.
EXPOSE 8080 8081 8082
# JAVA_OPTS, when set, comes after the shared options and so overrides them, e.g. JAVA_OPTS=-Xmx768m for a larger
# heap (give the container that much more memory too). exec: java is the container's process and gets its signals.
# Arguments given to the container go to the service (e.g. verify-history, rebuild-projections).
ENTRYPOINT ["sh", "-c", "exec java @service-jvm.options $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher \"$@\"", "--"]
