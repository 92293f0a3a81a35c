"""Forms of the club dashboard: login, club profile, events, invitations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..forms import BY_ID
from ..models import ClubPage, ClubRole, EventPage, EventStatus
from . import files, images
from .richtext import html_to_text, text_to_html

BERLIN = ZoneInfo("Europe/Berlin")
TEXT_HELP = _(
    "Absätze durch eine Leerzeile trennen; Zeilen, die mit „- “ beginnen, werden zu einer Liste."
)
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"
DOWNLOAD_ACCEPT = ".pdf,.odt,.docx"


class LoginForm(AuthenticationForm):
    """Log in with user name or e-mail address."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "E-Mail-Adresse/Benutzername oder Passwort stimmen nicht. Bitte prüfen Sie Ihre "
            "Eingabe (beim Passwort zählt die Groß- und Kleinschreibung)."
        ),
    }

    username = forms.CharField(
        label=_("E-Mail-Adresse oder Benutzername"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    def clean(self):
        name = (self.cleaned_data.get("username") or "").strip()
        if "@" in name:
            User = get_user_model()
            if not User.objects.filter(username__iexact=name).exists():
                matches = list(User.objects.filter(email__iexact=name, is_active=True)[:2])
                if len(matches) == 1:
                    self.cleaned_data["username"] = matches[0].get_username()
        return super().clean()


class ImageUploadField(forms.FileField):
    widget = forms.ClearableFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            format_lazy(
                _("JPEG, PNG oder WebP, höchstens {mb} MB."), mb=settings.VEREINE_MAX_IMAGE_MB
            ),
        )
        super().__init__(**kwargs)
        self.widget = forms.FileInput(attrs={"accept": IMAGE_ACCEPT})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            images.validate_image(upload)
        return upload


class DownloadUploadField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("PDF, ODT oder DOCX, höchstens 10 MB."))
        super().__init__(**kwargs)
        self.widget = forms.FileInput(attrs={"accept": DOWNLOAD_ACCEPT})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            files.validate_download(upload)
        return upload


