"""S3-compatible object storage in the production settings (issue #11).

The settings are read once per process, so each case starts ``manage.py shell`` with its
own environment. There is no S3 server here: the storages are built and asked for URLs,
which boto3 computes (and signs) locally – no request is made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.utils import manage

S3_NAMES = [
    "S3_BUCKET",
    "S3_PRIVATE_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_CUSTOM_DOMAIN",
    "S3_PUBLIC_ACL",
    "S3_ADDRESSING_STYLE",
]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3y-" + "Zq8!rT5@wX2#vB7$nM4%" * 3,
    "ALLOWED_HOSTS": "www.bruchsal.de,redi.example",
    "DATABASE_URL": "postgres://redi@127.0.0.1:5432/redi",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://portal:geheim@mail.redi.example:587",
    "AWS_EC2_METADATA_DISABLED": "true",  # never ask a cloud for credentials
}
S3_ENV = {
    "S3_BUCKET": "redi-media",
    "S3_PRIVATE_BUCKET": "redi-private",
    "S3_ENDPOINT_URL": "https://s3.redi.example",
    "S3_REGION": "eu-central-1",
    "S3_ACCESS_KEY_ID": "AKIAREDIEXAMPLE",
    "S3_SECRET_ACCESS_KEY": "geheim-geheim-geheim",
}

# What the child process prints: the settings built, and what the storages make of them.
REPORT = """
import json
from django.conf import settings
from django.core.files.storage import storages
from filer import settings as filer_settings

def described(storage):
    return {
        "class": type(storage).__module__ + "." + type(storage).__name__,
        "bucket": getattr(storage, "bucket_name", None),
        "location": getattr(storage, "location", None),
        "acl": getattr(storage, "default_acl", None),
        "signed": getattr(storage, "querystring_auth", None),
        "url": storage.url("ordner/datei.pdf"),
    }

print(json.dumps({
    "STORAGES": settings.STORAGES,
    "FILER_STORAGES": settings.FILER_STORAGES,
    "default": described(storages["default"]),
    "private": described(storages["private"]),
    "filer_public": described(filer_settings.FILER_PUBLICMEDIA_STORAGE),
    "filer_private": described(filer_settings.FILER_PRIVATEMEDIA_STORAGE),
    "filer_private_thumbnails": described(filer_settings.FILER_PRIVATEMEDIA_THUMBNAIL_STORAGE),
}, default=str))
"""


def run(extra: dict[str, str]):
    return manage(
        "shell",
        "--no-imports",
        "-c",
        REPORT,
        env={**PRODUCTION_ENV, **extra},
        drop=[*S3_NAMES, *PRODUCTION_ENV],
    )


def report(extra: dict[str, str]) -> dict:
    result = run(extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_s3_bucket_files_stay_on_disk():
    built = report({})

    assert built["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert built["STORAGES"]["private"]["BACKEND"].endswith("FileSystemStorage")
    assert built["private"]["bucket"] is None
    assert built["private"]["location"].endswith("private")  # PRIVATE_MEDIA_ROOT
    assert built["filer_private"]["class"].endswith("FileSystemStorage")


def test_s3_bucket_puts_media_public_and_private_files_in_a_private_bucket():
    built = report(S3_ENV)
    s3 = "storages.backends.s3.S3Storage"

    assert built["STORAGES"]["default"]["BACKEND"] == s3
    assert built["STORAGES"]["default"]["OPTIONS"]["endpoint_url"] == "https://s3.redi.example"
    assert built["STORAGES"]["default"]["OPTIONS"]["region_name"] == "eu-central-1"
    assert built["STORAGES"]["staticfiles"]["BACKEND"].endswith("ManifestStaticFilesStorage")
    # media: public reads, plain URLs
    media = built["default"]
    assert (media["class"], media["bucket"], media["acl"], media["signed"]) == (
        s3,
        "redi-media",
        "public-read",
        False,
    )
    assert media["url"].startswith("https://s3.redi.example/redi-media/ordner/datei.pdf")
    assert "Signature" not in media["url"]
    # citizens' uploads, records, invoices: private objects, URLs only signed and short-lived
    for name, location in [
        ("private", "private"),
        ("filer_private", "filer"),
        ("filer_private_thumbnails", "filer-thumbnails"),
    ]:
        private = built[name]
        assert (private["class"], private["bucket"], private["acl"], private["signed"]) == (
            s3,
            "redi-private",
            "private",
            True,
        ), name
        assert private["location"] == location
        assert "X-Amz-Signature=" in private["url"] and "X-Amz-Expires=300" in private["url"]
    assert built["FILER_STORAGES"]["private"]["main"]["OPTIONS"]["custom_domain"] is None
    assert built["filer_public"]["bucket"] == "redi-media"


def test_custom_domain_and_bucket_policy_instead_of_acls():
    built = report({**S3_ENV, "S3_CUSTOM_DOMAIN": "medien.redi.example", "S3_PUBLIC_ACL": "none"})

    assert built["default"]["url"] == "https://medien.redi.example/ordner/datei.pdf"
    assert built["default"]["acl"] is None
    # the private bucket never uses the public domain
    assert "medien.redi.example" not in built["private"]["url"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"S3_BUCKET": "redi-media"}, "S3_PRIVATE_BUCKET"),
        ({**S3_ENV, "S3_PRIVATE_BUCKET": "redi-media"}, "S3_PRIVATE_BUCKET"),
        ({**S3_ENV, "S3_SECRET_ACCESS_KEY": ""}, "S3_SECRET_ACCESS_KEY"),
        ({k: v for k, v in S3_ENV.items() if k != "S3_ACCESS_KEY_ID"}, "S3_ACCESS_KEY_ID"),
        ({**S3_ENV, "S3_ENDPOINT_URL": "s3.redi.example"}, "S3_ENDPOINT_URL"),
        ({**S3_ENV, "S3_CUSTOM_DOMAIN": "https://medien.redi.example"}, "S3_CUSTOM_DOMAIN"),
        ({**S3_ENV, "S3_ADDRESSING_STYLE": "schräg"}, "S3_ADDRESSING_STYLE"),
        ({k: v for k, v in S3_ENV.items() if k != "S3_BUCKET"}, "S3_BUCKET"),
    ],
)
def test_half_an_s3_configuration_stops_with_one_line_naming_the_variable(env, named):
    # reading the settings module is enough (and quicker than starting Django)
    clean = {k: v for k, v in os.environ.items() if k not in {*S3_NAMES, *PRODUCTION_ENV}}
    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings.production"],
        env={**clean, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "configuration error" in lines[0] and named in lines[0]
    assert "Traceback" not in result.stderr
