#!/usr/bin/env bash
# Runs groqj-bench: builds with the Maven wrapper, resolves each client's runtime classpath, runs the harness.
#   ./groqj-bench/run.sh [--quick] [--clients groqj,groqj-apache,openai-java,raw] [--only chat,stream,tls,slow_streams,streams_open,cold_start,classpath,jmh]
# Extra JVM flags for the harness (a profiler, say) go in BENCH_JVM_OPTS. Results land in groqj-bench/target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fixtures=${GROQJ_FIXTURES:-$root/../shared/fixtures}
target=groqj-bench/target
# full coordinates: a bare "dependency:" prefix makes Maven look up the latest plugin version online every run
dep=org.apache.maven.plugins:maven-dependency-plugin:3.9.0
cps=$target/classpaths

# The harness and groqj-core (its tests run in the normal build, not here); the harness's own classpath.
./mvnw -q -B -pl groqj-bench -am package "$dep:build-classpath" \
  -Dmaven.test.skip=true -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt

# One client's jars alone, for cold start and classpath size: groqj is groqj-core's jar plus its runtime
# dependencies; openai-java and raw come from the bench pom's cp-* profiles (the same versions the harness uses).
mkdir -p "$cps"
core_jar=$(ls groqj-core/target/groqj-core-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
# httpclient5 is core's optional dependency: users get it only by adding it, so only groqj-apache has it
core_deps=$(tr ':' '\n' < groqj-core/target/classpath.txt | grep -v -e /httpclient5/ -e /httpcore5 | paste -sd: -)
apache_jars=$(tr ':' '\n' < groqj-core/target/classpath.txt | grep -e /httpclient5/ -e /httpcore5 | paste -sd: -)
echo "$root/$core_jar:$core_deps" > "$cps/cp-groqj.txt"
echo "$root/$core_jar:$core_deps:$apache_jars" > "$cps/cp-groqj-apache.txt"
for profile in openai-java:cp-openai raw:cp-raw; do
  client=${profile%%:*}
  file=$cps/cp-$client.txt
  if [ ! -s "$file" ] || [ groqj-bench/pom.xml -nt "$file" ] || [ pom.xml -nt "$file" ]; then
    ./mvnw -q -B -pl groqj-bench -P "${profile#*:}" "$dep:build-classpath" \
      -DincludeScope=runtime -Dmdep.outputFile="$root/$file" &
  fi
done
wait

exec java -Xms1g -Xmx1g -XX:+UseG1GC -Dslf4j.internal.verbosity=ERROR ${BENCH_JVM_OPTS:-} \
  -Dgroqj.fixtures="$fixtures" -Dgroqj.bench.classpaths="$cps" \
  -cp "$target/classes:$(cat $target/classpath.txt)" \
  dev.groqj.bench.Harness --out "$target/bench" "$@"