class RichTextAsPlainText(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", TEXT_HELP)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 8}))
        super().__init__(**kwargs)

    def clean(self, value):
        return text_to_html(super().clean(value))


class ProfileForm(forms.ModelForm):
    description = RichTextAsPlainText(label=_("Über uns"))
    membership_info = RichTextAsPlainText(label=_("Mitglied werden"))
    logo_upload = ImageUploadField(label=_("Neues Logo hochladen"))
    remove_logo = forms.BooleanField(label=_("Logo entfernen"), required=False)
    new_photo = ImageUploadField(label=_("Foto hinzufügen"))
    new_photo_caption = forms.CharField(label=_("Bildunterschrift"), max_length=250, required=False)
    new_download = DownloadUploadField(label=_("Datei hinzufügen"))
    new_download_title = forms.CharField(
        label=_("Titel der Datei"),
        max_length=200,
        required=False,
        help_text=_("z. B. „Satzung (PDF)“"),
    )

    class Meta:
        model = ClubPage
        field_classes = BY_ID
        fields = [
            "title",
            "short_description",
            "description",
            "categories",
            "target_groups",
            "place_name",
            "street",
            "postcode",
            "city",
            "latitude",
            "longitude",
            "wheelchair_accessible",
            "accessibility_notes",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_visibility",
            "website",
            "membership_info",
            "fees",
            "founded",
            "register_court",
            "register_number",
        ]
        labels = {"title": _("Name des Vereins")}
        help_texts = {"title": ""}
        widgets = {
            "categories": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "contact_visibility": forms.RadioSelect,
            "short_description": forms.Textarea(attrs={"rows": 2}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, photo_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_count = photo_count
        if not self.is_bound:
            self.initial["description"] = html_to_text(self.instance.description)
            self.initial["membership_info"] = html_to_text(self.instance.membership_info)
        self.fields["categories"].help_text = _("Mindestens eine Kategorie.")

    def clean(self):
        data = super().clean()
        if data.get("new_download") and not data.get("new_download_title", "").strip():
            self.add_error("new_download_title", _("Bitte geben Sie der Datei einen Titel."))
        return data


class PhotoForm(forms.Form):
    caption = forms.CharField(label=_("Bildunterschrift"), max_length=250, required=False)
    remove = forms.BooleanField(label=_("Foto entfernen"), required=False)


class DownloadForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    remove = forms.BooleanField(label=_("Datei entfernen"), required=False)


class ChronicleForm(forms.Form):
    year = forms.IntegerField(label=_("Jahr"), min_value=800, max_value=2100)
    text = forms.CharField(label=_("Ereignis"), widget=forms.Textarea(attrs={"rows": 2}))


PhotoFormSet = forms.formset_factory(PhotoForm, extra=0)
DownloadFormSet = forms.formset_factory(DownloadForm, extra=0)
ChronicleFormSet = forms.formset_factory(ChronicleForm, extra=2, can_delete=True)


# --- events -------------------------------------------------------------------------

WEEKDAYS = [
    ("MO", _("Montag")),
    ("TU", _("Dienstag")),
    ("WE", _("Mittwoch")),
    ("TH", _("Donnerstag")),
    ("FR", _("Freitag")),
    ("SA", _("Samstag")),
    ("SU", _("Sonntag")),
]
FREQUENCIES = [
    ("", _("keine (einmaliger Termin)")),
    ("DAILY", _("täglich")),
    ("WEEKLY", _("wöchentlich")),
    ("MONTHLY", _("monatlich")),
    ("YEARLY", _("jährlich")),
]
MONTHLY_MODES = [
    ("day", _("am gleichen Tag des Monats (z. B. am 14.)")),
    ("weekday", _("am gleichen Wochentag (z. B. am 2. Dienstag)")),
]
ENDS = [
    ("never", _("nie")),
    ("until", _("am Datum")),
    ("count", _("nach einer Anzahl von Terminen")),
]
# the days an event may start, end or repeat until
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(2999, 12, 31)
# model fields whose validation errors belong to a form field of another name
ERROR_FIELDS = {
    "start": "start_date",
    "end": "end_date",
    "recurrence": "freq",
    "exceptions": "exceptions_text",
    "image": "image_upload",
}


def parse_rule(rule: str) -> dict:
    """The builder's initial values for an RRULE string."""
    parts = dict(
        part.split("=", 1) for part in (rule or "").removeprefix("RRULE:").split(";") if "=" in part
    )
    initial = {"freq": parts.get("FREQ", ""), "interval": int(parts.get("INTERVAL", "1") or 1)}
    days = [day for day in parts.get("BYDAY", "").split(",") if day]
    initial["weekdays"] = [day[-2:] for day in days]
    initial["monthly_mode"] = "weekday" if any(len(day) > 2 for day in days) else "day"
    if "UNTIL" in parts:
        raw = parts["UNTIL"]
        try:
            if "T" in raw:
                moment = dt.datetime.strptime(raw.rstrip("Z"), "%Y%m%dT%H%M%S")
                if raw.endswith("Z"):
                    moment = moment.replace(tzinfo=dt.UTC).astimezone(BERLIN)
                initial["until"] = moment.date()
            else:
                initial["until"] = dt.datetime.strptime(raw, "%Y%m%d").date()
            initial["ends"] = "until"
        except ValueError:
            initial["ends"] = "never"
    elif "COUNT" in parts:
        initial["ends"], initial["count"] = "count", parts["COUNT"]
    else:
        initial["ends"] = "never"
    return initial


def nth_weekday(day: dt.date) -> str:
    """BYDAY value for "the n-th <weekday> of the month" of ``day`` (the last: -1)."""
    code = WEEKDAYS[day.weekday()][0]
    number = (day.day - 1) // 7 + 1
    if number >= 4 and (day + dt.timedelta(days=7)).month != day.month:
        number = -1 if number == 5 else number
    return f"{number}{code}"


class EventForm(forms.ModelForm):
    description = RichTextAsPlainText(label=_("Beschreibung"))
    image_upload = ImageUploadField(label=_("Bild hochladen"))
    remove_image = forms.BooleanField(label=_("Bild entfernen"), required=False)
    start_date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Uhrzeit"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    end_date = forms.DateField(
        label=_("Datum"),
        required=False,
        help_text=_("Leer: am selben Tag."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end_time = forms.TimeField(
        label=_("Uhrzeit"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    freq = forms.ChoiceField(
        label=_("Wiederholen"),
        choices=FREQUENCIES,
        initial="",
        required=False,
        widget=forms.RadioSelect,
    )
    interval = forms.IntegerField(
        label=_("alle … (Tage, Wochen, Monate, Jahre)"),
        min_value=1,
        max_value=99,
        initial=1,
        required=False,
        help_text=_("1 = jede Woche, 2 = jede zweite Woche, …"),
    )
    weekdays = forms.MultipleChoiceField(
        label=_("an diesen Wochentagen (bei wöchentlich)"),
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    monthly_mode = forms.ChoiceField(
        label=_("bei monatlich"),
        choices=MONTHLY_MODES,
        initial="day",
        required=False,
        widget=forms.RadioSelect,
    )
    ends = forms.ChoiceField(
        label=_("Wiederholung endet"),
        choices=ENDS,
        initial="never",
        required=False,
        widget=forms.RadioSelect,
    )
    until = forms.DateField(
        label=_("Letzter Tag"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    count = forms.IntegerField(
        label=_("Anzahl der Termine"), min_value=1, max_value=999, required=False
    )
    exceptions_text = forms.CharField(
        label=_("Ausnahmen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tage, an denen die Veranstaltung ausfällt: einer pro Zeile, z. B. 24.12.2027"),
    )

    class Meta:
        model = EventPage
        field_classes = BY_ID
        fields = [
            "title",
            "teaser",
            "description",
            "all_day",
            "location_kind",
            "location_name",
            "street",
            "postcode",
            "city",
            "online_url",
            "categories",
            "target_groups",
            "is_free",
            "price",
            "price_amount",
            "wheelchair_accessible",
            "accessibility_notes",
            "signup_enabled",
            "capacity",
            "waiting_list",
            "max_places_per_signup",
            "signup_closes_hours",
        ]
        labels = {"title": _("Titel der Veranstaltung")}
        help_texts = {"title": ""}
        widgets = {
            "teaser": forms.Textarea(attrs={"rows": 2}),
            "categories": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "location_kind": forms.RadioSelect,
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        self.fields["max_places_per_signup"].min_value = 1
        if not self.is_bound and event.start:
            start, end = event.start.astimezone(BERLIN), event.end.astimezone(BERLIN)
            self.initial.update(
                description=html_to_text(event.description),
                start_date=start.date(),
                start_time=None if event.all_day else start.time(),
                end_date=end.date(),
                end_time=None if event.all_day else end.time(),
                exceptions_text="\n".join(
                    dt.date.fromisoformat(day).strftime("%d.%m.%Y")
                    for day in event.exceptions or []
                    if _is_iso_date(day)
                ),
                **parse_rule(event.recurrence),
            )

    # -- helpers

    def _clean_exceptions(self) -> list[str]:
        days, bad = [], []
        for line in self.cleaned_data.get("exceptions_text", "").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                days.append(dt.datetime.strptime(line, "%d.%m.%Y").date().isoformat())
            except ValueError:
                bad.append(line)
        if bad:
            self.add_error(
                "exceptions_text",
                _("Diese Angaben sind kein Datum in der Form TT.MM.JJJJ: %(lines)s")
                % {"lines": ", ".join(bad)},
            )
        return sorted(set(days))

    def _clean_times(self, data) -> tuple[dt.datetime, dt.datetime] | None:
        start_date, end_date = data.get("start_date"), data.get("end_date")
        if start_date is None:
            return None
        end_date = end_date or start_date
        if data.get("all_day"):
            start = dt.datetime.combine(start_date, dt.time(0, 0), BERLIN)
            end = dt.datetime.combine(end_date, dt.time(23, 59), BERLIN)
        else:
            start_time, end_time = data.get("start_time"), data.get("end_time")
            if start_time is None:
                self.add_error(
                    "start_time",
                    _("Bitte eine Uhrzeit angeben – oder „ganztägig“ ankreuzen."),
                )
                return None
            start = dt.datetime.combine(start_date, start_time, BERLIN)
            if end_time is None:
                end = start + dt.timedelta(hours=2) if not data.get("end_date") else None
                if end is None:
                    self.add_error("end_time", _("Bitte eine Uhrzeit für das Ende angeben."))
                    return None
            else:
                end = dt.datetime.combine(end_date, end_time, BERLIN)
        if end < start:
            self.add_error("end_date", _("Das Ende liegt vor dem Beginn."))
            return None
        return start, end

    def _clean_rule(self, data, start: dt.datetime | None) -> str | None:
        freq = data.get("freq") or ""
        if not freq:
            return ""
        from ..recurrence import build_rule

        interval = data.get("interval") or 1
        weekdays = list(data.get("weekdays") or [])
        if freq == "WEEKLY" and not weekdays and start is not None:
            weekdays = [WEEKDAYS[start.weekday()][0]]
        elif freq == "MONTHLY" and data.get("monthly_mode") == "weekday" and start is not None:
            weekdays = [nth_weekday(start.date())]
        elif freq != "WEEKLY":
            weekdays = []
        ends = data.get("ends") or "never"
        until = data.get("until") if ends == "until" else None
        count = data.get("count") if ends == "count" else None
        if ends == "until" and until is None:
            self.add_error("until", _("Bitte den letzten Tag der Wiederholung angeben."))
            return None
        if ends == "count" and not count:
            self.add_error("count", _("Bitte angeben, nach wie vielen Terminen Schluss ist."))
            return None
        if until is not None and start is not None and until < start.date():
            self.add_error("until", _("Der letzte Tag liegt vor dem ersten Termin."))
            return None
        try:
            return build_rule(freq, interval, weekdays, until, count)
        except ValidationError as error:
            self.add_error("freq", error.messages)
        except ValueError as error:  # recurrence.RuleError: a German sentence
            self.add_error("freq", str(error))
        return None

    def _clean_years(self, data) -> None:
        """Days the calendar can hold (year 1 or 9999 cannot be turned into UTC and back)."""
        for name in ("start_date", "end_date", "until"):
            day = data.get(name)
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, _("Bitte ein Datum angeben, z. B. 01.03.2027."))

    def clean(self):
        data = super().clean()
        exceptions = self._clean_exceptions()
        self._clean_years(data)
        times = self._clean_times(data)
        rule = self._clean_rule(data, times[0] if times else None)
        if data.get("location_kind") == "address" and not (data.get("street") and data.get("city")):
            self.add_error("street", _("Bitte Straße und Ort des Veranstaltungsorts angeben."))
        if data.get("location_kind") == "online" and not data.get("online_url"):
            self.add_error("online_url", _("Bitte die Adresse der Online-Veranstaltung angeben."))
        if not data.get("is_free") and not (data.get("price") or "").strip():
            self.add_error("price", _("Bitte den Preis angeben – oder „Eintritt frei“ ankreuzen."))
        if exceptions and not rule and rule is not None:
            self.add_error(
                "exceptions_text", _("Ausnahmen gibt es nur bei wiederkehrenden Veranstaltungen.")
            )
        if times:
            self.instance.start, self.instance.end = times
        if rule is not None:
            self.instance.recurrence = rule
        self.instance.exceptions = exceptions
        return data

    def _post_clean(self):
        # model validation (``validate_event``) only on a complete event
        if self._errors or self.instance.start is None:
            return
        super()._post_clean()

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            remapped: dict[str, list] = {}
            for key, messages in errors.error_dict.items():
                target = ERROR_FIELDS.get(key, key)
                if target != NON_FIELD_ERRORS and target not in self.fields:
                    target = NON_FIELD_ERRORS
                remapped.setdefault(target, []).extend(messages)
            errors = ValidationError(remapped)
        super()._update_errors(errors)


def _is_iso_date(value) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=EventStatus.choices, widget=forms.RadioSelect
    )
    status_note = forms.CharField(
        label=_("Hinweis für die Besucherinnen und Besucher"),
        max_length=300,
        required=False,
        help_text=_("z. B. „Fällt wegen Krankheit aus.“ oder „Neuer Termin folgt.“"),
    )


# --- people -------------------------------------------------------------------------


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=ClubRole.choices,
        initial=ClubRole.EDITOR,
        widget=forms.RadioSelect,
    )


class AccountForm(forms.Form):
    """Create an account when accepting an invitation."""

    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    password1 = forms.CharField(
        label=_("Passwort"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein."))
        elif first:
            User = get_user_model()
            candidate = User(
                username=self.email,
                email=self.email,
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except ValidationError as error:
                self.add_error("password1", error)
        return data
