"""Resolving names typed by users to rows, inside a write session."""

from __future__ import annotations

from sqlmodel import Session, col, select

from pursuit.domain.matching import MatchError, match_name, name_key
from pursuit.domain.status import CLOSED, Status
from pursuit.domain.text import clean_name
from pursuit.store.errors import InputError
from pursuit.store.models import Application, Company, Contact


def company(session: Session, text: str) -> Company:
    # Names are stored cleaned, so what is typed is cleaned the same way before matching:
    # a pasted escape sequence or a decomposed accent must still find the row (and must
    # not be echoed raw in the error if nothing matches).
    text = clean_name(text)
    # The exact name first, through the unique index: with thousands of companies, loading
    # every name to match a prefix costs tens of milliseconds per command.
    exact = session.exec(
        select(Company).where(Company.name_key == name_key(text), col(Company.deleted_at).is_(None))
    ).first()
    if exact is not None:
        return exact
    rows = session.exec(
        select(Company.id, Company.name).where(col(Company.deleted_at).is_(None))
    ).all()
    try:
        cid = match_name(text, [(int(i), n) for i, n in rows if i is not None])
    except MatchError as exc:
        raise InputError(str(exc)) from None
    found = session.get(Company, cid)
    assert found is not None
    return found


def application(session: Session, comp: Company, *, include_closed: bool = False) -> Application:
    """The company's current application: the latest open one, else (if allowed) the latest."""
    apps = session.exec(
        select(Application)
        .where(Application.company_id == comp.id, col(Application.deleted_at).is_(None))
        .order_by(col(Application.updated_at).desc(), col(Application.id).desc())
    ).all()
    open_apps = [a for a in apps if Status(a.status) not in CLOSED]
    if open_apps:
        return open_apps[0]
    if include_closed and apps:
        return apps[0]
    if apps:
        raise InputError(f"{comp.name} has no open application (last one is {apps[0].status})")
    raise InputError(f"{comp.name} has no application; add one with: pursuit add")


def contact(session: Session, comp: Company, text: str) -> Contact:
    text = clean_name(text)
    rows = session.exec(
        select(Contact.id, Contact.name).where(
            Contact.company_id == comp.id, col(Contact.deleted_at).is_(None)
        )
    ).all()
    try:
        cid = match_name(text, [(int(i), n) for i, n in rows if i is not None], what="person")
    except MatchError as exc:
        raise InputError(f"{comp.name}: {exc}") from None
    found = session.get(Contact, cid)
    assert found is not None
    return found
