# Examples for `semgrep --test .semgrep`: "ruleid" marks a line the rule must find,
# "ok" one it must leave alone.
# ruff: noqa
import logging
import pickle
import subprocess
import xml.etree.ElementTree as ElementTree

from django.db import connection
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.csrf import csrf_exempt
from lxml import etree

log = logging.getLogger(__name__)
SAFE = etree.XMLParser(resolve_entities=False, no_network=True)


def parse(data: bytes):
    # ruleid: lxml-parse-without-safe-parser
    etree.fromstring(data)
    # ok: lxml-parse-without-safe-parser
    etree.fromstring(data, SAFE)
    # ok: lxml-parse-without-safe-parser
    etree.fromstring(data, parser=SAFE)
    # ruleid: lxml-parse-without-safe-parser
    etree.XMLParser(resolve_entities=True)
    # ruleid: stdlib-xml-parse
    ElementTree.fromstring(data)


def html(name: str):
    # ruleid: mark-safe-of-formatted-string
    mark_safe(f"<b>{name}</b>")
    # ruleid: mark-safe-of-formatted-string
    mark_safe("<b>%s</b>" % name)
    # ok: mark-safe-of-formatted-string
    format_html("<b>{}</b>", name)


def sql(value: str):
    with connection.cursor() as cursor:
        # ruleid: sql-built-from-strings
        cursor.execute("SELECT * FROM t WHERE a = '%s'" % value)
        # ok: sql-built-from-strings
        cursor.execute("SELECT * FROM t WHERE a = %s", [value])


# ruleid: csrf-exempt
@csrf_exempt
def intake(request):
    return None


def after_login(request):
    # ruleid: open-redirect
    return redirect(request.GET.get("next"))


def elsewhere(request):
    # ruleid: open-redirect
    return HttpResponseRedirect(request.POST.get("next"))


def run(data: bytes, command: str):
    # ruleid: dangerous-code-execution
    pickle.loads(data)
    # ruleid: dangerous-code-execution
    subprocess.run(command, shell=True)
    # ok: dangerous-code-execution
    subprocess.run(["ls", command])


def submitted(case):
    # ruleid: personal-data-in-log
    log.info("Antrag von %s eingegangen", case.email)
    # ruleid: personal-data-in-log
    log.warning(f"Mail an {case.email} fehlgeschlagen")
    # ok: personal-data-in-log
    log.info("Antrag %s eingegangen", case.reference)
