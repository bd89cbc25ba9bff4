"""The load run's report names every request of the scenario, the form-token request among them.

Fast checks of tests/load/harness.py's figures, without a load run: the scenario's request names are read
from tests/load/locustfile.py's source (importing it would start gevent), and a log is written as it writes one.
"""

import ast
import json

from tests.load.harness import PROJECT, REQUEST_NAMES, figures

LOCUSTFILE = PROJECT / "tests" / "load" / "locustfile.py"


def scenario_request_names() -> list[str]:
    """The `name=` the scenario gives each request it makes (`self.client.get/post(…, name="…")`)."""
    tree = ast.parse(LOCUSTFILE.read_text())
    return [
        keyword.value.value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and ast.unparse(call.func).startswith("self.client.")
        for keyword in call.keywords
        if keyword.arg == "name" and isinstance(keyword.value, ast.Constant)
    ]


def test_the_report_names_every_request_the_scenario_makes_in_its_order():
    assert "form token" in scenario_request_names()
    assert list(REQUEST_NAMES) == scenario_request_names()


def test_the_form_token_request_has_latencies_of_its_own_in_the_report(tmp_path):
    log = tmp_path / "organisations.jsonl"
    entries = [
        {"organisation": n, "opened_at": 100.0 + n, "sent_at": 101.0 + n, "confirmed_at": 102.0 + n} for n in (1, 2)
    ]
    latencies = {name: [10.0 * (i + 1), 20.0 * (i + 1)] for i, name in enumerate(REQUEST_NAMES)}
    lines = [*entries, {"statuses": {"200": 12}, "latencies": latencies}]
    log.write_text("".join(json.dumps(line) + "\n" for line in lines))

    report = figures(log)["latency_ms"]

    assert list(report) == list(REQUEST_NAMES)
    assert report["form token"] == {"requests": 2, "p50": 20.0, "p95": 40.0, "p99": 40.0}
