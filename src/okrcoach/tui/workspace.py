"""Opening the workspace for the app: the local folder or a team store, in a worker.

The store opens in a worker beside the first frame. On a team store the app also listens for
other people's changes (the store calls back from its own thread) and tells the
screens, so an open dashboard refreshes without a restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message

if TYPE_CHECKING:
    from okrcoach.domain.models import Draft
    from okrcoach.store import Store

# Changes that arrive together (a check-in touches two tables) cause one refresh.
CHANGE_SETTLE_SECONDS = 0.2


class StoreReady(Message):
    """The store is open (or could not be opened: ``problem`` says why)."""

    def __init__(
        self,
        store: Store | None,
        problem: str = "",
        locked: bool = False,
        read_only: bool = False,
        team: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.problem = problem
        self.locked = locked
        self.read_only = read_only  # the failed attempt was already read-only
        self.team = team  # a team store that could not be opened: offer to try again


class StoreChanged(Message):
    """Someone else changed the team store (``table`` names what changed)."""

    def __init__(self, table: str) -> None:
        super().__init__()
        self.table = table


def team_title(store: Any) -> str:
    """The header's subtitle on a team store: who you are, and where (never a password)."""
    from okrcoach.domain.text import clean_line

    me = getattr(store, "me", "")
    names = {p.role: p.name for p in store.people()} if hasattr(store, "people") else {}
    who = clean_line(names.get(me, me))
    return f"{who} on {clean_line(store.location)}" if who else clean_line(store.location)


def passing_errors() -> tuple[type[Exception], ...]:
    """Team store errors that leave the screen as it is: a refused or conflicting edit, a
    server away for a moment."""
    from okrcoach.store import ConflictError, NotAllowedError, ServerUnavailableError

    return (ConflictError, NotAllowedError, ServerUnavailableError)


