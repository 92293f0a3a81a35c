"""The permission matrix: organisational units × confidentiality × towns. Whatever a
user may not see does not exist for them – also when they guess its id."""

from __future__ import annotations

import itertools

import pytest
from django.http import Http404

from backoffice.efiles import access
from backoffice.efiles.models import Confidentiality
from tests.efiles.factories import akte, clerk, dokument, officer, unit_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db
LEVELS = [Confidentiality.OPEN, Confidentiality.VS_NFD, Confidentiality.CONFIDENTIAL]


@pytest.fixture
def world():
    """Two units in Bruchsal, one in Rastatt; a file and a document of every level in each."""
    units = {
        "bruchsal-bau": unit_in("bruchsal", name="Bauamt Bruchsal"),
        "bruchsal-ordnung": unit_in("bruchsal", name="Ordnungsamt Bruchsal"),
        "rastatt-bau": unit_in("rastatt", name="Bauamt Rastatt"),
    }
    files = {}
    for (key, unit), level in itertools.product(units.items(), LEVELS):
        record = akte(unit, title=f"{key} {level}", confidentiality=level)
        files[key, level] = (record, dokument(record, title=f"Dokument {key} {level}"))
    return units, files


@pytest.mark.parametrize("level", LEVELS)
def test_clerk_sees_own_unit_up_to_their_clearance(world, level):
    units, files = world
    user = clerk(units["bruchsal-bau"], clearance=level)
    visible_akten = set(access.akten_for(user))
    visible_docs = set(access.dokumente_for(user))
    for (key, file_level), (record, doc) in files.items():
        expected = key == "bruchsal-bau" and file_level <= level
        assert (record in visible_akten) is expected, (key, file_level)
        assert (doc in visible_docs) is expected, (key, file_level)
        if expected:
            assert access.get_akte_or_404(user, record.pk) == record
            assert access.get_version_or_404(user, doc.pk, 1).dokument == doc
        else:
            with pytest.raises(Http404):
                access.get_akte_or_404(user, record.pk)
            with pytest.raises(Http404):
                access.get_dokument_or_404(user, doc.pk)
            with pytest.raises(Http404):
                access.get_version_or_404(user, doc.pk, 1)


def test_member_of_two_units_sees_both(world):
    units, files = world
    user = clerk(units["bruchsal-bau"])
    units["bruchsal-ordnung"].members.add(user)
    seen = {record.title for record in access.akten_for(user)}
    assert seen == {"bruchsal-bau 0", "bruchsal-ordnung 0"}


def test_membership_decides_the_town_not_the_group_name(world):
    """Groups hold the permissions; which files follow from the units a person sits in.
    A Bruchsal clerk sees nothing of Rastatt – until made a member of a Rastatt unit."""
    units, files = world
    user = clerk(units["bruchsal-bau"])
    rastatt_file, _doc = files["rastatt-bau", Confidentiality.OPEN]
    assert rastatt_file not in access.akten_for(user)
    with pytest.raises(Http404):
        access.get_akte_or_404(user, rastatt_file.pk)
    units["rastatt-bau"].members.add(user)
    fresh = type(user).objects.get(pk=user.pk)  # as in the next request
    assert rastatt_file in access.akten_for(fresh)


def test_document_above_clearance_inside_a_visible_file_is_hidden(world):
    units, files = world
    record, _open_doc = files["bruchsal-bau", Confidentiality.OPEN]
    secret = dokument(
        record, title="Personalunterlage", confidentiality=Confidentiality.CONFIDENTIAL
    )
    user = clerk(units["bruchsal-bau"])
    assert secret not in access.dokumente_for(user)
    with pytest.raises(Http404):
        access.get_dokument_or_404(user, secret.pk)


def test_without_e_akte_group_nothing_is_visible_even_as_unit_member(world):
    units, _files = world
    user = UserFactory()
    units["bruchsal-bau"].members.add(user)
    assert not access.akten_for(user).exists()
    assert not access.may_view(user)


def test_superuser_sees_everything(world):
    _units, files = world
    admin = UserFactory(is_superuser=True)
    assert access.akten_for(admin).count() >= len(files)
    assert access.clearance(admin) == Confidentiality.CONFIDENTIAL


def test_officer_sees_disposal_candidates_of_their_town_only(world):
    units, files = world
    user = officer(units["bruchsal-ordnung"])
    candidates = set(access.akten_for_disposal(user))
    for (key, _level), (record, _doc) in files.items():
        assert (record in candidates) is key.startswith("bruchsal")
    # … but opens only the files of their own unit and level
    assert {record.title for record in access.akten_for(user)} == {"bruchsal-ordnung 0"}


@pytest.mark.parametrize("bad", ["abc", "", None, "1e3", "-1", "99999999999"])
def test_malformed_ids_answer_404(world, bad):
    units, _files = world
    user = clerk(units["bruchsal-bau"])
    with pytest.raises(Http404):
        access.get_akte_or_404(user, bad)
    with pytest.raises(Http404):
        access.get_version_or_404(user, bad, bad)
