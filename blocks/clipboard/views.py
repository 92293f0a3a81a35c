"""Admin views of the block clipboard. Thin: the work is in ``operations``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import operations
from .forms import CopyForm, PasteForm
from .models import ClipboardItem


def editable_page(request: HttpRequest, page_id: int) -> Page:
    """The page (specific) if the user may edit it – else 404, never 403."""
    page = get_object_or_404(Page, pk=page_id)
    if page.specific_class is None or not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page.specific


def source_field_label(item: ClipboardItem) -> str:
    """The label of the field the item was copied from (its name if the page is gone)."""
    field = operations.get_stream_field(item.page, item.field_name) if item.page else None
    return field.label if field else item.field_name


class PageClipboardView(WagtailAdminTemplateMixin, View):
    """Common ground of the copy and paste views: the page, its latest revision, header."""

    header_icon = "copy"
    page: Page
    draft: Page

    def dispatch(self, request, page_id: int, *args, **kwargs):
        self.page = editable_page(request, page_id)
        self.draft = self.page.get_latest_revision_as_object()
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.draft.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.draft.get_admin_display_title(),
            },
            {"url": None, "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            draft=self.draft,
            page_type=operations.page_type_label(self.page),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            copy_url=reverse("block_clipboard:copy", args=[self.page.pk]),
            paste_url=reverse("block_clipboard:paste", args=[self.page.pk]),
            has_unpublished_changes=self.page.has_unpublished_changes,
        )
        return context


class CopyView(PageClipboardView):
    """Lists the blocks of the page's latest revision; POST puts one on the clipboard."""

    page_title = gettext_lazy("Blöcke kopieren")
    template_name = "block_clipboard/copy.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        form = CopyForm(request.POST, blocks=operations.list_blocks(self.draft))
        if not form.is_valid():
            for error in form.non_field_errors():
                messages.error(request, error)
            return redirect("block_clipboard:copy", self.page.pk)
        block = form.block
        ClipboardItem.objects.create(
            user=request.user,
            page=self.page,
            page_title=self.draft.title[:255],
            field_name=block.field_name,
            block_type=block.block_type,
            block_label=block.label[:255],
            summary=block.summary[:255],
            value={"type": block.block_type, "value": block.raw.get("value")},
        )
        ClipboardItem.trim_for(request.user)
        messages.success(
            request,
            _("Block „%(label)s“ liegt in der Zwischenablage.") % {"label": block.label},
            buttons=[
                messages.button(
                    reverse("block_clipboard:paste", args=[self.page.pk]),
                    _("Zur Zwischenablage"),
                )
            ],
        )
        return redirect("block_clipboard:copy", self.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        blocks = operations.list_blocks(self.draft)
        context["groups"] = [
            (field, [b for b in blocks if b.field_name == field.name])
            for field in operations.stream_fields(self.page)
        ]
        context["clipboard_count"] = ClipboardItem.objects.filter(user=self.request.user).count()
        return context


class PasteView(PageClipboardView):
    """Lists the user's clipboard with a form per item; POST (with an item) pastes it into
    the page's latest revision and saves a new draft revision – never publishes."""

    page_title = gettext_lazy("Block einfügen")
    header_icon = "clipboard-list"
    template_name = "block_clipboard/paste.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, item_id: int | None = None, **kwargs):
        if item_id is None:
            raise Http404
        item = get_object_or_404(ClipboardItem, pk=item_id, user=request.user)
        form = self.make_form(item, data=request.POST)
        if form.is_valid() and self.paste(item, form):
            messages.success(request, _("Block eingefügt. Bitte prüfen und veröffentlichen."))
            return redirect("wagtailadmin_pages:edit", self.page.pk)
        messages.error(request, _("Der Block wurde nicht eingefügt."))
        return self.render_to_response(self.get_context_data(bound_form=(item.pk, form)))

    def paste(self, item: ClipboardItem, form: PasteForm) -> bool:
        """Insert into a draft and save it as a revision; on failure add form errors."""
        lock = self.page.get_lock()
        if lock is not None and lock.for_user(self.request.user):
            form.add_error(None, _("Die Seite ist gesperrt und kann nicht bearbeitet werden."))
            return False
        if self.page.alias_of_id:
            form.add_error(None, _("Diese Seite ist ein Alias; bitte das Original bearbeiten."))
            return False
        try:
            operations.insert_raw_block(
                self.draft,
                form.cleaned_data["field_name"],
                item.value,
                form.cleaned_data["index"],
                label=item.block_label,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return False
        try:
            with transaction.atomic():
                self.draft.save_revision(user=self.request.user, log_action=True)
        except ValidationError:
            form.add_error(
                None,
                _(
                    "Der Entwurf der Seite enthält Fehler und kann so nicht gespeichert werden. "
                    "Bitte zuerst im Editor beheben."
                ),
            )
            return False
        return True

    def make_form(self, item: ClipboardItem, data=None) -> PasteForm:
        return PasteForm(
            data,
            prefix=f"item-{item.pk}",
            fields=operations.stream_fields(self.page),
            blocks=operations.list_blocks(self.draft),
            block_type=item.block_type,
        )

    def get_context_data(self, bound_form: tuple[int, PasteForm] | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        items = ClipboardItem.objects.filter(user=self.request.user).select_related("page")
        entries = []
        for item in items:
            if bound_form and bound_form[0] == item.pk:
                form = bound_form[1]
            else:
                form = self.make_form(item)
            entries.append(
                {
                    "item": item,
                    "form": form,
                    "field_label": source_field_label(item),
                    "fits": bool(operations.allowed_fields(self.page, item.block_type)),
                    "action": reverse("block_clipboard:paste_item", args=[self.page.pk, item.pk]),
                }
            )
        context["entries"] = entries
        return context


@require_POST
def delete_item(request: HttpRequest, item_id: int) -> HttpResponse:
    item = get_object_or_404(ClipboardItem, pk=item_id, user=request.user)
    label = str(item)
    item.delete()
    messages.success(
        request, _("Block „%(label)s“ aus der Zwischenablage entfernt.") % {"label": label}
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


@require_POST
def clear(request: HttpRequest) -> HttpResponse:
    ClipboardItem.objects.filter(user=request.user).delete()
    messages.success(request, _("Zwischenablage geleert."))
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")


copy = CopyView.as_view()
paste = PasteView.as_view()
