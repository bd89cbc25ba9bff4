"""A site of the fault tests' own: private PostgreSQL and S3, seeded once per session.

The fault tests stop, freeze and restart these services; the shared ones that `make test`
starts (and other test runs use) are never touched. Each test runs the Procfile's `web`
process (gunicorn, production settings) against them.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import boto3
import psycopg
import pytest

from tests.faults.private_services import (
    BUCKET,
    PrivateCluster,
    PrivateObjectStore,
    postgres_bin,
    private_object_store,
    private_postgres,
)
from tests.procfile_server import PROJECT, production_env
from tests.shared_per_run import migrated_template_sql, shared_folder

S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_S3_REGION_NAME": "us-east-1"}


@dataclass
class FaultSite:
    database: PrivateCluster
    store: PrivateObjectStore
    env: dict[str, str]
    urls: dict[str, str]  # the open consultation's page by language code
    articles: list[int]
    editor: tuple[str, str]

    def s3(self):
        return boto3.client(
            "s3",
            endpoint_url=self.store.endpoint,
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )

    def object_keys(self) -> set[str]:
        pages = self.s3().get_paginator("list_objects_v2").paginate(Bucket=BUCKET)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of `sql` on the site's database, read over a connection of the test's own."""
        with psycopg.connect(self.database.url(), connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()


def load_sql(database: PrivateCluster, name: str, sql: Path) -> None:
    """Run the SQL file `sql` (the test run's migrated database, dumped) in the cluster's database `name`."""
    with sql.open("rb") as statements:
        subprocess.run(
            [str(database.bin_dir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", database.url(name)],
            stdin=statements,
            check=True,
            capture_output=True,
        )


@pytest.fixture(scope="session")
def fault_site(migrated_template):
    if postgres_bin() is None:
        print("fault tests skipped: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin")  # noqa: T201
        pytest.skip("the Debian package postgresql is not installed (`make test` installs it)")
    with private_postgres() as database, private_object_store() as store:
        database.create_database("cso")
        # The run's migrated database (tests/shared_per_run.py), so the seed's migrate has nothing left to do.
        dump = migrated_template_sql(shared_folder())
        if dump is not None:
            load_sql(database, "cso", dump)
        env = production_env(
            DATABASE_URL=database.url(),
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=store.endpoint,
            TRUSTED_PROXY_COUNT="1",
            **S3_CREDENTIALS,
        )
        site = FaultSite(database, store, env, {}, [], ("", ""))
        site.s3().create_bucket(Bucket=BUCKET)
        seeded = subprocess.run(
            [sys.executable, "-m", "tests.faults.seed"], cwd=PROJECT, env=env, capture_output=True, text=True
        )
        assert seeded.returncode == 0, seeded.stderr[-4000:]
        data = json.loads(seeded.stdout.rsplit("SEED ", 1)[1])
        site.urls, site.articles, site.editor = data["urls"], data["articles"], tuple(data["editor"])
        yield site
