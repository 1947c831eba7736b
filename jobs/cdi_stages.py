"""The cdi pipeline's stages as the command lines that the Airflow DAG in cdi_pipeline_dag.py submits.

Plain Python without Airflow, so that the command lines can be checked where Airflow is not installed: run as a
script, it renders every task's arguments for a given logical date and Variables and prints them as JSON, and the
JUnit test AirflowDagTest feeds each one to `cdi <stage> ... --dry-run`, which must accept it.

    python3 jobs/cdi_stages.py '{"ts_nodash": "20250101T000000", "var": {"cdi_conf": "conf/pipeline.yaml", ...}}'
"""

import json
import re
import sys

# The CLI's main class in the application jar.
MAIN_CLASS = "dev.cdi.cli.CdiCommand"

# The run id of one DAG run: derived from the logical date (never the clock), so a retried or cleared task reruns
# the same run id and every stage's idempotence applies (see README, "Scheduling with Airflow").
RUN_ID = "cdi-{{ ts_nodash }}"

# Options every stage takes, from Airflow Variables (Admin > Variables); a missing Variable fails the task when
# it renders its arguments, before anything is submitted.
COMMON_ARGS = [
    "--conf", "{{ var.value.cdi_conf }}",
    "--lakehouse", "{{ var.value.cdi_lakehouse }}",
    "--input", "{{ var.value.cdi_input }}",
    "--run-id", RUN_ID,
]

# (task id, cdi subcommand, its own options), in pipeline order; each task runs after the one before it.
STAGES = [
    ("ingest", "ingest", []),
    ("standardize", "standardize", []),
    ("resolve", "resolve", []),
    ("build_gold", "build-gold", []),
]

# Runs after build_gold only where the Variable cdi_truth names labelled truth (a generator output folder), for
# example in a staging deployment fed by `cdi generate`.
EVALUATE = ("evaluate", "evaluate", ["--truth", "{{ var.value.cdi_truth }}", "--label", RUN_ID])


def application_args(subcommand, own_args):
    """The arguments after the jar: the subcommand, the common options, then its own options (Jinja templates)."""
    return [subcommand] + COMMON_ARGS + list(own_args)


def tasks():
    """Every task the DAG can run, in order: (task id, application arguments)."""
    return [(task_id, application_args(sub, own)) for task_id, sub, own in STAGES + [EVALUATE]]


class _Namespace:
    """Attribute and get() access to a dict, as Airflow's template context offers `var.value`."""

    def __init__(self, values):
        self._values = values

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise KeyError("Variable %r is not set" % name) from None

    def get(self, name, default=None):
        return self._values.get(name, default)


def render(template, context):
    """Renders the `{{ expression }}` parts of one template with a context such as Airflow's, without Jinja.

    The DAG's templates only use names and attribute access, which read the same in Python, so they are
    evaluated as Python expressions over the context; anything else fails.
    """
    names = {
        "ts_nodash": context["ts_nodash"],
        "ds_nodash": context["ts_nodash"][:8],
        "var": _Namespace({"value": _Namespace(context.get("var", {}))}),
    }
    return re.sub(r"\{\{\s*(.*?)\s*\}\}",
                  lambda m: str(eval(m.group(1), {"__builtins__": {}}, names)), template)  # noqa: S307


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    context = json.loads(argv[1])
    rendered = [{"task_id": task_id, "application_args": [render(a, context) for a in args]}
                for task_id, args in tasks()]
    print(json.dumps(rendered, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
