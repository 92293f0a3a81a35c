import pytest
from tests.efiles.test_plan_views import client_for, url, officer, unit_in, upload, HEADER

pytestmark = pytest.mark.django_db


def test_dump():
    client = client_for(officer(unit_in("bruchsal")))
    for name, u in [("index", url("plan_index")), ("add", url("plan_add")), ("import", url("plan_import")), ("settings", url("settings_edit"))]:
        open(f"/tmp/plan_{name}.html", "w").write(client.get(u).content.decode())
    r = client.post(url("plan_import"), {"town": "bruchsal", "file": upload(f"{HEADER}\nX;;;1;Q;;ja\n")})
    open("/tmp/plan_import_err.html", "w").write(r.content.decode())
    from backoffice.efiles.models import PlanUnit
    unit = PlanUnit.objects.filter(site__hostname__startswith="bruchsal").order_by("code")[3]
    open("/tmp/plan_edit.html", "w").write(client.get(url("plan_edit", unit.pk)).content.decode())
