-- The Fokus hub: projects, their members and one ordered log of actions per
-- project, in the schema fokus_hub of a PostgreSQL database. Clients reach the
-- tables only through the SECURITY DEFINER functions below, which check who is
-- calling (session_user) and what their role lets them do. Safe to run again.
CREATE SCHEMA IF NOT EXISTS fokus_hub;
REVOKE ALL ON SCHEMA fokus_hub FROM PUBLIC;
GRANT USAGE ON SCHEMA fokus_hub TO PUBLIC;

CREATE TABLE IF NOT EXISTS fokus_hub.projects (
    id           serial PRIMARY KEY,
    name         text NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    guid         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- The project as of snapshot_seq, so that a new member replays only what came after.
    snapshot     bytea NOT NULL,
    snapshot_seq bigint NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS fokus_hub.members (
    project_id int NOT NULL REFERENCES fokus_hub.projects(id) ON DELETE CASCADE,
    db_role    name NOT NULL,
    coder      text NOT NULL,
    role       text NOT NULL CHECK (role IN ('lead', 'coder')),
    last_seen  timestamptz,
    PRIMARY KEY (project_id, db_role),
    UNIQUE (project_id, coder)
);

-- seq orders every project's log; pushes to one project take its row lock
-- first, so seqs are handed out in commit order and a reader never skips one.
CREATE TABLE IF NOT EXISTS fokus_hub.actions (
    seq        bigserial PRIMARY KEY,
    project_id int NOT NULL REFERENCES fokus_hub.projects(id) ON DELETE CASCADE,
    guid       text NOT NULL,
    coder      text NOT NULL,
    db_role    name NOT NULL,
    label      text NOT NULL,
    body       text NOT NULL,
    pushed_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (project_id, guid)
);
CREATE INDEX IF NOT EXISTS actions_by_project ON fokus_hub.actions(project_id, seq);
REVOKE ALL ON ALL TABLES IN SCHEMA fokus_hub FROM PUBLIC;

-- The caller's membership of a project, or an error naming what is missing.
CREATE OR REPLACE FUNCTION fokus_hub.member_of(p_project text, OUT project_id int, OUT coder text, OUT role text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
BEGIN
    SELECT p.id INTO project_id FROM projects p WHERE p.name = p_project;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the hub has no project named "%"', p_project USING ERRCODE = 'no_data_found';
    END IF;
    SELECT m.coder, m.role INTO coder, role FROM members m WHERE m.project_id = member_of.project_id AND m.db_role = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the database role "%" is not a member of the project "%"; a lead adds it with fokus-cli hub add-member',
            session_user, p_project USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

CREATE OR REPLACE FUNCTION fokus_hub.publish(p_name text, p_guid text, p_snapshot bytea, p_coder text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    new_id int;
BEGIN
    IF EXISTS (SELECT 1 FROM projects WHERE name = p_name) THEN
        RAISE EXCEPTION 'the hub already has a project named "%"', p_name USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO projects(name, guid, snapshot) VALUES (p_name, p_guid, p_snapshot) RETURNING id INTO new_id;
    INSERT INTO members(project_id, db_role, coder, role) VALUES (new_id, session_user, p_coder, 'lead');
END $$;

CREATE OR REPLACE FUNCTION fokus_hub.add_member(p_project text, p_db_role name, p_coder text, p_role text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    IF me.role <> 'lead' THEN
        RAISE EXCEPTION '% is a coder of "%"; only a lead adds members', me.coder, p_project USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO members(project_id, db_role, coder, role) VALUES (me.project_id, p_db_role, p_coder, p_role)
        ON CONFLICT (project_id, db_role) DO UPDATE SET coder = EXCLUDED.coder, role = EXCLUDED.role;
END $$;

-- The tables a coder's actions may not touch: the documents and the codebook.
CREATE OR REPLACE FUNCTION fokus_hub.lead_only_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['documents', 'turns', 'speakers', 'document_attributes', 'participants', 'participant_attributes',
                 'attribute_types', 'codes', 'code_sets', 'code_set_members', 'pseudonymisation_log']
$$;

-- Appends one action to the log; the same action again returns its first seq.
CREATE OR REPLACE FUNCTION fokus_hub.push(p_project text, p_body text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
    action jsonb;
    forbidden text;
    found_seq bigint;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    PERFORM 1 FROM projects WHERE id = me.project_id FOR UPDATE;
    action := p_body::jsonb;
    SELECT seq INTO found_seq FROM actions WHERE project_id = me.project_id AND guid = action->>'guid';
    IF FOUND THEN
        RETURN found_seq;
    END IF;
    IF action->>'coder' IS DISTINCT FROM me.coder THEN
        RAISE EXCEPTION 'the action is signed by "%", but the database role "%" codes as "%"', action->>'coder', session_user, me.coder
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF me.role = 'coder' THEN
        SELECT op->>'t' INTO forbidden FROM jsonb_array_elements(action->'ops') op
            WHERE op->>'t' = ANY (lead_only_tables()) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION '% is a coder of "%" and may not change %; "%" is refused (a lead changes the documents and the codebook)',
                me.coder, p_project, forbidden, action->>'label' USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    INSERT INTO actions(project_id, guid, coder, db_role, label, body)
        VALUES (me.project_id, action->>'guid', me.coder, session_user, coalesce(action->>'label', ''), p_body)
        RETURNING seq INTO found_seq;
    UPDATE members SET last_seen = now() WHERE project_id = me.project_id AND db_role = session_user;
    RETURN found_seq;
END $$;

CREATE OR REPLACE FUNCTION fokus_hub.pull(p_project text, p_after bigint, p_limit int)
RETURNS TABLE(seq bigint, body text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    UPDATE members SET last_seen = now() WHERE project_id = me.project_id AND db_role = session_user;
    RETURN QUERY SELECT a.seq, a.body FROM actions a WHERE a.project_id = me.project_id AND a.seq > p_after ORDER BY a.seq LIMIT p_limit;
END $$;

CREATE OR REPLACE FUNCTION fokus_hub.snapshot(p_project text, OUT snapshot bytea, OUT snapshot_seq bigint, OUT coder text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    coder := me.coder;
    SELECT p.snapshot, p.snapshot_seq INTO snapshot, snapshot_seq FROM projects p WHERE p.id = me.project_id;
END $$;

-- A lead replaces the snapshot with a copy that holds every action up to p_seq,
-- so that new members replay only what came after.
CREATE OR REPLACE FUNCTION fokus_hub.compact(p_project text, p_snapshot bytea, p_seq bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    IF me.role <> 'lead' THEN
        RAISE EXCEPTION 'only a lead replaces the snapshot of "%"', p_project USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE projects SET snapshot = p_snapshot, snapshot_seq = p_seq WHERE id = me.project_id AND snapshot_seq < p_seq;
END $$;

CREATE OR REPLACE FUNCTION fokus_hub.status(p_project text, p_after bigint, OUT latest bigint, OUT waiting bigint, OUT members text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = fokus_hub, pg_temp AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM member_of(p_project);
    SELECT coalesce(max(a.seq), 0), count(*) FILTER (WHERE a.seq > p_after AND a.db_role <> session_user)
        INTO latest, waiting FROM actions a WHERE a.project_id = me.project_id;
    SELECT string_agg(m.coder || ' (' || m.role || CASE WHEN m.last_seen > now() - interval '5 minutes' THEN ', online' ELSE '' END || ')',
                      ', ' ORDER BY m.coder)
        INTO members FROM fokus_hub.members m WHERE m.project_id = me.project_id;
END $$;

REVOKE ALL ON FUNCTION fokus_hub.member_of(text) FROM PUBLIC;
