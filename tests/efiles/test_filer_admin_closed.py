"""django-filer stores the E-Akte's files; its admin in /django-admin/ is closed, so nobody
sees or uploads a file past the E-Akte's clearances, audit trail and upload checks."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.utils import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    get_user_model().objects.create_superuser("root", "root@example.org", "Geheim-123456")
    login(client, "root", "Geheim-123456")
    return client


@pytest.mark.parametrize(
    "path",
    [
        "/django-admin/filer/folder/",
        "/django-admin/filer/file/",
        "/django-admin/filer/image/",
        "/django-admin/filer/clipboard/",
        "/django-admin/filer/folder/unfiled_images/",
        "/django-admin/filer/clipboard/operations/upload/no_folder/",
    ],
)
def test_filer_admin_pages_do_not_exist_even_for_a_superuser(superuser_client, path):
    assert superuser_client.get(path).status_code == 404
    assert superuser_client.post(path, {}).status_code == 404


def test_django_admin_index_lists_no_filer_models(superuser_client):
    response = superuser_client.get("/django-admin/")
    assert response.status_code == 200
    assert "/django-admin/filer/" not in response.content.decode()
