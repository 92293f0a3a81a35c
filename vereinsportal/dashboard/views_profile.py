"""Club dashboard: the club's public profile, saved as a new revision and published."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..models import ClubChronicleEntry, ClubDownload, ClubPhoto
from . import access, files, images, publishing
from .forms import ChronicleFormSet, DownloadFormSet, PhotoFormSet, ProfileForm
from .views import TEMPLATES, club_context

logger = logging.getLogger(__name__)
MAX_PHOTOS = 12


def _forms(request, club, photos, downloads, chronicle):
    data = request.POST if request.method == "POST" else None
    upload = request.FILES if request.method == "POST" else None
    return (
        ProfileForm(data, upload, instance=club, prefix="profil"),
        PhotoFormSet(
            data,
            prefix="fotos",
            initial=[{"caption": photo.caption} for photo in photos],
        ),
        DownloadFormSet(
            data,
            prefix="dateien",
            initial=[{"title": download.title} for download in downloads],
        ),
        ChronicleFormSet(
            data,
            prefix="chronik",
            initial=[{"year": entry.year, "text": entry.text} for entry in chronicle],
        ),
    )


@access.club_login_required
def club_profile(request: HttpRequest, club_id: int) -> HttpResponse:
    live = access.club_for(request, club_id).specific
    club = live.get_latest_revision_as_object() if live.latest_revision_id else live
    photos = list(club.photos.all())
    downloads = list(club.downloads.all())
    chronicle = list(club.chronicle.all())
    form, photo_forms, download_forms, chronicle_forms = _forms(
        request, club, photos, downloads, chronicle
    )
    if request.method == "POST":
        valid = all(
            [
                form.is_valid(),
                photo_forms.is_valid(),
                download_forms.is_valid(),
                chronicle_forms.is_valid(),
            ]
        )
        if valid:
            kept = [
                photo
                for photo, sub in zip(photos, photo_forms.forms, strict=False)
                if not sub.cleaned_data.get("remove")
            ]
            if form.cleaned_data.get("new_photo") and len(kept) >= MAX_PHOTOS:
                form.add_error(
                    "new_photo",
                    _("Es sind höchstens %(max)d Fotos möglich. Bitte erst eines entfernen.")
                    % {"max": MAX_PHOTOS},
                )
                valid = False
        if valid:
            _save(
                request, club, form, photos, downloads, photo_forms, download_forms, chronicle_forms
            )
            messages.success(request, _("Gespeichert und veröffentlicht."))
            return redirect("vereinsportal:club_profile", club.pk)
        messages.error(
            request, _("Bitte prüfen Sie die markierten Angaben. Nichts wurde gespeichert.")
        )
    context = club_context(request, live, "profile") | {
        "form": form,
        "photo_rows": list(zip(photos, photo_forms.forms, strict=False)),
        "photo_forms": photo_forms,
        "download_rows": list(zip(downloads, download_forms.forms, strict=False)),
        "download_forms": download_forms,
        "chronicle_forms": chronicle_forms,
        "logo": club.logo,
        "form_list": [form]
        + [
            sub
            for formset in (photo_forms, download_forms, chronicle_forms)
            for sub in formset.forms
            if sub.errors
        ],
    }
    return render(
        request,
        TEMPLATES + "profile.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


def _save(request, club, form, photos, downloads, photo_forms, download_forms, chronicle_forms):
    data = form.cleaned_data
    user = request.user
    site = club.get_site()
    created_images, created_files, dropped_files = [], [], []
    try:
        with transaction.atomic():
            page = form.save(commit=False)
            page.categories.set(data["categories"])
            page.target_groups.set(data["target_groups"])
            if data.get("logo_upload"):
                page.logo = images.create_image(
                    data["logo_upload"],
                    title=_("Logo %(club)s") % {"club": page.title},
                    site=site,
                    user=user,
                )
                created_images.append(page.logo)
            elif data.get("remove_logo"):
                page.logo = None
            new_photos = []
            for photo, sub in zip(photos, photo_forms.forms, strict=False):
                if not sub.cleaned_data.get("remove"):
                    new_photos.append(
                        ClubPhoto(
                            image_id=photo.image_id, caption=sub.cleaned_data.get("caption", "")
                        )
                    )
            if data.get("new_photo"):
                image = images.create_image(
                    data["new_photo"],
                    title=data.get("new_photo_caption") or page.title,
                    site=site,
                    user=user,
                )
                created_images.append(image)
                new_photos.append(ClubPhoto(image=image, caption=data.get("new_photo_caption", "")))
            page.photos = new_photos
            new_downloads = []
            for download, sub in zip(downloads, download_forms.forms, strict=False):
                if sub.cleaned_data.get("remove"):
                    dropped_files.append(download.file_id)
                else:
                    new_downloads.append(
                        ClubDownload(file_id=download.file_id, title=sub.cleaned_data["title"])
                    )
            if data.get("new_download"):
                stored = files.store_download(data["new_download"], club=page, user=user)
                created_files.append(stored)
                new_downloads.append(
                    ClubDownload(file=stored, title=data["new_download_title"].strip())
                )
            page.downloads = new_downloads
            entries = [
                sub.cleaned_data
                for sub in chronicle_forms.forms
                if sub.cleaned_data and not sub.cleaned_data.get("DELETE")
            ]
            page.chronicle = [
                ClubChronicleEntry(year=entry["year"], text=entry["text"])
                for entry in sorted(entries, key=lambda entry: entry["year"])
            ]
            publishing.publish_club(page, user=user)
    except Exception:
        images.discard(created_images)
        files.discard(created_files)
        raise
    if dropped_files:
        transaction.on_commit(lambda: _delete_files(dropped_files))


def _delete_files(file_ids) -> None:
    from filer.models import File

    for stored in File.objects.filter(pk__in=file_ids):
        try:
            stored.delete()
        except Exception:  # a stored file that cannot be removed is no reason to fail
            logger.warning("Could not delete club download %s", stored.pk)
