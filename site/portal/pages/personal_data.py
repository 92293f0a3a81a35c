"""Provider for ``portal.core.personal_data``: answers sent through Wagtail form pages
(the feedback form of the accessibility statement) that name the person's address."""

from __future__ import annotations

from typing import Any

from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.contrib.forms.models import FormSubmission

from portal.core.personal_data import Erasure


class FormSubmissions:
    key = "pages.form_submissions"
    label = "Rückmeldungen über Formulare (Barrierefreiheit)"

    def _submissions(self, email: str) -> list[FormSubmission]:
        wanted = email.lower()
        candidates = FormSubmission.objects.annotate(text=Cast("form_data", TextField()))
        return [
            item
            for item in candidates.filter(text__icontains=email).select_related("page")
            if any(wanted in str(value).lower() for value in item.form_data.values())
        ]

    def export(self, email: str) -> list[dict[str, Any]]:
        return [
            {
                "page": item.page.title,
                "answers": item.form_data,
                "sent_at": item.submit_time.isoformat(),
            }
            for item in self._submissions(email)
        ]

    def erase(self, email: str) -> Erasure:
        found = [item.pk for item in self._submissions(email)]
        FormSubmission.objects.filter(pk__in=found).delete()
        return Erasure(erased=len(found))