class WorkspaceMixin:  # an OkrApp at runtime
    """The app's store: opened in a worker, problems on a modal, team changes relayed."""

    store: Any
    store_problem: str

    def _location(self) -> str | None:
        """--store or OKRCOACH_STORE when given, else the store setting. Raises LocationError."""
        given = self._given_store  # type: ignore[attr-defined]
        if given is not None:
            return given.location  # type: ignore[no-any-return]
        from okrcoach.location import settings_location

        return settings_location(self.paths)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="store")
    def open_store(self, read_only: bool = False) -> None:
        """Open the store off the UI thread so the first frame never waits for the disk."""
        from okrcoach.location import LocationError
        from okrcoach.store import LockedError, StoreError

        app: Any = self
        app.read_settings()
        team = False
        try:
            if app._opener is not None:
                store = app._opener(app.paths, read_only=read_only)
            else:
                from okrcoach.store.choose import open_workspace

                location = self._location()
                team = location is not None
                store = open_workspace(location, app.paths, read_only=read_only)
        except LocationError as error:
            app.post_message(StoreReady(None, str(error), read_only=True))
        except LockedError as error:
            app.post_message(StoreReady(None, str(error), locked=True, read_only=read_only))
        except StoreError as error:
            app.post_message(StoreReady(None, str(error), read_only=read_only or team, team=team))
        else:
            if hasattr(store, "people"):
                app.call_from_thread(setattr, app, "sub_title", team_title(store))
            listen = getattr(store, "on_change", None)
            if callable(listen):  # waits for the listener to connect: here, off the UI thread
                self._stop_listening = listen(self._changed_elsewhere)
            app.post_message(StoreReady(store))

    def on_store_ready(self, message: StoreReady) -> None:
        app: Any = self
        if message.store is None:
            self.store_problem = message.problem
            app.drop_held_keys()
            from okrcoach.tui.screens.notice import StoreProblemModal

            def chosen(choice: str | None) -> None:
                if choice == "read-only":
                    self.open_store(read_only=True)
                elif choice == "retry":
                    self.open_store(read_only=message.read_only and not message.team)
                else:
                    app.exit(1)

            offer = "retry" if message.team else ("" if message.read_only else "read-only")
            app.push_screen(StoreProblemModal(message.problem, message.locked, offer), chosen)
            return
        self.store = message.store
        self.store_problem = ""
        if message.store.read_only:
            app.sub_title = "read-only"
            app.notify(
                "Opened read-only: changes cannot be saved in this window.",
                title="Read-only",
                severity="warning",
            )
        else:
            self._offer_resume()
        from okrcoach.tui.store_ready import tell_opened

        for screen in app.screen_stack:
            tell_opened(screen, message.store)

    # --- other people's changes (team store) -----------------------------------------
    def _changed_elsewhere(self, table: str) -> None:
        """Called by the team store from its listener thread: hand over to the UI thread."""
        app: Any = self
        if app.is_running:
            app.post_message(StoreChanged(table))

    def on_store_changed(self, message: StoreChanged) -> None:
        app: Any = self
        pending = getattr(self, "_changes_pending", None)
        if pending is not None:
            pending.add(message.table)
            return
        self._changes_pending: set[str] | None = {message.table}
        app.set_timer(CHANGE_SETTLE_SECONDS, self._tell_screens)

    def _tell_screens(self) -> None:
        from okrcoach.tui.store_ready import ChangedElsewhere

        app: Any = self
        tables = frozenset(self._changes_pending or ())
        self._changes_pending = None
        for screen in app.screen_stack:
            screen.post_message(ChangedElsewhere(tables))

    def stop_listening(self) -> None:
        stop = getattr(self, "_stop_listening", None)
        self._stop_listening = None
        if callable(stop):
            stop()

    # --- problems ----------------------------------------------------------------------
    def report_store_problem(self, problem: str) -> None:
        """A store problem met by a worker (a damaged cycle file...): one screen says it."""
        from okrcoach.tui.screens.notice import StoreProblemModal

        app: Any = self
        app.drop_held_keys()  # typed for a dashboard that cannot be shown
        if any(isinstance(s, StoreProblemModal) and s.problem == problem for s in app.screen_stack):
            return

        def chosen(choice: str | None) -> None:
            if choice != "continue":
                app.exit(1)

        app.push_screen(StoreProblemModal(problem, False, "continue"), chosen)

    def _handle_exception(self, error: Exception) -> None:
        """Every worker's store error is said in words, never a traceback.

        A refused or conflicting team edit, or a server away for a moment, is a
        notification: the screen stays as it is, with what was typed.
        """
        from textual.worker import WorkerFailed

        from okrcoach.store import StoreError

        app: Any = self
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, passing_errors()) and app.is_running:
            from okrcoach.store import ServerUnavailableError

            away = isinstance(cause, ServerUnavailableError)
            title = "The team store cannot be reached" if away else "Not saved"
            app.notify(str(cause), title=title, severity="error", markup=False)
            return
        if isinstance(cause, StoreError) and app.is_running:
            self.report_store_problem(str(cause))
            return
        super()._handle_exception(error)  # type: ignore[misc]

    # --- a draft left in the wizard ------------------------------------------------------
    @work(thread=True, exclusive=True, group="resume")
    def _offer_resume(self) -> None:
        """Look for a draft left in the wizard off the UI thread; ask about it if there is one."""
        from okrcoach.tui.screens.resume import find_draft

        app: Any = self
        store = self.store
        draft = find_draft(store) if store is not None and not store.read_only else None
        if draft is not None:
            app.call_from_thread(self._ask_resume, draft)

    def _ask_resume(self, draft: Draft) -> None:
        from okrcoach.tui.screens.resume import ResumeModal, discard_draft

        app: Any = self

        def chosen(choice: str | None) -> None:
            if choice == "resume":
                from okrcoach.tui.screens.wizard import WizardScreen

                app.push_screen(WizardScreen(draft=draft), app._after_edit)
            elif choice == "discard" and self.store is not None:
                store = self.store

                def discard() -> None:
                    problem = discard_draft(store, draft)
                    if problem:
                        app.call_from_thread(app.notify, problem, markup=False)

                app.run_worker(discard, thread=True, group="resume")

        app.push_screen(ResumeModal(draft), chosen)
