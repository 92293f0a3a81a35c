"""The application flow below a service page: steps, review, submission, "save and
continue later". Called by the routes in ``routes.py`` with the page."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from portal.core.logsafe import describe_error

from ..models import Case
from . import drafts, mails, spam, submission, uploads
from .fields import required_message
from .forms import SaveForm, error_summary
from .specs import StepSpec, all_fields, form_steps
from .specs import to_initial as initial_value
from .step_form import StepForm, raw_values
from .summary import summary

logger = logging.getLogger(__name__)
SUBMITTED_KEY = "services_submitted"
TEMPLATES = "services/applications/"


# --- helpers ------------------------------------------------------------------------
def private(response: HttpResponse, *, with_form: bool = False) -> HttpResponse:
    """Pages with personal data or a token in their address: never cached, never sent
    as referrer to another site. Pages with a POST form use "same-origin": with
    "no-referrer" browsers send ``Origin: null`` and Django's CSRF check refuses the
    form; "same-origin" still keeps the address from every other host."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["Referrer-Policy"] = "same-origin" if with_form else "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def setup(page) -> tuple:
    """(ApplicationForm, steps) of the page; 404 if it has no form."""
    application_form = page.application_form
    if application_form is None:
        raise Http404
    steps = form_steps(application_form)
    if not steps:
        raise Http404
    return application_form, steps


def page_url(page, request: HttpRequest) -> str:
    url = page.get_url(request)
    if url is None:
        raise Http404
    return url


def sub_url(page, request: HttpRequest, name: str, **kwargs) -> str:
    return page_url(page, request) + page.reverse_subpage(name, kwargs=kwargs or None)


def step_url(page, request: HttpRequest, number: int) -> str:
    return sub_url(page, request, "application_step", step=number)


def site_of(page, request: HttpRequest):
    return page.get_site() or Site.find_for_request(request)


def progress(page, request, steps: list[StepSpec], draft, current: int | None) -> list[dict]:
    """The steps and the review as a list: done / current / upcoming, with links to
    those that may be visited. ``current`` is the step index; len(steps) = review."""
    done = set(draft.completed_steps) if draft else set()
    reachable = drafts.first_unfinished(draft, steps)
    reachable = len(steps) if reachable is None else reachable
    items = []
    for step in steps:
        items.append(
            {
                "number": step.number,
                "title": step.title,
                "url": step_url(page, request, step.number) if step.index <= reachable else "",
                "done": step.index in done,
                "current": step.index == current,
            }
        )
    items.append(
        {
            "number": len(steps) + 1,
            "title": _("Angaben prüfen"),
            "url": sub_url(page, request, "application_review") if reachable == len(steps) else "",
            "done": False,
            "current": current == len(steps),
        }
    )
    return items


def base_context(page, request, application_form, steps, draft, current) -> dict:
    return {
        "page": page,
        "application_form": application_form,
        "steps": steps,
        "progress": progress(page, request, steps, draft, current),
        "total_steps": len(steps) + 1,
        "current_number": (current or 0) + 1,
        "honeypot_field": spam.HONEYPOT_FIELD,
        "start_url": page_url(page, request),
    }


# --- views --------------------------------------------------------------------------
@require_http_methods(["GET", "HEAD"])
def start(request: HttpRequest, page) -> HttpResponse:
    _application_form, steps = setup(page)
    draft = drafts.current(request, page)
    unfinished = drafts.first_unfinished(draft, steps)
    if draft is not None and unfinished is None:
        return HttpResponseRedirect(sub_url(page, request, "application_review"))
    return HttpResponseRedirect(step_url(page, request, (unfinished or 0) + 1))


@require_http_methods(["GET", "HEAD", "POST"])
def step(request: HttpRequest, page, number: int) -> HttpResponse:
    application_form, steps = setup(page)
    if not 1 <= number <= len(steps):
        raise Http404
    index = number - 1
    draft = drafts.current(request, page)
    unfinished = drafts.first_unfinished(draft, steps)
    if unfinished is not None and index > unfinished:
        return HttpResponseRedirect(step_url(page, request, unfinished + 1))
    current_step = steps[index]
    specs = all_fields(steps)
    answers = dict(draft.data) if draft else {}
    if request.method == "POST":
        return _post_step(page, request, application_form, steps, current_step, draft)
    initial = {
        spec.key: initial_value(spec, answers.get(spec.key))
        for spec in current_step.fields
        if spec.key in answers
    }
    form = StepForm(current_step, specs, answers, initial=initial)
    return render_step(page, request, application_form, steps, current_step, form, draft)


