"""Airflow DAG `cdi_pipeline`: the cdi pipeline, one SparkSubmitOperator task per stage.

ingest -> standardize -> resolve -> build_gold [-> has_truth -> evaluate]

Deploy this file together with cdi_stages.py (the command lines, kept free of Airflow so that CI can check them)
in the DAGs folder; README.md, "Scheduling with Airflow", lists the Variables and the connection it needs.
Needs apache-airflow-providers-apache-spark.
"""

from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import ShortCircuitOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

import cdi_stages

# The Spark connection (Admin > Connections): master URL, deploy mode, spark-submit binary, extra conf.
SPARK_CONN_ID = "spark_default"

default_args = {
    "owner": "cdi",
    # A failed stage is retried; each stage is idempotent for its run id (files already ingested are skipped,
    # Delta appends carry transaction ids, silver and gold MERGE), so a retry neither loses nor duplicates rows.
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=60),
    "execution_timeout": timedelta(hours=6),
}


def _has_truth():
    """True where the Variable cdi_truth names labelled truth to evaluate identity resolution against."""
    return bool(Variable.get("cdi_truth", default_var=""))


def _submit(task_id, args):
    return SparkSubmitOperator(
        task_id=task_id,
        conn_id=SPARK_CONN_ID,
        application="{{ var.value.cdi_jar }}",
        java_class=cdi_stages.MAIN_CLASS,
        # Unset with the job jar (target/cdi-engine-job.jar carries its dependencies). With the thin jar: its
        # dependencies (Delta, hadoop-aws, picocli, ...), comma-separated, unless the cluster has them already.
        jars="{{ var.value.get('cdi_jars', '') }}",
        name="cdi-" + task_id + "-{{ ts_nodash }}",
        application_args=args,
    )


with DAG(
    dag_id="cdi_pipeline",
    description="Customer data integration: bronze, silver, identity resolution and gold on Spark and Delta",
    schedule="@daily",
    start_date=datetime(2025, 1, 1),
    catchup=False,
    # One run at a time: the stages of two runs must not write the same Delta tables at once (on S3 the default
    # log store supports a single writer; see README).
    max_active_runs=1,
    default_args=default_args,
    tags=["cdi"],
) as dag:
    previous = None
    for task_id, args in cdi_stages.tasks():
        if task_id == cdi_stages.EVALUATE[0]:
            gate = ShortCircuitOperator(task_id="has_truth", python_callable=_has_truth)
            previous >> gate
            previous = gate
        task = _submit(task_id, args)
        if previous is not None:
            previous >> task
        previous = task
