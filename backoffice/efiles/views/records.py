"""URLs of the records UI (Akten, Vorgänge, Dokumente) under /admin/e-akte/."""

from __future__ import annotations

from django.urls import path

from . import akten, dokumente

urlpatterns = [
    path("", akten.AkteIndexView.as_view(), name="index"),
    path("neu/", akten.AkteCreateView.as_view(), name="akte_add"),
    path("<int:pk>/", akten.AkteDetailView.as_view(), name="akte_detail"),
    path("<int:pk>/bearbeiten/", akten.AkteEditView.as_view(), name="akte_edit"),
    path("<int:pk>/zda/", akten.AkteCloseView.as_view(), name="akte_close"),
    path("<int:pk>/wiederaufnehmen/", akten.AkteReopenView.as_view(), name="akte_reopen"),
    path("<int:pk>/vorgang/neu/", akten.VorgangCreateView.as_view(), name="vorgang_add"),
    path("vorgang/<int:pk>/bearbeiten/", akten.VorgangEditView.as_view(), name="vorgang_edit"),
    path(
        "vorgang/<int:pk>/dokument/neu/",
        dokumente.DokumentCreateView.as_view(),
        name="dokument_add",
    ),
    path("dokument/<int:pk>/", dokumente.DokumentDetailView.as_view(), name="dokument_detail"),
    path(
        "dokument/<int:pk>/bearbeiten/",
        dokumente.DokumentEditView.as_view(),
        name="dokument_edit",
    ),
    path(
        "dokument/<int:pk>/version/",
        dokumente.DokumentUploadView.as_view(),
        name="dokument_upload",
    ),
    path(
        "dokument/<int:pk>/auschecken/",
        dokumente.DokumentCheckoutView.as_view(),
        name="dokument_checkout",
    ),
    path(
        "dokument/<int:pk>/einchecken/",
        dokumente.DokumentCheckinView.as_view(),
        name="dokument_checkin",
    ),
    path(
        "dokument/<int:pk>/version/<int:number>/download/",
        dokumente.DownloadView.as_view(),
        name="download",
    ),
]