def _post_step(page, request, application_form, steps, current_step, draft) -> HttpResponse:
    specs = all_fields(steps)
    answers = dict(draft.data) if draft else {}
    form = StepForm(current_step, specs, answers, data=request.POST, files=request.FILES)
    rejected = ""
    if spam.honeypot_filled(request):
        rejected = spam.honeypot_message()
    elif draft is None and spam.too_fast(request):
        rejected = spam.too_fast_message()
    if rejected:  # nothing is stored; what was typed is shown again
        again = StepForm(current_step, specs, answers, initial=raw_values(form))
        return render_step(
            page, request, application_form, steps, current_step, again, draft, extra=[rejected]
        )
    if draft is None:
        draft = drafts.start(request, page, site_of(page, request))

    action = request.POST.get("action", "next")
    remove = request.POST.get("remove_file")
    form.is_valid()
    upload_errors: list[str] = []
    for spec in form.visible_file_specs():
        for message in uploads.store_uploads(draft, spec, request.FILES.getlist(spec.key)):
            form.add_error(spec.key, message)
            upload_errors.append(f"{spec.label}: {message}")
    removed = uploads.remove_file(draft, remove) if remove else False
    stored_files = drafts.files_by_key(draft)
    if not remove and not upload_errors:
        for spec in form.visible_file_specs():
            if spec.required and not stored_files.get(spec.key) and spec.key not in form.errors:
                form.add_error(spec.key, required_message(spec))

    draft.data.update(form.values())
    for key in form.dropped:
        draft.data.pop(key, None)
    for stale in drafts.drop_hidden(draft, steps):
        uploads.delete_stored(stale)
    completed = set(draft.completed_steps)
    if form.errors or remove:
        completed.discard(current_step.index)
    else:
        completed.add(current_step.index)
    draft.completed_steps = sorted(completed)
    drafts.recheck_completed(draft, steps)
    drafts.extend(draft)
    draft.save()

    if action == "back":
        if current_step.index == 0:
            return HttpResponseRedirect(page_url(page, request))
        return HttpResponseRedirect(step_url(page, request, current_step.number - 1))
    if action == "save":
        return HttpResponseRedirect(sub_url(page, request, "application_save"))
    if remove:
        again = StepForm(current_step, specs, draft.data, initial=raw_values(form))
        notice = _("Die Datei wurde entfernt.") if removed else ""
        return render_step(
            page,
            request,
            application_form,
            steps,
            current_step,
            again,
            draft,
            notice=notice,
            extra=upload_errors,
        )
    if form.errors:
        return render_step(page, request, application_form, steps, current_step, form, draft)
    if current_step.index + 1 < len(steps):
        return HttpResponseRedirect(step_url(page, request, current_step.number + 1))
    return HttpResponseRedirect(sub_url(page, request, "application_review"))


def render_step(
    page,
    request,
    application_form,
    steps,
    current_step,
    form,
    draft,
    *,
    extra: list[str] | None = None,
    notice: str = "",
) -> HttpResponse:
    context = base_context(page, request, application_form, steps, draft, current_step.index)
    errors = error_summary(form, extra or [])
    context.update(
        {
            "step": current_step,
            "form": form,
            "rows": form.rows(drafts.files_by_key(draft)),
            "errors": errors,
            "notice": notice,
            "is_first": current_step.index == 0,
            "is_last": current_step.index == len(steps) - 1,
            "action_url": step_url(page, request, current_step.number),
            "timestamp_field": spam.TIMESTAMP_FIELD,
            "timestamp": spam.issue_timestamp() if draft is None else "",
            "has_files": any(spec.is_file for spec in current_step.fields),
        }
    )
    return private(TemplateResponse(request, TEMPLATES + "step.html", context), with_form=True)


@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, page) -> HttpResponse:
    application_form, steps = setup(page)
    draft = drafts.current(request, page)
    if draft is None:
        if _submitted_case(request, page)[0] is not None:
            # the submit was sent again (its answer was lost, "resend the form?", back
            # button): the draft is a case by now – show its reference once more
            return HttpResponseRedirect(sub_url(page, request, "application_done"))
        return HttpResponseRedirect(sub_url(page, request, "application_start"))
    before = list(draft.completed_steps)
    drafts.recheck_completed(draft, steps)
    if draft.completed_steps != before:
        draft.save(update_fields=["completed_steps", "updated_at"])
    unfinished = drafts.first_unfinished(draft, steps)
    if unfinished is not None:
        return HttpResponseRedirect(step_url(page, request, unfinished + 1))
    extra: list[str] = []
    status = 200
    if request.method == "POST":
        if spam.honeypot_filled(request):
            extra.append(spam.honeypot_message())
        elif spam.rate_limited(request, "submit"):
            return private(spam.rate_limited_response(request, {"page": page}))
        else:
            try:
                result = submission.submit(draft, steps)
            except submission.AlreadySubmitted:
                return HttpResponseRedirect(sub_url(page, request, "application_done"))
            except Exception as error:  # the message may quote the citizen's entries
                logger.error(
                    "Application of draft %s could not be submitted: %s",
                    draft.pk,
                    describe_error(error),
                )
                extra.append(
                    _(
                        "Ihr Antrag konnte gerade nicht gespeichert werden. Ihre Angaben "
                        "bleiben erhalten – bitte versuchen Sie es in einigen Minuten erneut."
                    )
                )
                status = 503
            else:
                drafts.forget(request, page)
                submitted = dict(request.session.get(SUBMITTED_KEY, {}))
                submitted[str(page.pk)] = {"case": result.case.pk, "token": result.token}
                request.session[SUBMITTED_KEY] = submitted
                return HttpResponseRedirect(sub_url(page, request, "application_done"))
    context = base_context(page, request, application_form, steps, draft, len(steps))
    groups = summary(steps, draft.data, drafts.files_by_key(draft))
    for group in groups:
        url = step_url(page, request, group["step"].number)
        group["url"] = url
        for item in group["items"]:
            item["anchor"] = f"{url}#feld-{item['key']}"
    context.update({"groups": groups, "errors": [{"text": t, "href": ""} for t in extra]})
    response = TemplateResponse(request, TEMPLATES + "review.html", context, status=status)
    return private(response, with_form=True)


