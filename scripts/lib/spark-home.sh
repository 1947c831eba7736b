# Sourced by scripts/submit.sh and scripts/cluster-test (bash). Needs $root, the repository root.
#
# cdi_build_jars: builds target/cdi-engine-job.jar and the classpath files (mvn package, tests skipped) when one is
#   missing or older than the sources.
# cdi_spark_home: prints target/spark-home, a Spark home made of the Maven build's Spark jars: jars/ links every
#   jar of target/spark-classpath.txt (Spark 3.5, its Hadoop client and Scala: what a cluster provides) and
#   conf/log4j2.properties links conf/log4j2-spark.properties. It stands in for a Spark distribution, which is not
#   downloaded: `java -cp 'target/spark-home/jars/*' org.apache.spark.deploy.SparkSubmit` is spark-submit, and
#   standalone workers started with SPARK_HOME pointing here launch executors from these jars.

cdi_build_jars() {
  local jar="$root/target/cdi-engine-job.jar" output
  for output in target/cdi-engine.jar target/classpath.txt target/spark-classpath.txt target/s3-classpath.txt; do
    [[ -f "$root/$output" ]] || rm -f "$jar"
  done
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "cdi: building the jars (mvn package, tests skipped)..." >&2
    (cd "$root" && mvn -B -q -DskipTests package) >&2
  fi
}

cdi_spark_home() {
  local home="$root/target/spark-home"
  local classpath="$root/target/spark-classpath.txt"
  if [[ ! -f "$home/jars/.complete" || "$classpath" -nt "$home/jars/.complete" ]]; then
    rm -rf "$home"
    mkdir -p "$home/jars" "$home/conf"
    local jar
    while IFS= read -r jar; do
      ln -s "$jar" "$home/jars/$(basename "$jar")"
    done < <(tr ':' '\n' < "$classpath")
    ln -s "$root/conf/log4j2-spark.properties" "$home/conf/log4j2.properties"
    touch "$home/jars/.complete"
  fi
  echo "$home"
}
