"""The team schema, as numbered migrations: tables, roles, row-level security, triggers.

Everything lives in the ``okrcoach`` schema of the database the URL names.
Tables are named after the records. ``okr_member`` may read the organisation's
objectives, key results, check-ins, cycles, retros and people; rows of
``objectives`` (and through them key results and check-ins) change only for
their owner or an ``okr_admin``; drafts and journal entries are visible to
their author alone. The database enforces this, whatever client connects.
Check-ins are append-only (nobody is granted UPDATE on them). A trigger keeps
``version``/``updated_by`` on objectives and key results, another notifies
``okrcoach_changes`` with the table name after every change of shared data.

The statements are fixed text: no user input is ever formatted into them.
"""

from __future__ import annotations

SCHEMA = "okrcoach"
CHANNEL = "okrcoach_changes"
MEMBER_ROLE = "okr_member"
ADMIN_ROLE = "okr_admin"

_ROLES = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'okr_member') THEN
    CREATE ROLE okr_member NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'okr_admin') THEN
    CREATE ROLE okr_admin NOLOGIN;
  END IF;
END
$$;
GRANT okr_member TO okr_admin;
"""

_TABLES = """
CREATE SCHEMA okrcoach;
CREATE TABLE okrcoach.schema_version (
  version integer PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT current_user
);
CREATE TABLE okrcoach.people (
  role text PRIMARY KEY,
  name text NOT NULL,
  team text NOT NULL DEFAULT '',
  admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE okrcoach.cycles (
  id text PRIMARY KEY,
  name text NOT NULL,
  start date NOT NULL,
  "end" date NOT NULL,
  closed boolean NOT NULL,
  reopened boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE TABLE okrcoach.objectives (
  id text PRIMARY KEY,
  cycle_id text NOT NULL,
  title text NOT NULL,
  why text NOT NULL,
  goal_type text NOT NULL,
  maturity text,
  commitment text NOT NULL,
  parent_id text,
  owner text NOT NULL DEFAULT current_user,
  status text NOT NULL,
  archived boolean NOT NULL,
  deleted boolean NOT NULL,
  position integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX objectives_by_cycle ON okrcoach.objectives (cycle_id, position, created_at);
CREATE INDEX objectives_by_owner ON okrcoach.objectives (owner);
CREATE TABLE okrcoach.key_results (
  id text PRIMARY KEY,
  objective_id text NOT NULL,
  title text NOT NULL,
  metric_kind text NOT NULL,
  unit text NOT NULL,
  baseline double precision,
  target double precision,
  "current" double precision,
  direction text NOT NULL,
  confidence integer,
  position integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX key_results_by_objective ON okrcoach.key_results (objective_id);
CREATE TABLE okrcoach.checkins (
  id text PRIMARY KEY,
  kr_id text NOT NULL,
  at timestamptz NOT NULL,
  value double precision NOT NULL,
  confidence integer NOT NULL,
  note text NOT NULL,
  learned text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  author text NOT NULL DEFAULT current_user
);
CREATE INDEX checkins_by_kr ON okrcoach.checkins (kr_id, at, created_at);
CREATE TABLE okrcoach.retros (
  id text PRIMARY KEY,
  cycle_id text NOT NULL,
  objective_id text,
  format text NOT NULL,
  participants text NOT NULL,
  answers jsonb NOT NULL,
  scores jsonb NOT NULL,
  decisions jsonb NOT NULL,
  finished boolean NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  owner text NOT NULL DEFAULT current_user
);
CREATE INDEX retros_by_cycle ON okrcoach.retros (cycle_id);
CREATE TABLE okrcoach.journal (
  id text PRIMARY KEY,
  at timestamptz NOT NULL,
  text text NOT NULL,
  objective_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  owner text NOT NULL DEFAULT current_user
);
CREATE INDEX journal_by_owner ON okrcoach.journal (owner, objective_id);
CREATE TABLE okrcoach.drafts (
  id text PRIMARY KEY,
  kind text NOT NULL,
  step integer NOT NULL,
  cycle_id text,
  target_id text,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  owner text NOT NULL DEFAULT current_user
);
CREATE INDEX drafts_by_owner ON okrcoach.drafts (owner, kind);
"""

_FUNCTIONS = """
CREATE FUNCTION okrcoach.is_admin() RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog
  AS $$ SELECT pg_has_role(current_user, 'okr_admin', 'MEMBER') $$;
CREATE FUNCTION okrcoach.owns_objective(objective text) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog
  AS $$ SELECT EXISTS (SELECT 1 FROM okrcoach.objectives o
                       WHERE o.id = objective AND o.owner = current_user) $$;
CREATE FUNCTION okrcoach.owns_key_result(kr text) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = pg_catalog
  AS $$ SELECT EXISTS (SELECT 1 FROM okrcoach.key_results k
                       JOIN okrcoach.objectives o ON o.id = k.objective_id
                       WHERE k.id = kr AND o.owner = current_user) $$;
CREATE FUNCTION okrcoach.stamp_version() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
  ELSE
    NEW.version := OLD.version + 1;
  END IF;
  NEW.updated_by := current_user;
  RETURN NEW;
END
$$;
CREATE FUNCTION okrcoach.stamp_author() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  NEW.author := current_user;
  RETURN NEW;
END
$$;
CREATE FUNCTION okrcoach.notify_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  PERFORM pg_notify('okrcoach_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
CREATE TRIGGER stamp_version BEFORE INSERT OR UPDATE ON okrcoach.objectives
  FOR EACH ROW EXECUTE FUNCTION okrcoach.stamp_version();
CREATE TRIGGER stamp_version BEFORE INSERT OR UPDATE ON okrcoach.key_results
  FOR EACH ROW EXECUTE FUNCTION okrcoach.stamp_version();
CREATE TRIGGER stamp_author BEFORE INSERT ON okrcoach.checkins
  FOR EACH ROW EXECUTE FUNCTION okrcoach.stamp_author();
"""

# Drafts and journal entries are private, so changing them tells nobody else.
NOTIFYING = ("cycles", "objectives", "key_results", "checkins", "retros", "people")
_NOTIFY = "\n".join(
    f"CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON okrcoach.{table}\n"
    "  FOR EACH STATEMENT EXECUTE FUNCTION okrcoach.notify_change();"
    for table in NOTIFYING
)

_OWNED = "(owner = current_user OR okrcoach.is_admin())"
_OBJECTIVE_OWNED = "(okrcoach.owns_objective(objective_id) OR okrcoach.is_admin())"
_KR_OWNED = "(okrcoach.owns_key_result(kr_id) OR okrcoach.is_admin())"
_PRIVATE = "(owner = current_user)"

_POLICIES = f"""
ALTER TABLE okrcoach.people ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.people FOR SELECT TO okr_member USING (true);

ALTER TABLE okrcoach.cycles ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.cycles FOR SELECT TO okr_member USING (true);
CREATE POLICY everyone_adds ON okrcoach.cycles FOR INSERT TO okr_member WITH CHECK (true);
CREATE POLICY everyone_changes ON okrcoach.cycles FOR UPDATE TO okr_member
  USING (true) WITH CHECK (true);
CREATE POLICY admin_removes ON okrcoach.cycles FOR DELETE TO okr_member
  USING (okrcoach.is_admin());

ALTER TABLE okrcoach.objectives ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.objectives FOR SELECT TO okr_member USING (true);
CREATE POLICY owner_adds ON okrcoach.objectives FOR INSERT TO okr_member WITH CHECK {_OWNED};
CREATE POLICY owner_changes ON okrcoach.objectives FOR UPDATE TO okr_member
  USING {_OWNED} WITH CHECK {_OWNED};
CREATE POLICY owner_removes ON okrcoach.objectives FOR DELETE TO okr_member USING {_OWNED};

ALTER TABLE okrcoach.key_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.key_results FOR SELECT TO okr_member USING (true);
CREATE POLICY owner_adds ON okrcoach.key_results FOR INSERT TO okr_member
  WITH CHECK {_OBJECTIVE_OWNED};
CREATE POLICY owner_changes ON okrcoach.key_results FOR UPDATE TO okr_member
  USING {_OBJECTIVE_OWNED} WITH CHECK {_OBJECTIVE_OWNED};
CREATE POLICY owner_removes ON okrcoach.key_results FOR DELETE TO okr_member
  USING {_OBJECTIVE_OWNED};

ALTER TABLE okrcoach.checkins ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.checkins FOR SELECT TO okr_member USING (true);
CREATE POLICY owner_adds ON okrcoach.checkins FOR INSERT TO okr_member WITH CHECK {_KR_OWNED};
CREATE POLICY owner_removes ON okrcoach.checkins FOR DELETE TO okr_member USING {_KR_OWNED};

ALTER TABLE okrcoach.retros ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON okrcoach.retros FOR SELECT TO okr_member USING (true);
CREATE POLICY owner_adds ON okrcoach.retros FOR INSERT TO okr_member WITH CHECK {_OWNED};
CREATE POLICY owner_changes ON okrcoach.retros FOR UPDATE TO okr_member
  USING {_OWNED} WITH CHECK {_OWNED};
CREATE POLICY owner_removes ON okrcoach.retros FOR DELETE TO okr_member USING {_OWNED};

ALTER TABLE okrcoach.journal ENABLE ROW LEVEL SECURITY;
CREATE POLICY author_only ON okrcoach.journal FOR ALL TO okr_member
  USING {_PRIVATE} WITH CHECK {_PRIVATE};

ALTER TABLE okrcoach.drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY author_only ON okrcoach.drafts FOR ALL TO okr_member
  USING {_PRIVATE} WITH CHECK {_PRIVATE};
"""

_GRANTS = """
REVOKE ALL ON SCHEMA okrcoach FROM PUBLIC;
GRANT USAGE ON SCHEMA okrcoach TO okr_member;
GRANT SELECT ON okrcoach.schema_version, okrcoach.people TO okr_member;
GRANT SELECT, INSERT, UPDATE, DELETE ON okrcoach.cycles, okrcoach.objectives,
  okrcoach.key_results, okrcoach.retros, okrcoach.journal, okrcoach.drafts TO okr_member;
GRANT SELECT, INSERT, DELETE ON okrcoach.checkins TO okr_member;
"""

# Version n is reached by running MIGRATIONS[n - 1] on version n - 1. Never edit a
# released step: add the next one.
MIGRATIONS: list[str] = [
    _ROLES + _TABLES + _FUNCTIONS + _NOTIFY + _POLICIES + _GRANTS,
]
TEAM_SCHEMA_VERSION = len(MIGRATIONS)
