#!/usr/bin/env bash
# Runs a cdi command with spark-submit: `scripts/submit.sh [submit options] <subcommand> [cdi options]`, e.g.
#   scripts/submit.sh --master spark://host:7077 --s3 run --conf conf/pipeline.yaml --lakehouse s3a://bucket/lake
# (cdi options are those of `scripts/cdi <subcommand> --help`; --master belongs before the subcommand here).
#
# Submit options:
#   --master URL           Spark master (default: $CDI_SPARK_MASTER, else local[*])
#   --properties-file F    Spark settings in spark-defaults format (default: conf/spark-local.conf for local
#                          masters, conf/spark-cluster.conf for others); passed as --conf, so they override the
#                          installation's spark-defaults.conf
#   --conf KEY=VALUE       one Spark setting (repeatable); overrides the properties file
#   --s3                   also ship hadoop-aws and the AWS SDK (--jars), for clusters that lack them
#   --dry-run              print the command instead of running it
#
# Submits target/cdi-engine-job.jar (built when missing or stale) with --class dev.cdi.cli.CdiCommand, in client
# deploy mode (the driver runs here). The driver and the executors get the Java 17 options of conf/java17.options
# (appended to any spark.executor.extraJavaOptions given). With SPARK_HOME set to a Spark 3.5 installation, its
# bin/spark-submit runs; without, SparkSubmit runs from the Spark jars of the Maven build (target/spark-home), and
# this JVM is the driver: spark.driver.memory sets its heap.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/spark-home.sh
source "$root/scripts/lib/spark-home.sh"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

master="${CDI_SPARK_MASTER:-local[*]}"
properties=""
with_s3=false
dry_run=false
conf_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --master) [[ $# -ge 2 ]] || usage; master="$2"; shift 2 ;;
    --properties-file) [[ $# -ge 2 ]] || usage; properties="$2"; shift 2 ;;
    --conf) [[ $# -ge 2 && "$2" == *=* ]] || usage; conf_args+=("$2"); shift 2 ;;
    --s3) with_s3=true; shift ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "submit.sh: unknown submit option $1 (cdi options go after the subcommand)" >&2; usage ;;
    *) break ;;
  esac
done
[[ $# -gt 0 ]] || { echo "submit.sh: a cdi subcommand is required" >&2; usage; }
if [[ -z "$properties" ]]; then
  [[ "$master" == local* ]] && properties="$root/conf/spark-local.conf" || properties="$root/conf/spark-cluster.conf"
fi
[[ -f "$properties" ]] || { echo "submit.sh: properties file not found: $properties" >&2; exit 2; }

# Settings in order: the properties file, then --conf; a later value of a key replaces an earlier one.
declare -A settings=()
keys=()
set_conf() {
  [[ -v "settings[$1]" ]] || keys+=("$1")
  settings["$1"]="$2"
}
while IFS= read -r line || [[ -n "$line" ]]; do
  line="${line#"${line%%[![:space:]]*}"}"
  [[ -z "$line" || "$line" == \#* ]] && continue
  if [[ "$line" =~ ^([^[:space:]=]+)[[:space:]]*[[:space:]=][[:space:]]*(.*[^[:space:]])[[:space:]]*$ ]]; then
    set_conf "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
  else
    echo "submit.sh: $properties: expected 'key value', got: $line" >&2
    exit 2
  fi
done < "$properties"
for kv in "${conf_args[@]}"; do
  set_conf "${kv%%=*}" "${kv#*=}"
done

java_opts_line="$(grep -v '^\s*\(#\|$\)' "$root/conf/java17.options" | tr '\n' ' ' | sed 's/ *$//')"
mapfile -t java_opts < <(grep -v '^\s*\(#\|$\)' "$root/conf/java17.options")
executor_opts="${settings[spark.executor.extraJavaOptions]:-}"
set_conf spark.executor.extraJavaOptions "${executor_opts:+$executor_opts }$java_opts_line"

cdi_build_jars
submit_args=(--master "$master" --class dev.cdi.cli.CdiCommand)
for key in "${keys[@]}"; do
  submit_args+=(--conf "$key=${settings[$key]}")
done
if [[ "$with_s3" == true ]]; then
  submit_args+=(--jars "$(tr ':' ',' < "$root/target/s3-classpath.txt")")
fi

if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  command=("$SPARK_HOME/bin/spark-submit" --driver-java-options "$java_opts_line" "${submit_args[@]}")
else
  spark_home="$(cdi_spark_home)"
  command=(java "-Xmx${settings[spark.driver.memory]:-2g}" "${java_opts[@]}" -cp "$spark_home/conf:$spark_home/jars/*"
    org.apache.spark.deploy.SparkSubmit "${submit_args[@]}")
fi
command+=("$root/target/cdi-engine-job.jar" "$@")

if [[ "$dry_run" == true ]]; then
  printf '%q ' "${command[@]}"
  echo
  exit 0
fi
exec "${command[@]}"
