# syntax=docker/dockerfile:1
# CreditGate gateway image: `docker build -t creditgate/gateway:0.1.0-SNAPSHOT .` (BuildKit).
# Runs `java $JAVA_OPTS -jar /app/creditgate-gateway.jar [args]` as uid 10001 on a read-only root
# filesystem (Kubernetes mounts an emptyDir on /tmp). `batch-review` as argument runs one review.
# The Jib profile in gateway/pom.xml builds an equivalent image without a Docker engine.

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The Maven cache survives between builds; only the gateway and the modules it needs are built.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl gateway -am package -DskipTests \
 && cp "$(ls gateway/target/creditgate-gateway*-all.jar | head -n 1)" /creditgate-gateway.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 creditgate \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin creditgate
WORKDIR /app
# Owned by root and not writable by the app user: the image content is immutable at run time.
COPY --from=build --chown=root:root --chmod=0444 /creditgate-gateway.jar /app/creditgate-gateway.jar
# ParallelGC and the memory split are explained in k8s/README.md; Kubernetes overrides JAVA_OPTS
# from the creditgate-config ConfigMap.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseParallelGC -XX:MaxTenuringThreshold=1 -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError" \
    HTTP_PORT=8080 \
    LOG_FORMAT=json
USER 10001:10001
EXPOSE 8080
VOLUME ["/tmp"]
# A shell keeps JAVA_OPTS word-splitting; exec makes java PID 1 so it receives SIGTERM directly.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/creditgate-gateway.jar \"$@\"", "--"]
