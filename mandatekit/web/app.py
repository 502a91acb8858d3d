"""The web page's routes: thin handlers that wire a request to the stages (work.py) and a template.

GET  /                              check a draft: upload or paste
POST /check                         → 303 /check/ID
GET  /check/ID                      the scorecard beside the draft (?profile=, ?show=met|partial|missing);
                                    a long draft's page first without its suggestions' places (?placed=1: with)
GET  /check/ID/places               those places, for that page's script to put in
GET  /check/ID/download/KIND        memo.docx, memo.html, redline.docx, annotated.docx, report.json,
                                    report.csv: what the command line writes
GET  /check/ID/decide/RULE          record a decision on a finding
POST /check/ID/decide/RULE          → 303 /check/ID
GET  /compare                       compare two drafts
POST /compare                       → 303 /compare/ID
GET  /compare/ID                    gains and losses, with word-level diffs
GET  /compare/ID/download/KIND      memo.docx (the new draft's, with 'Since the previous text'),
                                    comparison.json
GET  /rules                         the rule catalogue
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlencode

from markupsafe import Markup
from starlette.applications import Starlette
from starlette.datastructures import FormData, QueryParams, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from mandatekit import __version__
from mandatekit.round_words import spaced
from mandatekit.web import views
from mandatekit.web.security import FORM_SLACK, Guard, check_csrf, check_origin, limited, size_text
from mandatekit.web.store import Check, Draft, Store
from mandatekit.web.work import DECISIONS, Failure, Workshop, plain_name

HERE = Path(__file__).parent
# Where a result page names its check: no text of a draft can produce it, as escaping turns '<' into '&lt;'.
CHECK_ID = "<check-id>"
MAX_PAGES = 16
MAX_PAGE_CHARS = 64 * 1024 * 1024  # a huge draft's page is not kept beside others
PASTED = "pasted-draft.txt"
# Who decided: the name a drafter gives, remembered in their browser for their next decision (the server's
# login name says nothing of who decided on a page others may use).
BY_COOKIE = "mandatekit-by"
MAX_BY_CHARS = 200
DOWNLOADS = {  # kind → (file name after the draft's stem, media type)
    "memo.docx": ("-gap-analysis.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "memo.html": ("-gap-analysis.html", "text/html; charset=utf-8"),
    "redline.docx": ("-redline.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "annotated.docx": ("-reviewed.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "report.json": (".json", "application/json"),
    "report.csv": (".csv", "text/csv; charset=utf-8"),
    "comparison.json": ("-comparison.json", "application/json"),
}  # fmt: skip


def create_app(workshop: Workshop, *, token: str | None = None, max_bytes: int | None = None) -> Any:
    """The ASGI app over `workshop`. `token`: required of every request (a server not on loopback)."""
    from mandatekit.read import max_bytes as default_max_bytes

    limit = max_bytes if max_bytes is not None else default_max_bytes()
    store = Store()
    pages: OrderedDict[tuple[Any, ...], str] = OrderedDict()  # result pages, see _result_page
    pages_lock = threading.Lock()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(
        version=__version__,
        decisions=DECISIONS,
        decision_labels=views.DECISION_LABELS,
        spaced=spaced,
        mission_parts=views.mission_parts,
    )

    class InMemory(MultiPartParser):
        spool_max_size = limit + FORM_SLACK  # an upload stays in memory: it is never written to disk here

    def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
        common = {
            "csrf": request.state.csrf,
            "profiles": workshop.profiles,
            "default_profile": workshop.default_profile,
            "limit": size_text(limit),
        }
        return templates.TemplateResponse(request, name, {**common, **context}, status_code=status)

    async def read_form(request: Request) -> FormData:
        check_origin(request.scope, limit)
        kind = request.headers.get("content-type", "")
        stream = limited(request.stream(), limit)
        parser: Any
        if kind.startswith("multipart/form-data"):
            parser = InMemory(request.headers, stream, max_files=2, max_fields=16, max_part_size=limit)
        elif kind.startswith("application/x-www-form-urlencoded"):
            parser = FormParser(request.headers, stream, max_fields=16, max_part_size=limit)
        else:
            raise Failure("send the form as the page does (multipart/form-data)", 415)
        try:
            form = await parser.parse()
        except MultiPartException as exc:
            raise Failure(f"the upload is not a well-formed form ({exc.message})") from exc
        check_csrf(request.scope, form)
        return form

    async def draft_from(form: FormData, field: str, text_field: str | None, which: str) -> Draft:
        upload = form.get(field)
        if isinstance(upload, UploadFile) and upload.filename:
            try:
                return Draft(plain_name(upload.filename, "draft"), await upload.read())
            finally:
                await upload.close()
        text = form.get(text_field) if text_field else None
        if isinstance(text, str) and text.strip():
            return Draft(PASTED, text.replace("\r\n", "\n").encode("utf-8"))
        raise Failure(f"choose the {which} file" + (", or paste its text" if text_field else ""))

    def profile_of(source: QueryParams | FormData) -> str:
        """The profile asked for: an id, DETECT (''), or, when the request names none, the server's."""
        wanted = source.get("profile")
        return wanted if isinstance(wanted, str) else workshop.default_profile

    def check_of(request: Request) -> Check:
        check = store.get(request.path_params["id"], request.state.session)
        if check is None:
            raise Failure("this check is no longer kept (or was made in another browser): check the draft again",
                          404)  # fmt: skip
        return check

    async def run(fn: Any, *args: Any) -> Any:
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(fn, *args)

    # Pages

    async def index(request: Request) -> Response:
        return page(request, "index.html")

    async def check(request: Request) -> Response:
        try:
            form = await read_form(request)
            draft = await draft_from(form, "draft", "text", "draft")
            profile = profile_of(form)
            await run(workshop.judge, draft, profile)  # a draft that cannot be read is said on this page
        except Failure as exc:
            return page(request, "index.html", exc.status, error=exc.line)
        key = store.add(Check(request.state.session, (draft,)))
        return RedirectResponse(f"/check/{key}?{urlencode({'profile': profile})}", 303)

    async def result(request: Request) -> Response:
        try:
            check = check_of(request)
            profile = profile_of(request.query_params)
            show = request.query_params.get("show")
            show = show if show in views.VERDICTS else None
            recorded = request.query_params.get("recorded")
            placed = request.query_params.get("placed") == "1"
            html = await run(_result_page, check.drafts[0], profile, show, recorded, placed)
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        return HTMLResponse(html.replace(CHECK_ID, request.path_params["id"]))

    def _result_page(draft: Draft, profile: str, show: str | None, recorded: str | None, placed: bool) -> str:
        """The result page, with CHECK_ID where the check's id goes. A draft's page is the same for every
        upload of it while its decisions files stay the same: kept (a few), it is served again at once. A
        long draft's first page comes before its suggestions are placed (unless `placed`): its script asks
        /check/ID/places for them, and each placeholder links to the page with them."""
        key = (draft.digest, draft.name, profile, show, workshop.decisions_state(draft.name))
        if recorded is None:
            with pages_lock:
                if key in pages:
                    pages.move_to_end(key)
                    return pages[key]
        early = None if placed else workshop.context_before_places(draft, profile)
        context, document, report = early or _result(draft, profile)
        findings = views.scorecard(context, report)
        paragraphs = views.draft_view(document, findings)
        html = templates.env.get_template("result.html").render(
            id=Markup(CHECK_ID),
            csrf="",
            profiles=workshop.profiles,
            default_profile=workshop.default_profile,
            draft=draft,
            word=Path(draft.name).suffix.lower() in (".docx", ".docm"),
            profile=profile,
            memo=context,
            report=report,
            mission_line=views.mission_line(report),
            findings=findings,
            counts=views.counts(findings),
            show=show,
            draft_html=views.draft_html(paragraphs),
            legend=views.legend(paragraphs),
            recorded=recorded,
            later=early is not None,
        )
        if recorded is None and early is None:
            with pages_lock:
                pages[key] = html
                while len(pages) > 1 and (
                    len(pages) > MAX_PAGES or sum(map(len, pages.values())) > MAX_PAGE_CHARS
                ):
                    pages.popitem(last=False)
        return html

    def _result(draft: Draft, profile: str) -> tuple[dict[str, Any], Any, Any]:
        return workshop.context(draft, profile)

    async def places(request: Request) -> Response:
        try:
            check = check_of(request)
            context, _, report = await run(_result, check.drafts[0], profile_of(request.query_params))
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        html = templates.env.get_template("places.html").render(
            memo=context, findings=views.scorecard(context, report)
        )
        return HTMLResponse(html)

    async def download(request: Request) -> Response:
        kind = request.path_params["kind"]
        try:
            check = check_of(request)
            if kind not in DOWNLOADS or kind == "comparison.json":
                raise Failure(f"no download called '{kind}'", 404)
            draft, profile = check.drafts[0], profile_of(request.query_params)
            head = memo_head(request.query_params) if kind in ("memo.docx", "memo.html") else {}
            data = await run(_download, draft, profile, kind, head)
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        return _attachment(data, Path(draft.name).stem, kind)

    def memo_head(query: QueryParams) -> dict[str, str]:
        """The memo head and readers the page's memo form asks for: the command line's --to, --author and
        --for, with the same defaults (each field left empty: the default)."""
        audience = query.get("for") or "team"
        if audience not in ("team", "delegations"):
            raise Failure(f"unknown memo readers '{audience}' (team or delegations)")
        to, author = (" ".join(str(query.get(k) or "").split())[:MAX_BY_CHARS] for k in ("to", "from"))
        return {"memo_to": to, "author": author, "audience": audience}

    def _download(draft: Draft, profile: str, kind: str, head: dict[str, str]) -> bytes:
        if kind in ("memo.docx", "memo.html"):
            return workshop.memo(draft, profile, "docx" if kind == "memo.docx" else "html", head=head)
        if kind in ("redline.docx", "annotated.docx"):
            return workshop.word_copy(draft, profile, "redline" if kind == "redline.docx" else "annotate")
        document, report = workshop.judge(draft, profile)
        return (
            workshop.json(report, document, profile, draft) if kind == "report.json" else workshop.csv(report)
        )

    async def decide(request: Request) -> Response:
        rule = request.path_params["rule"]
        error, status = None, 200
        values = {  # no decision is taken for the team: the form comes with none chosen
            "decision": "",
            "why": "",
            "by": unquote(request.cookies.get(BY_COOKIE, ""))[:MAX_BY_CHARS],
        }
        try:
            check = check_of(request)
            draft = check.drafts[0]
            if request.method == "POST":
                form = await read_form(request)
                profile = profile_of(form)
                values = {k: str(form.get(k) or "") for k in ("decision", "why", "by")}
                try:
                    target = await run(workshop.record, draft, profile, rule, values["decision"], values["why"],
                                       values["by"])  # fmt: skip
                except Failure as exc:
                    if exc.status != 400:
                        raise
                    error, status = exc.line, 400
                else:
                    query = urlencode({"profile": profile, "recorded": f"{rule}|{target.name}"})
                    done = RedirectResponse(f"/check/{request.path_params['id']}?{query}#f-{rule}", 303)
                    done.set_cookie(BY_COOKIE, quote(values["by"].strip()[:MAX_BY_CHARS]), max_age=365 * 86400,
                                    httponly=True, samesite="strict")  # fmt: skip
                    return done
            else:
                profile = profile_of(request.query_params)
            context, _, report = await run(_result, draft, profile)
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        finding = next((f for f in views.scorecard(context, report) if f["rule"] == rule), None)
        if finding is None:
            return page(
                request, "error.html", 404, error=f"no rule with id '{rule}' (see the rule catalogue)"
            )
        return page(
            request,
            "decide.html",
            status,
            id=request.path_params["id"],
            draft=draft,
            profile=profile,
            finding=finding,
            values=values,
            error=error,
            target=workshop.decisions / f"{Path(draft.name).stem}.decisions.yaml",
        )

    async def compare_form(request: Request) -> Response:
        return page(request, "compare.html")

    async def compare(request: Request) -> Response:
        try:
            form = await read_form(request)
            old = await draft_from(form, "old", None, "earlier draft")
            new = await draft_from(form, "new", None, "later draft")
            profile = profile_of(form)
            await run(workshop.compare, old, new, profile)
        except Failure as exc:
            return page(request, "compare.html", exc.status, error=exc.line)
        key = store.add(Check(request.state.session, (old, new)))
        return RedirectResponse(f"/compare/{key}?{urlencode({'profile': profile})}", 303)

    async def comparison(request: Request) -> Response:
        try:
            check = check_of(request)
            if len(check.drafts) != 2:
                raise Failure("this check is of one draft, not a comparison", 404)
            profile = profile_of(request.query_params)
            result = await run(workshop.compare, *check.drafts, profile)
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        from mandatekit.render.compare import previous_context

        stories = {c["rule"]: c["story"] for c in previous_context(result)["changes"]}  # the memo's words
        (_, old_report), (_, new_report) = [await run(workshop.judge, d, profile) for d in check.drafts]
        under = views.compared_under(profile, workshop.profiles, old_report, new_report)
        return page(request, "comparison.html", id=request.path_params["id"], comparison=result,
                    stories=stories, old=check.drafts[0], new=check.drafts[1], profile=profile,
                    under=under)  # fmt: skip

    async def comparison_download(request: Request) -> Response:
        kind = request.path_params["kind"]
        try:
            check = check_of(request)
            if len(check.drafts) != 2 or kind not in ("memo.docx", "comparison.json"):
                raise Failure(f"no download called '{kind}'", 404)
            data = await run(_comparison_download, check, profile_of(request.query_params), kind)
        except Failure as exc:
            return page(request, "error.html", exc.status, error=exc.line)
        return _attachment(data, Path(check.drafts[1].name).stem, kind)

    def _comparison_download(check: Check, profile: str, kind: str) -> bytes:
        import json

        from mandatekit.errors import shown
        from mandatekit.render.compare import previous_context

        result = workshop.compare(*check.drafts, profile)
        if kind == "comparison.json":
            return (
                shown(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)) + "\n"
            ).encode()
        return workshop.memo(check.drafts[1], profile, "docx", previous=previous_context(result),
                             earlier=check.drafts[0], comparison=result)  # fmt: skip

    async def rules(request: Request) -> Response:
        setup = await run(workshop.setup, None)
        sources = {s["id"]: s for s in setup.register}
        origins = {r.id: setup.rulebook.origin(r.id) for r in setup.rulebook.rules}
        return page(request, "rules.html", rules=setup.rulebook.rules, sources=sources, origins=origins)

    async def not_found(request: Request, exc: Exception) -> Response:
        return page(request, "error.html", 404, error=f"no page at {request.url.path}")

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        return page(request, "error.html", 405, error=f"{request.method} is not how this page is used")

    async def server_error(request: Request, exc: Exception) -> Response:
        # The last line of defence, as the command line's: one line, never a traceback.
        from mandatekit.errors import unexpected

        return Response(f"mandatekit: error: {unexpected(exc)}\n", 500, media_type="text/plain")

    routes = [
        Route("/", index),
        Route("/check", check, methods=["POST"]),
        Route("/check/{id}", result),
        Route("/check/{id}/places", places),
        Route("/check/{id}/download/{kind}", download),
        Route("/check/{id}/decide/{rule}", decide, methods=["GET", "POST"]),
        Route("/compare", compare_form),
        Route("/compare", compare, methods=["POST"]),
        Route("/compare/{id}", comparison),
        Route("/compare/{id}/download/{kind}", comparison_download),
        Route("/rules", rules),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={404: not_found, 405: method_not_allowed, 500: server_error},
    )
    return Guard(app, key=secrets.token_bytes(32), max_body=limit, token=token)


def _attachment(data: bytes, stem: str, kind: str) -> Response:
    after, media = DOWNLOADS[kind]
    name = f"{stem}{after}"
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media, headers={"content-disposition": disposition})