@require_http_methods(["GET", "HEAD", "POST"])
def save(request: HttpRequest, page) -> HttpResponse:
    application_form, steps = setup(page)
    draft = drafts.current(request, page)
    if draft is None:
        return HttpResponseRedirect(sub_url(page, request, "application_start"))
    specs = all_fields(steps)
    first_email = next(
        (draft.data.get(key) for key, spec in specs.items() if spec.type == "email"), ""
    )
    extra: list[str] = []
    if request.method == "POST":
        form = SaveForm(request.POST)
        if spam.honeypot_filled(request):
            extra.append(spam.honeypot_message())
        elif spam.rate_limited(request, "save"):
            return private(spam.rate_limited_response(request, {"page": page}))
        elif form.is_valid():
            email = form.cleaned_data["email"]
            token = drafts.save_for_later(draft, email)
            url = page.get_full_url(request) + page.reverse_subpage(
                "application_resume", kwargs={"token": token}
            )
            mails.send_resume_link(draft, url, page.title)
            context = base_context(page, request, application_form, steps, draft, None)
            context.update({"email": email, "expires": draft.expires_at})
            return private(TemplateResponse(request, TEMPLATES + "saved.html", context))
    else:
        form = SaveForm(initial={"email": draft.email or first_email or ""})
    unfinished = drafts.first_unfinished(draft, steps)
    context = base_context(page, request, application_form, steps, draft, None)
    context.update(
        {
            "form": form,
            "errors": error_summary(form, extra),
            "continue_url": (
                step_url(page, request, unfinished + 1)
                if unfinished is not None
                else sub_url(page, request, "application_review")
            ),
        }
    )
    return private(TemplateResponse(request, TEMPLATES + "save.html", context), with_form=True)


@require_http_methods(["GET", "HEAD"])
def resume(request: HttpRequest, page, token: str) -> HttpResponse:
    application_form, steps = setup(page)
    draft = drafts.find_saved(page, token)
    if draft is None:
        context = {"page": page, "restart_url": sub_url(page, request, "application_start")}
        response = TemplateResponse(request, TEMPLATES + "resume_invalid.html", context, status=404)
        return private(response)
    drafts.remember(request, page, draft)
    drafts.recheck_completed(draft, steps)
    draft.save(update_fields=["completed_steps", "updated_at"])
    unfinished = drafts.first_unfinished(draft, steps)
    if unfinished is None:
        return private(HttpResponseRedirect(sub_url(page, request, "application_review")))
    return private(HttpResponseRedirect(step_url(page, request, unfinished + 1)))


def _submitted_case(request: HttpRequest, page) -> tuple[Case | None, dict]:
    """The case this browser's session sent in for ``page`` and what the session knows of
    it (its tracking token); ``None`` if it sent none or the case is gone."""
    info = request.session.get(SUBMITTED_KEY, {}).get(str(page.pk)) or {}
    case = Case.objects.filter(pk=info["case"], service_page=page).first() if info else None
    return case, info


@require_http_methods(["GET", "HEAD"])
def done(request: HttpRequest, page) -> HttpResponse:
    application_form, _steps = setup(page)
    case, info = _submitted_case(request, page)
    if case is None:
        return HttpResponseRedirect(page_url(page, request))
    context = {
        "page": page,
        "application_form": application_form,
        "case": case,
        "tracking_url": mails.tracking_url(case.site, info["token"]),
        "confirmation_text": (case.form or application_form).confirmation_text,
    }
    return private(TemplateResponse(request, TEMPLATES + "done.html", context))
