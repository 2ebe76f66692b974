"""Calls the yibao-rules service with the Python client generated from its OpenAPI document.

Generate the client first (see README, "HTTP service"), then:
    PYTHONPATH=<generated dir> python3 examples/python/yibao_demo.py http://127.0.0.1:8080
Prints one JSON line per answer: a quote, a batch, a compact batch and an error.
"""
import json
import sys

import yibao_client
from yibao_client.rest import ApiException

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
client = yibao_client.ApiClient(yibao_client.Configuration(host=url))
api = yibao_client.DefaultApi(client)


def show(label, value):
    """One line: the label, then the answer as the JSON the client reads it into (nulls left out)."""
    print(label, json.dumps(client.sanitize_for_serialization(value), ensure_ascii=False, sort_keys=True))


kelan = yibao_client.QuoteInput(county="岢岚", coverage_year=2022, categories=["低保对象"], paid_on="2021-12-01")
show("quote", api.quote(kelan))
batch = [
    kelan,
    yibao_client.QuoteInput(county="沁水", coverage_year=2025, categories=["稳定脱贫人口", "返贫致贫人口"]),
    yibao_client.QuoteInput(county="不存在县", coverage_year=2022),
]
# openapi-generator 4.3.1 reads a union (BatchItem: a quote or an error) into one class that requires the
# fields of both, so it cannot read a batch's items: the batch answers are taken as the JSON they are.
show("batch", json.loads(api.quote_batch(batch, _preload_content=False).data))
show("compact", json.loads(api.quote_batch_compact(batch, _preload_content=False).data))
try:
    api.quote(yibao_client.QuoteInput(county="岢岚", coverage_year=2030))
    print("error none")
except ApiException as e:
    print("error", e.status, json.dumps(json.loads(e.body), ensure_ascii=False, sort_keys=True))
