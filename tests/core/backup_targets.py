"""Databases and buckets of a backup test's own, on the shared PostgreSQL and moto S3 of `make test`,
and the commands run as an operator runs them: `python manage.py ...` in a process of their own."""

import contextlib
import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import psycopg

from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]
S3_ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL")
S3_KEYS = {"aws_access_key_id": "test", "aws_secret_access_key": "test", "region_name": "us-east-1"}


def s3_client():
    return boto3.client("s3", endpoint_url=S3_ENDPOINT, **S3_KEYS)


def new_bucket() -> str:
    name = f"cso-backup-{uuid.uuid4().hex[:12]}"
    s3_client().create_bucket(Bucket=name)
    return name


def delete_bucket(name: str) -> None:
    client = s3_client()
    for key in bucket_hashes(name):
        client.delete_object(Bucket=name, Key=key)
    client.delete_bucket(Bucket=name)


def bucket_hashes(name: str) -> dict[str, str]:
    """Every object of the bucket: key -> SHA-256 of its bytes."""
    client, hashes = s3_client(), {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=name, Key=item["Key"])["Body"]
            hashes[item["Key"]] = hashlib.sha256(body.read()).hexdigest()
    return hashes


def server_connection(database: str = "postgres", **options) -> psycopg.Connection:
    """A connection to the test's PostgreSQL server, to `database`."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=database,
        **options,
    )


@contextlib.contextmanager
def empty_database():
    """A new, empty database on the test's server (created, not migrated), dropped afterwards."""
    name = f"cso_restore_{uuid.uuid4().hex[:12]}"
    with server_connection(autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with server_connection(autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def row_counts(database: str) -> dict[str, int]:
    """The rows of every table of `database` (read here, not with the product's code)."""
    with server_connection(database) as db:
        tables = db.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        return {
            f"{schema}.{table}": db.execute(f'SELECT count(*) FROM "{schema}"."{table}"').fetchone()[0]  # noqa: S608
            for schema, table in tables
        }


def database_url(database: str) -> str:
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{database}"


def site_env(database: str, bucket: str) -> dict:
    """The environment of a production site on `database` and `bucket`, as an operator would set it."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="cso_site.settings.production",
        SECRET_KEY="backup-test-" + "k" * 50,
        ALLOWED_HOSTS="backup.test",
        DATABASE_URL=database_url(database),
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=S3_ENDPOINT,
        AWS_ACCESS_KEY_ID=S3_KEYS["aws_access_key_id"],
        AWS_SECRET_ACCESS_KEY=S3_KEYS["aws_secret_access_key"],
        AWS_S3_REGION_NAME=S3_KEYS["region_name"],
    )


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600
    )
