--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: digitalehilfe; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA digitalehilfe;
-- Added for the test: pg_dump -n leaves out the extension the trigram indexes need (restore.sh creates it likewise).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA digitalehilfe;



--
-- Name: hangfire; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA hangfire;


--
-- Name: mt_archive_stream(uuid); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_archive_stream(streamid uuid) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
  update digitalehilfe.mt_streams set is_archived = TRUE where id = streamid ;
  update digitalehilfe.mt_events set is_archived = TRUE where stream_id = streamid ;
END;
$$;


--
-- Name: mt_grams_array(text, boolean); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_grams_array(words text, use_unaccent boolean DEFAULT false) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
        DECLARE
result text[];
        DECLARE
word text;
        DECLARE
clean_word text;
BEGIN
                FOREACH
word IN ARRAY string_to_array(words, ' ')
                LOOP
                     clean_word = regexp_replace(digitalehilfe.mt_safe_unaccent(use_unaccent, word), '[^a-zA-Z0-9]+', '','g');
FOR i IN 1 .. length(clean_word)
                     LOOP
                         result := result || quote_literal(substr(lower(clean_word), i, 1));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 2));
                         result
:= result || quote_literal(substr(lower(clean_word), i, 3));
END LOOP;
END LOOP;

RETURN ARRAY(SELECT DISTINCT e FROM unnest(result) AS a(e) ORDER BY e);
END;
$$;


--
-- Name: mt_grams_query(text, boolean); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_grams_query(text, use_unaccent boolean DEFAULT false) RETURNS tsquery
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(digitalehilfe.mt_grams_array($1, use_unaccent), ' & ') ::tsquery);
END
$_$;


--
-- Name: mt_grams_vector(text, boolean); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_grams_vector(text, use_unaccent boolean DEFAULT false) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $_$
BEGIN
RETURN (SELECT array_to_string(digitalehilfe.mt_grams_array($1, use_unaccent), ' ') ::tsvector);
END
$_$;


--
-- Name: mt_immutable_date(text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_immutable_date(value text) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$
select value::date

$$;


--
-- Name: mt_immutable_time(text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_immutable_time(value text) RETURNS time without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::time

$$;


--
-- Name: mt_immutable_timestamp(text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_immutable_timestamp(value text) RETURNS timestamp without time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamp

$$;


--
-- Name: mt_immutable_timestamptz(text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_immutable_timestamptz(value text) RETURNS timestamp with time zone
    LANGUAGE sql IMMUTABLE
    AS $$
select value::timestamptz

$$;


--
-- Name: mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_append(jsonb, text[], jsonb, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    patch_expression ALIAS FOR $5;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
            END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_append_key_value(jsonb, text[], jsonb, boolean) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    if_not_exists ALIAS FOR $4;
    tmp_value jsonb;
    _key text;
BEGIN
    tmp_value = retval #> location;

    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            WHEN NOT tmp_value ?| ARRAY(SELECT jsonb_object_keys(val)) THEN
                retval = jsonb_set(retval, location, tmp_value || val, FALSE);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_copy(jsonb, text[], text[]); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_copy(jsonb, text[], text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_path ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = digitalehilfe.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value::jsonb, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_duplicate(jsonb, text[], jsonb); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_duplicate(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    targets ALIAS FOR $3;
    tmp_value jsonb;
    target_path text[];
    target text;
BEGIN
    FOR target IN SELECT jsonb_array_elements_text(targets)
    LOOP
        target_path = digitalehilfe.mt_jsonb_path_to_array(target, '\.');
        retval = digitalehilfe.mt_jsonb_copy(retval, location, target_path);
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_fix_null_parent(jsonb, text[]); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_fix_null_parent(jsonb, text[]) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    dst_path ALIAS FOR $2;
    dst_path_segment text[] = ARRAY[]::text[];
    dst_path_array_length integer;
    i integer = 1;
BEGIN
    dst_path_array_length = array_length(dst_path, 1);
    WHILE i <=(dst_path_array_length - 1)
    LOOP
        dst_path_segment = dst_path_segment || ARRAY[dst_path[i]];
        IF retval #> dst_path_segment IS NULL OR retval #> dst_path_segment = 'null'::jsonb THEN
            retval = jsonb_set(retval, dst_path_segment, '{}'::jsonb, TRUE);
        END IF;
        i = i + 1;
    END LOOP;

    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_increment(jsonb, text[], numeric); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_increment(jsonb, text[], numeric) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
retval ALIAS FOR $1;
    location ALIAS FOR $2;
    increment_value ALIAS FOR $3;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NULL THEN
        tmp_value = to_jsonb(0);
END IF;

RETURN jsonb_set(retval, location, to_jsonb(tmp_value::numeric + increment_value), TRUE);
END;
$_$;


--
-- Name: mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_insert(jsonb, text[], jsonb, integer, boolean, jsonb DEFAULT NULL::jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    elm_index ALIAS FOR $4;
    if_not_exists ALIAS FOR $5;
    patch_expression ALIAS FOR $6;
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF elm_index IS NULL THEN
            elm_index = jsonb_array_length(tmp_value) + 1;
        END IF;
        CASE
            WHEN NOT if_not_exists THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) = 'object' AND NOT tmp_value @> jsonb_build_array(val) THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NULL AND jsonb_typeof(val) <> 'object' AND NOT tmp_value @> val THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            WHEN patch_expression IS NOT NULL AND jsonb_typeof(patch_expression) = 'array' AND jsonb_array_length(patch_expression) = 0 THEN
                retval = jsonb_insert(retval, location || elm_index::text, val);
            ELSE NULL;
        END CASE;
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_move(jsonb, text[], text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_move(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    src_path ALIAS FOR $2;
    dst_name ALIAS FOR $3;
    dst_path text[];
    tmp_value jsonb;
BEGIN
    tmp_value = retval #> src_path;
    retval = retval #- src_path;
    dst_path = src_path;
    dst_path[array_length(dst_path, 1)] = dst_name;
    retval = digitalehilfe.mt_jsonb_fix_null_parent(retval, dst_path);
    RETURN jsonb_set(retval, dst_path, tmp_value, TRUE);
END;
$_$;


--
-- Name: mt_jsonb_patch(jsonb, jsonb); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_patch(jsonb, jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    patchset ALIAS FOR $2;
    patch jsonb;
    patch_path text[];
    patch_expression jsonb;
    value jsonb;
BEGIN
    FOR patch IN SELECT * from jsonb_array_elements(patchset)
    LOOP
        patch_path = digitalehilfe.mt_jsonb_path_to_array((patch->>'path')::text, '\.');

        patch_expression = null;
        IF (patch->>'type') IN ('remove', 'append_if_not_exists', 'insert_if_not_exists') AND (patch->>'expression') IS NOT NULL THEN
            patch_expression = jsonb_path_query_array(retval #> patch_path, (patch->>'expression')::jsonpath);
        END IF;

        CASE patch->>'type'
            WHEN 'set' THEN
                retval = jsonb_set(retval, patch_path, (patch->'value')::jsonb, TRUE);
            WHEN 'delete' THEN
                retval = retval#-patch_path;
            WHEN 'append' THEN
                retval = digitalehilfe.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, FALSE);
            WHEN 'append_if_not_exists' THEN
                retval = digitalehilfe.mt_jsonb_append(retval, patch_path, (patch->'value')::jsonb, TRUE, patch_expression);
            WHEN 'append_key_value' THEN
                retval = digitalehilfe.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, FALSE);
            WHEN 'append_key_value_if_not_exists' THEN
                retval = digitalehilfe.mt_jsonb_append_key_value(retval, patch_path, (patch->'key_value')::jsonb, TRUE);
            WHEN 'insert' THEN
                retval = digitalehilfe.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, FALSE);
            WHEN 'insert_if_not_exists' THEN
                retval = digitalehilfe.mt_jsonb_insert(retval, patch_path, (patch->'value')::jsonb, (patch->>'index')::integer, TRUE, patch_expression);
            WHEN 'remove' THEN
                retval = digitalehilfe.mt_jsonb_remove(retval, patch_path, COALESCE(patch_expression, (patch->'value')::jsonb));
            WHEN 'remove_key' THEN
                retval = digitalehilfe.mt_jsonb_remove_key(retval, patch_path, (patch->>'key'));
            WHEN 'duplicate' THEN
                retval = digitalehilfe.mt_jsonb_duplicate(retval, patch_path, (patch->'targets')::jsonb);
            WHEN 'rename' THEN
                retval = digitalehilfe.mt_jsonb_move(retval, patch_path, (patch->>'to')::text);
            WHEN 'increment' THEN
                retval = digitalehilfe.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            WHEN 'increment_float' THEN
                retval = digitalehilfe.mt_jsonb_increment(retval, patch_path, (patch->>'increment')::numeric);
            ELSE NULL;
        END CASE;
    END LOOP;
    RETURN retval;
END;
$_$;


--
-- Name: mt_jsonb_path_to_array(text, character); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_path_to_array(text, character) RETURNS text[]
    LANGUAGE plpgsql
    AS $_$
DECLARE
    location ALIAS FOR $1;
    regex_pattern ALIAS FOR $2;
BEGIN
RETURN regexp_split_to_array(location, regex_pattern)::text[];
END;
$_$;


--
-- Name: mt_jsonb_remove(jsonb, text[], jsonb); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_remove(jsonb, text[], jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    val ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'array' THEN
        IF jsonb_typeof(val) = 'array' THEN
            tmp_remove = val;
        ELSE
            tmp_remove = jsonb_build_array(val);
        END IF;

        FOR patch_remove IN SELECT * FROM jsonb_array_elements(tmp_remove)
        LOOP
            tmp_value =(SELECT jsonb_agg(elem)
            FROM jsonb_array_elements(tmp_value) AS elem
            WHERE elem <> patch_remove);
        END LOOP;

        IF tmp_value IS NULL THEN
            tmp_value = '[]'::jsonb;
        END IF;
    END IF;
    RETURN jsonb_set(retval, location, tmp_value, FALSE);
END;
$_$;


--
-- Name: mt_jsonb_remove_key(jsonb, text[], text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_jsonb_remove_key(jsonb, text[], text) RETURNS jsonb
    LANGUAGE plpgsql
    AS $_$
DECLARE
    retval ALIAS FOR $1;
    location ALIAS FOR $2;
    _key ALIAS FOR $3;
    tmp_value jsonb;
    tmp_remove jsonb;
    patch_remove jsonb;
BEGIN
    tmp_value = retval #> location;
    IF tmp_value IS NOT NULL AND jsonb_typeof(tmp_value) = 'object' THEN
        RETURN jsonb_set(retval, location, tmp_value - _key, FALSE);
    END IF;
    RETURN retval;
END;
$_$;


--
-- Name: mt_mark_event_progression(character varying, bigint); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_mark_event_progression(name character varying, last_encountered bigint) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
INSERT INTO digitalehilfe.mt_event_progression (name, last_seq_id, last_updated)
VALUES (name, last_encountered, transaction_timestamp())
ON CONFLICT ON CONSTRAINT pk_mt_event_progression
    DO
UPDATE SET last_seq_id = last_encountered, last_updated = transaction_timestamp();

END;

$$;


--
-- Name: mt_mark_progression_with_skip(character varying, bigint, bigint); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_mark_progression_with_skip(shard_name character varying, ending_sequence bigint, starting_sequence bigint) RETURNS bigint
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_value bigint;
BEGIN
    select last_seq_id into current_value from digitalehilfe.mt_event_progression where name = shard_name;

    IF current_value is null then
        -- Bootstrap the high-water row on first invocation. Previously this branch
        -- returned 0, which left HighWaterAgent.CheckNowAsync polling forever because
        -- statistics.CurrentMark never advanced. Issue #4425.
        INSERT INTO digitalehilfe.mt_event_progression (name, last_seq_id, last_updated)
        VALUES (shard_name, ending_sequence, transaction_timestamp())
        ON CONFLICT ON CONSTRAINT pk_mt_event_progression
            DO UPDATE SET last_seq_id = ending_sequence, last_updated = transaction_timestamp();
        IF ending_sequence > starting_sequence THEN
            -- Idempotent: a rebuild/replay re-marks the same skip (ending_sequence is the
            -- PK). Re-recording an existing gap is a no-op. Conflict target is the PK
            -- constraint (the bare column name collides with the function parameter). #4530.
            insert into digitalehilfe.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
                on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        END IF;
        return ending_sequence;
    ELSIF current_value = starting_sequence THEN
        update digitalehilfe.mt_event_progression SET last_seq_id = ending_sequence, last_updated = transaction_timestamp() where shard_name = name;
        insert into digitalehilfe.mt_high_water_skips (ending_sequence, starting_sequence) values (ending_sequence, starting_sequence)
            on conflict on constraint pkey_mt_high_water_skips_ending_sequence do nothing;
        return ending_sequence;
    ELSE
        return current_value;
    END IF;
END
$$;


--
-- Name: mt_quick_append_events(uuid, character varying, character varying, uuid[], character varying[], character varying[], jsonb[], bytea[], timestamp with time zone[], bigint); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_quick_append_events(stream uuid, stream_type character varying, tenantid character varying, event_ids uuid[], event_types character varying[], dotnet_types character varying[], bodies jsonb[], bdatas bytea[], timestamps timestamp with time zone[], expected_version bigint DEFAULT NULL::bigint) RETURNS bigint[]
    LANGUAGE plpgsql
    AS $$
DECLARE
	event_version bigint;
	stream_is_archived boolean;
	event_type varchar;
	event_id uuid;
	body jsonb;
	index int;
	seq bigint;
    actual_tenant varchar;
    is_new_stream boolean := false;
	return_value bigint[];
BEGIN
    if expected_version IS NOT NULL then
        -- COALESCE turns the NULL we get for a brand-new stream into 0, so a
        -- FetchForWriting against a non-existent stream (which sets
        -- ExpectedVersionOnServer = 0) and a StartStream(id, version: 0) both
        -- land on the new-stream branch instead of mis-firing the guard.
        select version, is_archived into event_version, stream_is_archived from digitalehilfe.mt_streams where id = stream;
        if COALESCE(event_version, 0) != expected_version then
            RAISE EXCEPTION 'Stream version mismatch on ''%'': expected %, actual %', stream, expected_version, COALESCE(event_version, 0) USING ERRCODE = 'MT003';
        end if;
    else
        select version, is_archived into event_version, stream_is_archived from digitalehilfe.mt_streams where id = stream;
    end if;

	if event_version IS NULL then
		event_version = 0;
		is_new_stream := true;
		-- #5456 follow-up: insert the FINAL version straight away rather than 0 plus a
		-- trailing UPDATE of the row we just wrote in this same transaction. That UPDATE
		-- is a second heap tuple + WAL record per stream creation for no observable gain
		-- -- nothing outside this transaction can see the intermediate 0. The trailing
		-- UPDATE below is skipped for this branch via is_new_stream.
		insert into digitalehilfe.mt_streams (id, type, version, timestamp, tenant_id) values (stream, stream_type, COALESCE(array_length(event_ids, 1), 0), now(), tenantid);
    else
        if stream_is_archived then
            RAISE EXCEPTION 'Attempted to append event to archived stream with Id ''%''.', stream USING ERRCODE = 'MT001';
        end if;
        if tenantid IS NOT NULL then
            select tenant_id into actual_tenant from digitalehilfe.mt_streams where id = stream;
            if actual_tenant != tenantid then
                RAISE EXCEPTION 'The tenantid does not match the existing stream';
            end if;
        end if;
	end if;

	index := 1;
	-- #5062: array_length('{}', 1) is NULL in PostgreSQL, not 0, so a call with an
	-- empty event array used to return ARRAY[NULL] -- a bigint[] whose only element
	-- is NULL, which Npgsql cannot read into long[] ('Cannot read a non-nullable
	-- collection of elements because the returned array contains nulls'). COALESCE
	-- makes the empty case mean what it says: zero events appended, so the final
	-- version is the stream's current version.
	return_value := ARRAY[event_version + COALESCE(array_length(event_ids, 1), 0)];

	foreach event_id in ARRAY event_ids
	loop
        seq := nextval('digitalehilfe.mt_events_sequence');
		return_value := array_append(return_value, seq);

	    event_version := event_version + 1;
		event_type = event_types[index];
		body = bodies[index];

		-- #4515 / #4578 / Phase 2: bdatas[index] carries the binary payload
		-- for events opted in to binary serialization (NULL otherwise).
		-- bodies[index] is the {} JSON placeholder for those events so the
		-- existing data jsonb NOT NULL constraint stays intact.
		insert into digitalehilfe.mt_events
			(seq_id, id, stream_id, version, data, bdata, type, tenant_id, timestamp, mt_dotnet_type, is_archived)
		values
			(seq, event_id, stream, event_version, body, bdatas[index], event_type, tenantid, timestamps[index], dotnet_types[index], FALSE);

		index := index + 1;
	end loop;

	-- A brand-new stream already carries its final version from the insert above, so the
	-- UPDATE is only needed when we appended onto a stream that already existed.
	--
	-- #5539: and only when we actually appended something. With ZERO events this was a BLIND write-back
	-- of the version read at the top of the function, and under READ COMMITTED that is a lost update: the
	-- UPDATE waits on a concurrent appender's row lock, the winner commits, the WHERE clause is
	-- re-evaluated against the new row, and `set version = <the stale value>` lands -- leaving
	-- mt_streams.version BELOW the stream's own events. Every later append then computes a version that
	-- already exists and dies on pk_mt_events_stream_and_version, forever, until the row is repaired by
	-- hand. A non-empty call cannot do this: its first INSERT collides with the winner on that same
	-- primary key and rolls the whole thing back, which is why only the empty case was exposed.
	--
	-- Two independent guards, because either alone would have been enough and the cost of both is nil:
	--   * the append count -- appending nothing has nothing to write, so the correct number of statements
	--     is zero rather than one that happens to be harmless;
	--   * greatest(), so the write-back can never LOWER a stream's version whoever calls it. An append
	--     only ever moves a version forward, so this is a no-op on every correct path and a backstop on
	--     any future caller that reads the version and then writes it back.
	if not is_new_stream and COALESCE(array_length(event_ids, 1), 0) > 0 then
		update digitalehilfe.mt_streams set version = greatest(version, event_version), timestamp = now() where id = stream;
	end if;

	return return_value;
END
$$;


--
-- Name: mt_safe_unaccent(boolean, text); Type: FUNCTION; Schema: digitalehilfe; Owner: -
--

CREATE FUNCTION digitalehilfe.mt_safe_unaccent(use_unaccent boolean, word text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT
    AS $$
BEGIN
IF use_unaccent THEN
    RETURN public.unaccent(word);
ELSE
    RETURN word;
END IF;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: mt_doc_account; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_account (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_accounttoken; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_accounttoken (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_apikey; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_apikey (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_auditentry; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_auditentry (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_backgroundproblem; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_backgroundproblem (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_callbacktask; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_callbacktask (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_caller; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_caller (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying,
    search_text character varying
);


--
-- Name: mt_doc_dataprotectionkey; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_dataprotectionkey (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_deadletterevent; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_deadletterevent (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_digestsent; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_digestsent (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_followuplink; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_followuplink (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_helprequest; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_helprequest (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    status character varying,
    logged_at timestamp with time zone,
    status_since timestamp with time zone,
    urgent boolean,
    caller_id uuid,
    volunteer_id uuid
);


--
-- Name: mt_doc_intakereceipt; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_intakereceipt (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_plannedreminder; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_plannedreminder (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_releasealert; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_releasealert (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_reminderdelivery; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_reminderdelivery (
    id character varying NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_requestfacts; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_requestfacts (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL,
    logged_at timestamp with time zone,
    channel character varying,
    topic character varying,
    district character varying,
    help_mode character varying,
    caller_id uuid,
    first_resolved_at timestamp with time zone,
    outcome character varying,
    minutes_spent integer,
    reopens integer,
    follow_up_all_good boolean,
    resolved_by uuid,
    minutes_to_first_claim integer,
    minutes_to_resolution integer
);


--
-- Name: mt_doc_undeliverableemail; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_undeliverableemail (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_usersession; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_usersession (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_version uuid DEFAULT (md5(((random())::text || (clock_timestamp())::text)))::uuid NOT NULL,
    mt_dotnet_type character varying
);


--
-- Name: mt_doc_volunteeractivity; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_volunteeractivity (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_doc_volunteerprofile; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_doc_volunteerprofile (
    id uuid NOT NULL,
    data jsonb NOT NULL,
    mt_last_modified timestamp with time zone DEFAULT transaction_timestamp(),
    mt_dotnet_type character varying,
    mt_version bigint DEFAULT 0 NOT NULL
);


--
-- Name: mt_event_progression; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_event_progression (
    name character varying NOT NULL,
    last_seq_id bigint,
    last_updated timestamp with time zone DEFAULT transaction_timestamp(),
    mode character varying DEFAULT 'none'::character varying,
    rebuild_threshold integer DEFAULT 0,
    assigned_node integer DEFAULT 0,
    heartbeat timestamp with time zone,
    agent_status character varying(20),
    pause_reason text,
    running_on_node integer,
    warning_behind_threshold bigint,
    critical_behind_threshold bigint,
    failure_category character varying(50),
    failure_event_sequence bigint,
    failure_event_type character varying(500),
    failure_event_tenant_id character varying(500)
);


--
-- Name: mt_event_projection_floors; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_event_projection_floors (
    name character varying NOT NULL,
    tenant_id character varying NOT NULL,
    floor bigint NOT NULL,
    last_updated timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_events; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_events (
    seq_id bigint NOT NULL,
    id uuid NOT NULL,
    stream_id uuid,
    version bigint NOT NULL,
    data jsonb NOT NULL,
    bdata bytea,
    type character varying(500) NOT NULL,
    "timestamp" timestamp with time zone DEFAULT '2026-11-27 16:27:24.110492+00'::timestamp with time zone NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    mt_dotnet_type character varying,
    is_archived boolean DEFAULT false
);


--
-- Name: mt_events_sequence; Type: SEQUENCE; Schema: digitalehilfe; Owner: -
--

CREATE SEQUENCE digitalehilfe.mt_events_sequence
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: mt_events_sequence; Type: SEQUENCE OWNED BY; Schema: digitalehilfe; Owner: -
--

ALTER SEQUENCE digitalehilfe.mt_events_sequence OWNED BY digitalehilfe.mt_events.seq_id;


--
-- Name: mt_high_water_skips; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_high_water_skips (
    ending_sequence bigint NOT NULL,
    starting_sequence bigint NOT NULL,
    "timestamp" timestamp with time zone DEFAULT transaction_timestamp()
);


--
-- Name: mt_streams; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.mt_streams (
    id uuid NOT NULL,
    type character varying,
    version bigint,
    "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
    created timestamp with time zone DEFAULT now() NOT NULL,
    tenant_id character varying DEFAULT '*DEFAULT*'::character varying,
    compacted_version bigint DEFAULT 0 NOT NULL,
    is_archived boolean DEFAULT false
);


--
-- Name: request_number_2026; Type: SEQUENCE; Schema: digitalehilfe; Owner: -
--

CREATE SEQUENCE digitalehilfe.request_number_2026
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: request_numbers; Type: TABLE; Schema: digitalehilfe; Owner: -
--

CREATE TABLE digitalehilfe.request_numbers (
    year integer NOT NULL,
    last_number integer NOT NULL
);


--
-- Name: aggregatedcounter; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.aggregatedcounter (
    id bigint NOT NULL,
    key text NOT NULL,
    value bigint NOT NULL,
    expireat timestamp with time zone
);


--
-- Name: aggregatedcounter_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.aggregatedcounter_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: aggregatedcounter_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.aggregatedcounter_id_seq OWNED BY hangfire.aggregatedcounter.id;


--
-- Name: counter; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.counter (
    id bigint NOT NULL,
    key text NOT NULL,
    value bigint NOT NULL,
    expireat timestamp with time zone
);


--
-- Name: counter_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.counter_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: counter_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.counter_id_seq OWNED BY hangfire.counter.id;


--
-- Name: hash; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.hash (
    id bigint NOT NULL,
    key text NOT NULL,
    field text NOT NULL,
    value text,
    expireat timestamp with time zone,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: hash_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.hash_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: hash_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.hash_id_seq OWNED BY hangfire.hash.id;


--
-- Name: job; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.job (
    id bigint NOT NULL,
    stateid bigint,
    statename text,
    invocationdata jsonb NOT NULL,
    arguments jsonb NOT NULL,
    createdat timestamp with time zone NOT NULL,
    expireat timestamp with time zone,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: job_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.job_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: job_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.job_id_seq OWNED BY hangfire.job.id;


--
-- Name: jobparameter; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.jobparameter (
    id bigint NOT NULL,
    jobid bigint NOT NULL,
    name text NOT NULL,
    value text,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: jobparameter_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.jobparameter_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: jobparameter_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.jobparameter_id_seq OWNED BY hangfire.jobparameter.id;


--
-- Name: jobqueue; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.jobqueue (
    id bigint NOT NULL,
    jobid bigint NOT NULL,
    queue text NOT NULL,
    fetchedat timestamp with time zone,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: jobqueue_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.jobqueue_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: jobqueue_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.jobqueue_id_seq OWNED BY hangfire.jobqueue.id;


--
-- Name: list; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.list (
    id bigint NOT NULL,
    key text NOT NULL,
    value text,
    expireat timestamp with time zone,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: list_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.list_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: list_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.list_id_seq OWNED BY hangfire.list.id;


--
-- Name: lock; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.lock (
    resource text NOT NULL,
    updatecount integer DEFAULT 0 NOT NULL,
    acquired timestamp with time zone
);


--
-- Name: schema; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.schema (
    version integer NOT NULL
);


--
-- Name: server; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.server (
    id text NOT NULL,
    data jsonb,
    lastheartbeat timestamp with time zone NOT NULL,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: set; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.set (
    id bigint NOT NULL,
    key text NOT NULL,
    score double precision NOT NULL,
    value text NOT NULL,
    expireat timestamp with time zone,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: set_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.set_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: set_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.set_id_seq OWNED BY hangfire.set.id;


--
-- Name: state; Type: TABLE; Schema: hangfire; Owner: -
--

CREATE TABLE hangfire.state (
    id bigint NOT NULL,
    jobid bigint NOT NULL,
    name text NOT NULL,
    reason text,
    createdat timestamp with time zone NOT NULL,
    data jsonb,
    updatecount integer DEFAULT 0 NOT NULL
);


--
-- Name: state_id_seq; Type: SEQUENCE; Schema: hangfire; Owner: -
--

CREATE SEQUENCE hangfire.state_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: state_id_seq; Type: SEQUENCE OWNED BY; Schema: hangfire; Owner: -
--

ALTER SEQUENCE hangfire.state_id_seq OWNED BY hangfire.state.id;


--
-- Name: aggregatedcounter id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.aggregatedcounter ALTER COLUMN id SET DEFAULT nextval('hangfire.aggregatedcounter_id_seq'::regclass);


--
-- Name: counter id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.counter ALTER COLUMN id SET DEFAULT nextval('hangfire.counter_id_seq'::regclass);


--
-- Name: hash id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.hash ALTER COLUMN id SET DEFAULT nextval('hangfire.hash_id_seq'::regclass);


--
-- Name: job id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.job ALTER COLUMN id SET DEFAULT nextval('hangfire.job_id_seq'::regclass);


--
-- Name: jobparameter id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.jobparameter ALTER COLUMN id SET DEFAULT nextval('hangfire.jobparameter_id_seq'::regclass);


--
-- Name: jobqueue id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.jobqueue ALTER COLUMN id SET DEFAULT nextval('hangfire.jobqueue_id_seq'::regclass);


--
-- Name: list id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.list ALTER COLUMN id SET DEFAULT nextval('hangfire.list_id_seq'::regclass);


--
-- Name: set id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.set ALTER COLUMN id SET DEFAULT nextval('hangfire.set_id_seq'::regclass);


--
-- Name: state id; Type: DEFAULT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.state ALTER COLUMN id SET DEFAULT nextval('hangfire.state_id_seq'::regclass);


--
-- Data for Name: mt_doc_account; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_account VALUES ('01a21dd5-3fb5-7009-b6fb-e73a5f719a8d', '{"Id": "01a21dd5-3fb5-7009-b6fb-e73a5f719a8d", "Name": "Hanna Hotline", "Email": "hotline@example.org", "Roles": ["Operator"], "Active": true, "ErasedAt": null, "CreatedAt": "2026-11-27T16:27:24.4695599+00:00", "Rejection": null, "ApprovedAt": "2026-11-27T16:27:24.4695599+00:00", "ApprovedBy": "Admin", "IsApproved": true, "Certificate": null, "LastSignInAt": null, "PasswordHash": "AQAAAAIAAYagAAAAEDIxrW/mid0r4GjXIBPyJLVk4Pcwu7LOymG/xwkSumOLm0RqR0ZSh6tDQCFNkyj4/A==", "SecurityStamp": "e3b63025-4198-4a36-bf83-849d6ab35ca2", "EmailConfirmed": true, "HandlesPersonalData": true, "CertificateOfConductSeen": false}', '2026-11-27 16:27:24.647168+00', '01a21dd5-404a-4fc8-8c53-b9c41df1bdfa', 'DigitaleHilfe.Web.Features.Accounts.Account');
INSERT INTO digitalehilfe.mt_doc_account VALUES ('01a21dd5-4082-7215-b268-db0389aeb979', '{"Id": "01a21dd5-4082-7215-b268-db0389aeb979", "Name": "Petra Helferin", "Email": "helferin@example.org", "Roles": ["Volunteer"], "Active": true, "ErasedAt": null, "CreatedAt": "2026-11-27T16:27:24.6743053+00:00", "Rejection": null, "ApprovedAt": "2026-11-27T16:27:24.6743053+00:00", "ApprovedBy": "Admin", "IsApproved": true, "Certificate": {"SeenBy": "Demo", "SeenOn": "2022-01-06", "IssuedOn": "2021-12-27", "ValidUntil": "2026-12-27"}, "LastSignInAt": null, "PasswordHash": "AQAAAAIAAYagAAAAEL4R8gQjt5diRYPoWz2KYwuKY2mLD+VMp9Bq7SeglO0QIcS1Qoypwy9Ss6jDZNIxyQ==", "SecurityStamp": "99e7e501-34e1-4d04-b992-6c429e34e1cf", "EmailConfirmed": true, "HandlesPersonalData": false, "CertificateOfConductSeen": false}', '2026-11-27 16:27:24.855554+00', '01a21dd5-412e-450c-9e55-09d6c56c2cd1', 'DigitaleHilfe.Web.Features.Accounts.Account');
INSERT INTO digitalehilfe.mt_doc_account VALUES ('01a21dd5-414b-78d9-8c0a-2f17d6587910', '{"Id": "01a21dd5-414b-78d9-8c0a-2f17d6587910", "Name": "Klaus Koordination", "Email": "koordination@example.org", "Roles": ["Coordinator"], "Active": true, "ErasedAt": null, "CreatedAt": "2026-11-27T16:27:24.8754174+00:00", "Rejection": null, "ApprovedAt": "2026-11-27T16:27:24.8754174+00:00", "ApprovedBy": "Admin", "IsApproved": true, "Certificate": null, "LastSignInAt": null, "PasswordHash": "AQAAAAIAAYagAAAAEMtYnsTeFVu3LXNW5Ly5VVXrkIwiD7QMd/8wISTlcvLYrxuTIYAEU5tOGnknY7epbQ==", "SecurityStamp": "39bbb768-4131-414b-8c64-c0ff9b374baf", "EmailConfirmed": true, "HandlesPersonalData": true, "CertificateOfConductSeen": false}', '2026-11-27 16:27:24.933064+00', '01a21dd5-4184-4a8f-8735-6f6d5fe652ef', 'DigitaleHilfe.Web.Features.Accounts.Account');
INSERT INTO digitalehilfe.mt_doc_account VALUES ('01a21dd5-4188-77e5-9244-95d0efa36fc4', '{"Id": "01a21dd5-4188-77e5-9244-95d0efa36fc4", "Name": "Anton Admin", "Email": "admin@example.org", "Roles": ["Admin"], "Active": true, "ErasedAt": null, "CreatedAt": "2026-11-27T16:27:24.936994+00:00", "Rejection": null, "ApprovedAt": "2026-11-27T16:27:24.936994+00:00", "ApprovedBy": "Admin", "IsApproved": true, "Certificate": null, "LastSignInAt": null, "PasswordHash": "AQAAAAIAAYagAAAAEHqu8OEElkQoxz7BxOeyRo8OHBrzWfUNFJ/d8jBfcJv+8N/Cs5mgJHtTeDQJ7FRjuA==", "SecurityStamp": "1a46d5a3-d966-4b80-96aa-0a577a2d71a1", "EmailConfirmed": true, "HandlesPersonalData": true, "CertificateOfConductSeen": false}', '2026-11-27 16:27:25.001019+00', '01a21dd5-41c8-4cb3-a8bf-41e1701e7a81', 'DigitaleHilfe.Web.Features.Accounts.Account');


--
-- Data for Name: mt_doc_accounttoken; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_apikey; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_auditentry; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_auditentry VALUES ('01a21dd5-4012-7fe1-a32d-cde5df2e64af', '{"At": "2026-11-27T16:27:24.5626958+00:00", "Id": "01a21dd5-4012-7fe1-a32d-cde5df2e64af", "Kind": "AccountCreated", "Actor": "Admin", "Detail": "Operator", "Account": "hotline@example.org", "Address": null, "AccountId": "01a21dd5-3fb5-7009-b6fb-e73a5f719a8d"}', '2026-11-27 16:27:24.647168+00', '01a21dd5-4064-4283-8cec-93aa4356f270', 'DigitaleHilfe.Web.Features.Accounts.AuditEntry');
INSERT INTO digitalehilfe.mt_doc_auditentry VALUES ('01a21dd5-40b8-7db0-9eb1-3fb649bda80f', '{"At": "2026-11-27T16:27:24.7288592+00:00", "Id": "01a21dd5-40b8-7db0-9eb1-3fb649bda80f", "Kind": "AccountCreated", "Actor": "Admin", "Detail": "Volunteer", "Account": "helferin@example.org", "Address": null, "AccountId": "01a21dd5-4082-7215-b268-db0389aeb979"}', '2026-11-27 16:27:24.731307+00', '01a21dd5-40b9-42ea-8c31-5edb0ba54123', 'DigitaleHilfe.Web.Features.Accounts.AuditEntry');
INSERT INTO digitalehilfe.mt_doc_auditentry VALUES ('01a21dd5-4183-7cd0-8e02-35d24ab4a7c6', '{"At": "2026-11-27T16:27:24.9316346+00:00", "Id": "01a21dd5-4183-7cd0-8e02-35d24ab4a7c6", "Kind": "AccountCreated", "Actor": "Admin", "Detail": "Coordinator", "Account": "koordination@example.org", "Address": null, "AccountId": "01a21dd5-414b-78d9-8c0a-2f17d6587910"}', '2026-11-27 16:27:24.933064+00', '01a21dd5-4184-4b95-ae19-2a80e186e9a0', 'DigitaleHilfe.Web.Features.Accounts.AuditEntry');
INSERT INTO digitalehilfe.mt_doc_auditentry VALUES ('01a21dd5-41c8-766e-9e84-bf8e8efeb9d0', '{"At": "2026-11-27T16:27:25.0004153+00:00", "Id": "01a21dd5-41c8-766e-9e84-bf8e8efeb9d0", "Kind": "AccountCreated", "Actor": "Admin", "Detail": "Admin", "Account": "admin@example.org", "Address": null, "AccountId": "01a21dd5-4188-77e5-9244-95d0efa36fc4"}', '2026-11-27 16:27:25.001019+00', '01a21dd5-41c8-4e7b-9e7e-9ccf7f9944b4', 'DigitaleHilfe.Web.Features.Accounts.AuditEntry');


--
-- Data for Name: mt_doc_backgroundproblem; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_callbacktask; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_caller; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_caller VALUES ('01a21dd5-4264-75c5-9b83-000bab58b4e5', '{"Id": "01a21dd5-4264-75c5-9b83-000bab58b4e5", "Name": "Erika Mustermann", "Email": "erika.mustermann@example.org", "Notes": null, "Phones": ["+49631123456"], "Address": "Fackelstraße 12, 67655 Kaiserslautern", "District": null, "Language": null, "NotAgain": [], "CreatedAt": "2026-11-27T16:27:25.1564414+00:00", "MergedInto": null, "SearchText": "erika mustermann 49631123456 0631123456", "AnonymisedAt": null, "AnonymisedFor": null, "ContactPerson": null, "FirstSeenYear": null, "ErasureComplete": false}', '2026-11-27 16:27:25.228912+00', '01a21dd5-4299-4a80-8fba-5720aa5c2c54', 'DigitaleHilfe.Web.Features.Callers.Caller', 'erika mustermann 49631123456 0631123456');
INSERT INTO digitalehilfe.mt_doc_caller VALUES ('01a21dd5-42b4-7986-bc69-03f86836bc4f', '{"Id": "01a21dd5-42b4-7986-bc69-03f86836bc4f", "Name": "Heinz Becker", "Email": null, "Notes": null, "Phones": ["+4963198765"], "Address": null, "District": null, "Language": null, "NotAgain": [], "CreatedAt": "2026-11-27T16:27:25.2365411+00:00", "MergedInto": null, "SearchText": "heinz becker 4963198765 063198765", "AnonymisedAt": null, "AnonymisedFor": null, "ContactPerson": null, "FirstSeenYear": null, "ErasureComplete": false}', '2026-11-27 16:27:25.243236+00', '01a21dd5-42b6-49b2-98cd-a95613c5f17e', 'DigitaleHilfe.Web.Features.Callers.Caller', 'heinz becker 4963198765 063198765');
INSERT INTO digitalehilfe.mt_doc_caller VALUES ('01a21dd5-42c2-7eb0-84e6-e831a7328eda', '{"Id": "01a21dd5-42c2-7eb0-84e6-e831a7328eda", "Name": "Gertrud Schäfer", "Email": null, "Notes": null, "Phones": ["+4963155501"], "Address": null, "District": null, "Language": null, "NotAgain": [], "CreatedAt": "2026-11-27T16:27:25.2502177+00:00", "MergedInto": null, "SearchText": "gertrud schäfer 4963155501 063155501", "AnonymisedAt": null, "AnonymisedFor": null, "ContactPerson": null, "FirstSeenYear": null, "ErasureComplete": false}', '2026-11-27 16:27:25.252617+00', '01a21dd5-42c4-474b-a769-4966b8c5c63b', 'DigitaleHilfe.Web.Features.Callers.Caller', 'gertrud schäfer 4963155501 063155501');
INSERT INTO digitalehilfe.mt_doc_caller VALUES ('01a21dd5-42c7-752e-9bd5-75299b539881', '{"Id": "01a21dd5-42c7-752e-9bd5-75299b539881", "Name": "Walter Klein", "Email": null, "Notes": null, "Phones": ["+49631424242"], "Address": null, "District": null, "Language": null, "NotAgain": [], "CreatedAt": "2026-11-27T16:27:25.2555493+00:00", "MergedInto": null, "SearchText": "walter klein 49631424242 0631424242", "AnonymisedAt": null, "AnonymisedFor": null, "ContactPerson": null, "FirstSeenYear": null, "ErasureComplete": false}', '2026-11-27 16:27:25.257594+00', '01a21dd5-42c9-4570-b4eb-3b1521fd54b0', 'DigitaleHilfe.Web.Features.Callers.Caller', 'walter klein 49631424242 0631424242');
INSERT INTO digitalehilfe.mt_doc_caller VALUES ('01a21dd5-42cf-7a37-bacd-017e600a3b0b', '{"Id": "01a21dd5-42cf-7a37-bacd-017e600a3b0b", "Name": "Ingrid Wolf", "Email": null, "Notes": null, "Phones": ["+49631777888"], "Address": "Burgstraße 3, 67661 Kaiserslautern", "District": null, "Language": null, "NotAgain": [], "CreatedAt": "2026-11-27T16:27:25.2639746+00:00", "MergedInto": null, "SearchText": "ingrid wolf 49631777888 0631777888", "AnonymisedAt": null, "AnonymisedFor": null, "ContactPerson": null, "FirstSeenYear": null, "ErasureComplete": false}', '2026-11-27 16:27:25.265855+00', '01a21dd5-42d1-4517-8413-0faa99cea1db', 'DigitaleHilfe.Web.Features.Callers.Caller', 'ingrid wolf 49631777888 0631777888');


--
-- Data for Name: mt_doc_dataprotectionkey; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_dataprotectionkey VALUES ('key-cb1c8a27-62df-4fba-9275-7e37003557e3', '{"Id": "key-cb1c8a27-62df-4fba-9275-7e37003557e3", "Xml": "<key id=\"cb1c8a27-62df-4fba-9275-7e37003557e3\" version=\"1\"><creationDate>2026-11-27T16:27:24.1770893Z</creationDate><activationDate>2026-11-27T16:27:24.1770893Z</activationDate><expirationDate>2027-02-25T16:27:24.1770893Z</expirationDate><descriptor deserializerType=\"Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection, Version=10.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60\"><descriptor><encryption algorithm=\"AES_256_CBC\" /><validation algorithm=\"HMACSHA256\" /><masterKey p4:requiresEncryption=\"true\" xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\"><!-- Warning: the key below is in an unencrypted form. --><value>n/pc0qGzULEG0YJNUu8SOEYnl1MqZZQ3TbGRh6Rw+auELJj1PMpAKBekj7TfvqRlUjJ3kAkSnG8mTsrAashQ8A==</value></masterKey></descriptor></descriptor></key>"}', '2026-11-27 16:27:24.280373+00', '01a21dd5-3eef-4074-971b-3e6cfd407d54', 'DigitaleHilfe.Web.Infrastructure.Auth.DataProtectionKey');


--
-- Data for Name: mt_doc_deadletterevent; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_digestsent; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_followuplink; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_helprequest; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_helprequest VALUES ('01a21dd5-4264-7085-b195-76de5d1f5f98', '{"Id": "01a21dd5-4264-7085-b195-76de5d1f5f98", "Phone": "", "Topic": "online-banking", "Number": "2026-0001", "Status": "Open", "Urgent": false, "EndedAt": null, "Outcome": null, "Summary": null, "CallerId": "01a21dd5-4264-75c5-9b83-000bab58b4e5", "District": "innenstadt-ost", "HelpMode": "hausbesuch", "IsActive": true, "LoggedAt": "2026-11-27T16:27:25.1564414+00:00", "LoggedBy": "System", "ClaimedAt": null, "CallerName": "", "LastExpiry": null, "ResolvedAt": null, "Appointment": null, "Description": "Möchte Überweisungen am Tablet machen, die App fragt nach einem Code, den sie nicht findet.", "StatusSince": "2026-11-27T16:27:25.1564414+00:00", "VolunteerId": null, "AddedDetails": [], "AnonymisedAt": null, "MinutesSpent": 0, "OutcomeRemark": null, "VolunteerName": null, "ConsentVersion": "2026-12/12", "PreferredTimes": null, "FollowUpAllGood": null, "HandledReminders": [], "InvitedVolunteers": [], "LastDroppedAppointment": null}', '2026-11-27 16:27:25.228912+00', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequest', 2, 'Open', '2026-11-27 16:27:25.156441+00', '2026-11-27 16:27:25.156441+00', false, '01a21dd5-4264-75c5-9b83-000bab58b4e5', NULL);
INSERT INTO digitalehilfe.mt_doc_helprequest VALUES ('01a21dd5-42b4-794e-9a11-d4fdd8625fed', '{"Id": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "Phone": "", "Topic": "smartphone", "Number": "2026-0002", "Status": "Open", "Urgent": false, "EndedAt": null, "Outcome": null, "Summary": null, "CallerId": "01a21dd5-42b4-7986-bc69-03f86836bc4f", "District": "erfenbach", "HelpMode": "telefon", "IsActive": true, "LoggedAt": "2026-11-27T16:27:25.2365411+00:00", "LoggedBy": "System", "ClaimedAt": null, "CallerName": "", "LastExpiry": null, "ResolvedAt": null, "Appointment": null, "Description": "Neues Smartphone vom Enkel, weiß nicht, wie man Fotos per WhatsApp verschickt.", "StatusSince": "2026-11-27T16:27:25.2365411+00:00", "VolunteerId": null, "AddedDetails": [], "AnonymisedAt": null, "MinutesSpent": 0, "OutcomeRemark": null, "VolunteerName": null, "ConsentVersion": "2026-12/12", "PreferredTimes": null, "FollowUpAllGood": null, "HandledReminders": [], "InvitedVolunteers": [], "LastDroppedAppointment": null}', '2026-11-27 16:27:25.243236+00', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequest', 2, 'Open', '2026-11-27 16:27:25.236541+00', '2026-11-27 16:27:25.236541+00', false, '01a21dd5-42b4-7986-bc69-03f86836bc4f', NULL);
INSERT INTO digitalehilfe.mt_doc_helprequest VALUES ('01a21dd5-42c2-7070-bb95-cf03147fae3e', '{"Id": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "Phone": "", "Topic": "videotelefonie", "Number": "2026-0003", "Status": "Open", "Urgent": false, "EndedAt": null, "Outcome": null, "Summary": null, "CallerId": "01a21dd5-42c2-7eb0-84e6-e831a7328eda", "District": "morlautern", "HelpMode": "video", "IsActive": true, "LoggedAt": "2026-11-27T16:27:25.2502177+00:00", "LoggedBy": "System", "ClaimedAt": null, "CallerName": "", "LastExpiry": null, "ResolvedAt": null, "Appointment": null, "Description": "Will mit der Tochter in Kanada per Video sprechen; Kamera bleibt schwarz.", "StatusSince": "2026-11-27T16:27:25.2502177+00:00", "VolunteerId": null, "AddedDetails": [], "AnonymisedAt": null, "MinutesSpent": 0, "OutcomeRemark": null, "VolunteerName": null, "ConsentVersion": "2026-12/12", "PreferredTimes": null, "FollowUpAllGood": null, "HandledReminders": [], "InvitedVolunteers": [], "LastDroppedAppointment": null}', '2026-11-27 16:27:25.252617+00', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequest', 2, 'Open', '2026-11-27 16:27:25.250217+00', '2026-11-27 16:27:25.250217+00', false, '01a21dd5-42c2-7eb0-84e6-e831a7328eda', NULL);
INSERT INTO digitalehilfe.mt_doc_helprequest VALUES ('01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49', '{"Id": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "Phone": "", "Topic": "online-behoerden", "Number": "2026-0004", "Status": "Open", "Urgent": false, "EndedAt": null, "Outcome": null, "Summary": null, "CallerId": "01a21dd5-42c7-752e-9bd5-75299b539881", "District": "betzenberg", "HelpMode": "sprechstunde", "IsActive": true, "LoggedAt": "2026-11-27T16:27:25.2555493+00:00", "LoggedBy": "System", "ClaimedAt": null, "CallerName": "", "LastExpiry": null, "ResolvedAt": null, "Appointment": null, "Description": "Braucht einen Termin beim Bürgercenter und kommt mit dem Online-Formular nicht zurecht.", "StatusSince": "2026-11-27T16:27:25.2555493+00:00", "VolunteerId": null, "AddedDetails": [], "AnonymisedAt": null, "MinutesSpent": 0, "OutcomeRemark": null, "VolunteerName": null, "ConsentVersion": "2026-12/12", "PreferredTimes": null, "FollowUpAllGood": null, "HandledReminders": [], "InvitedVolunteers": [], "LastDroppedAppointment": null}', '2026-11-27 16:27:25.257594+00', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequest', 2, 'Open', '2026-11-27 16:27:25.255549+00', '2026-11-27 16:27:25.255549+00', false, '01a21dd5-42c7-752e-9bd5-75299b539881', NULL);
INSERT INTO digitalehilfe.mt_doc_helprequest VALUES ('01a21dd5-42cf-78b3-b864-0e2203e19a96', '{"Id": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "Phone": "", "Topic": "internet-wlan", "Number": "2026-0005", "Status": "Open", "Urgent": false, "EndedAt": null, "Outcome": null, "Summary": null, "CallerId": "01a21dd5-42cf-7a37-bacd-017e600a3b0b", "District": "hohenecken", "HelpMode": "hausbesuch", "IsActive": true, "LoggedAt": "2026-11-27T16:27:25.2639746+00:00", "LoggedBy": "System", "ClaimedAt": null, "CallerName": "", "LastExpiry": null, "ResolvedAt": null, "Appointment": null, "Description": "WLAN-Passwort vergessen, Router steht im Keller. Hört schlecht, bitte langsam sprechen.", "StatusSince": "2026-11-27T16:27:25.2639746+00:00", "VolunteerId": null, "AddedDetails": [], "AnonymisedAt": null, "MinutesSpent": 0, "OutcomeRemark": null, "VolunteerName": null, "ConsentVersion": "2026-12/12", "PreferredTimes": null, "FollowUpAllGood": null, "HandledReminders": [], "InvitedVolunteers": [], "LastDroppedAppointment": null}', '2026-11-27 16:27:25.265855+00', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequest', 2, 'Open', '2026-11-27 16:27:25.263974+00', '2026-11-27 16:27:25.263974+00', false, '01a21dd5-42cf-7a37-bacd-017e600a3b0b', NULL);


--
-- Data for Name: mt_doc_intakereceipt; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_plannedreminder; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542647085b19576de5d1f5f98/Invitation', '{"Id": "01a21dd542647085b19576de5d1f5f98/Invitation", "Kind": "Invitation", "DueAt": "2026-11-27T16:27:25.1564414+00:00", "RequestId": "01a21dd5-4264-7085-b195-76de5d1f5f98", "DeliveryId": "01a21dd542647085b19576de5d1f5f98/Invitation@open@2026-11-27T16:27:25.156Z", "Occurrence": "open@2026-11-27T16:27:25.156Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4a6b-897f-c0483aca3b93', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542647085b19576de5d1f5f98/UnclaimedEscalation', '{"Id": "01a21dd542647085b19576de5d1f5f98/UnclaimedEscalation", "Kind": "UnclaimedEscalation", "DueAt": "2026-11-28T16:27:25.1564414+00:00", "RequestId": "01a21dd5-4264-7085-b195-76de5d1f5f98", "DeliveryId": "01a21dd542647085b19576de5d1f5f98/UnclaimedEscalation@open@2026-11-27T16:27:25.156Z", "Occurrence": "open@2026-11-27T16:27:25.156Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-49d4-8e90-86982a67e391', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542647085b19576de5d1f5f98/UnclaimedWidening', '{"Id": "01a21dd542647085b19576de5d1f5f98/UnclaimedWidening", "Kind": "UnclaimedWidening", "DueAt": "2026-11-29T16:27:25.1564414+00:00", "RequestId": "01a21dd5-4264-7085-b195-76de5d1f5f98", "DeliveryId": "01a21dd542647085b19576de5d1f5f98/UnclaimedWidening@open@2026-11-27T16:27:25.156Z", "Occurrence": "open@2026-11-27T16:27:25.156Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-42af-b942-c0e9ecda0107', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542b4794e9a11d4fdd8625fed/Invitation', '{"Id": "01a21dd542b4794e9a11d4fdd8625fed/Invitation", "Kind": "Invitation", "DueAt": "2026-11-27T16:27:25.2365411+00:00", "RequestId": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "DeliveryId": "01a21dd542b4794e9a11d4fdd8625fed/Invitation@open@2026-11-27T16:27:25.236Z", "Occurrence": "open@2026-11-27T16:27:25.236Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4d49-b2ac-672ccad47bc2', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542b4794e9a11d4fdd8625fed/UnclaimedEscalation', '{"Id": "01a21dd542b4794e9a11d4fdd8625fed/UnclaimedEscalation", "Kind": "UnclaimedEscalation", "DueAt": "2026-11-28T16:27:25.2365411+00:00", "RequestId": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "DeliveryId": "01a21dd542b4794e9a11d4fdd8625fed/UnclaimedEscalation@open@2026-11-27T16:27:25.236Z", "Occurrence": "open@2026-11-27T16:27:25.236Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4c6a-98d7-2e556a03875b', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542b4794e9a11d4fdd8625fed/UnclaimedWidening', '{"Id": "01a21dd542b4794e9a11d4fdd8625fed/UnclaimedWidening", "Kind": "UnclaimedWidening", "DueAt": "2026-11-29T16:27:25.2365411+00:00", "RequestId": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "DeliveryId": "01a21dd542b4794e9a11d4fdd8625fed/UnclaimedWidening@open@2026-11-27T16:27:25.236Z", "Occurrence": "open@2026-11-27T16:27:25.236Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-40a1-a2cf-f92b5382f2a8', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c27070bb95cf03147fae3e/Invitation', '{"Id": "01a21dd542c27070bb95cf03147fae3e/Invitation", "Kind": "Invitation", "DueAt": "2026-11-27T16:27:25.2502177+00:00", "RequestId": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "DeliveryId": "01a21dd542c27070bb95cf03147fae3e/Invitation@open@2026-11-27T16:27:25.250Z", "Occurrence": "open@2026-11-27T16:27:25.250Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-430a-8314-e401c19cd798', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c27070bb95cf03147fae3e/UnclaimedEscalation', '{"Id": "01a21dd542c27070bb95cf03147fae3e/UnclaimedEscalation", "Kind": "UnclaimedEscalation", "DueAt": "2026-11-28T16:27:25.2502177+00:00", "RequestId": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "DeliveryId": "01a21dd542c27070bb95cf03147fae3e/UnclaimedEscalation@open@2026-11-27T16:27:25.250Z", "Occurrence": "open@2026-11-27T16:27:25.250Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4dbf-9006-85598d2aedf6', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c27070bb95cf03147fae3e/UnclaimedWidening', '{"Id": "01a21dd542c27070bb95cf03147fae3e/UnclaimedWidening", "Kind": "UnclaimedWidening", "DueAt": "2026-11-29T16:27:25.2502177+00:00", "RequestId": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "DeliveryId": "01a21dd542c27070bb95cf03147fae3e/UnclaimedWidening@open@2026-11-27T16:27:25.250Z", "Occurrence": "open@2026-11-27T16:27:25.250Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4114-963e-12266a8db924', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c77ff8b4cf9e3cf2e2ea49/Invitation', '{"Id": "01a21dd542c77ff8b4cf9e3cf2e2ea49/Invitation", "Kind": "Invitation", "DueAt": "2026-11-27T16:27:25.2555493+00:00", "RequestId": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "DeliveryId": "01a21dd542c77ff8b4cf9e3cf2e2ea49/Invitation@open@2026-11-27T16:27:25.255Z", "Occurrence": "open@2026-11-27T16:27:25.255Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-443b-9b75-59a581c7483d', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedEscalation', '{"Id": "01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedEscalation", "Kind": "UnclaimedEscalation", "DueAt": "2026-11-28T16:27:25.2555493+00:00", "RequestId": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "DeliveryId": "01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedEscalation@open@2026-11-27T16:27:25.255Z", "Occurrence": "open@2026-11-27T16:27:25.255Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4853-b42b-31913a7c6bc1', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedWidening', '{"Id": "01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedWidening", "Kind": "UnclaimedWidening", "DueAt": "2026-11-29T16:27:25.2555493+00:00", "RequestId": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "DeliveryId": "01a21dd542c77ff8b4cf9e3cf2e2ea49/UnclaimedWidening@open@2026-11-27T16:27:25.255Z", "Occurrence": "open@2026-11-27T16:27:25.255Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4ea9-a48b-0380702be1e8', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542cf78b3b8640e2203e19a96/Invitation', '{"Id": "01a21dd542cf78b3b8640e2203e19a96/Invitation", "Kind": "Invitation", "DueAt": "2026-11-27T16:27:25.2639746+00:00", "RequestId": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "DeliveryId": "01a21dd542cf78b3b8640e2203e19a96/Invitation@open@2026-11-27T16:27:25.263Z", "Occurrence": "open@2026-11-27T16:27:25.263Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-449c-8db2-427d97c3d2d5', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542cf78b3b8640e2203e19a96/UnclaimedEscalation', '{"Id": "01a21dd542cf78b3b8640e2203e19a96/UnclaimedEscalation", "Kind": "UnclaimedEscalation", "DueAt": "2026-11-28T16:27:25.2639746+00:00", "RequestId": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "DeliveryId": "01a21dd542cf78b3b8640e2203e19a96/UnclaimedEscalation@open@2026-11-27T16:27:25.263Z", "Occurrence": "open@2026-11-27T16:27:25.263Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4a06-91e7-a7449d42f7f0', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');
INSERT INTO digitalehilfe.mt_doc_plannedreminder VALUES ('01a21dd542cf78b3b8640e2203e19a96/UnclaimedWidening', '{"Id": "01a21dd542cf78b3b8640e2203e19a96/UnclaimedWidening", "Kind": "UnclaimedWidening", "DueAt": "2026-11-29T16:27:25.2639746+00:00", "RequestId": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "DeliveryId": "01a21dd542cf78b3b8640e2203e19a96/UnclaimedWidening@open@2026-11-27T16:27:25.263Z", "Occurrence": "open@2026-11-27T16:27:25.263Z"}', '2026-11-27 16:27:26.103198+00', '01a21dd5-4615-4412-aea9-5eb32f900efe', 'DigitaleHilfe.Web.Features.Reminders.PlannedReminder');


--
-- Data for Name: mt_doc_releasealert; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_reminderdelivery; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_requestfacts; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_requestfacts VALUES ('01a21dd5-4264-7085-b195-76de5d1f5f98', '{"Id": "01a21dd5-4264-7085-b195-76de5d1f5f98", "Topic": "online-banking", "Number": "2026-0001", "Status": "Open", "Channel": "Hotline", "Outcome": null, "Reopens": 0, "CallerId": "01a21dd5-4264-75c5-9b83-000bab58b4e5", "District": "innenstadt-ost", "HelpMode": "hausbesuch", "LoggedAt": "2026-11-27T16:27:25.1564414+00:00", "ResolvedBy": null, "VolunteerId": null, "FirstClaimAt": null, "MinutesSpent": 0, "FirstResolvedAt": null, "FollowUpAllGood": null, "MinutesToFirstClaim": null, "MinutesToResolution": null}', '2026-11-27 16:27:26.084197+00', 'DigitaleHilfe.Web.Features.Statistics.RequestFacts', 1, '2026-11-27 16:27:25.156441+00', 'Hotline', 'online-banking', 'innenstadt-ost', 'hausbesuch', '01a21dd5-4264-75c5-9b83-000bab58b4e5', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_doc_requestfacts VALUES ('01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49', '{"Id": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "Topic": "online-behoerden", "Number": "2026-0004", "Status": "Open", "Channel": "Hotline", "Outcome": null, "Reopens": 0, "CallerId": "01a21dd5-42c7-752e-9bd5-75299b539881", "District": "betzenberg", "HelpMode": "sprechstunde", "LoggedAt": "2026-11-27T16:27:25.2555493+00:00", "ResolvedBy": null, "VolunteerId": null, "FirstClaimAt": null, "MinutesSpent": 0, "FirstResolvedAt": null, "FollowUpAllGood": null, "MinutesToFirstClaim": null, "MinutesToResolution": null}', '2026-11-27 16:27:26.084197+00', 'DigitaleHilfe.Web.Features.Statistics.RequestFacts', 1, '2026-11-27 16:27:25.255549+00', 'Hotline', 'online-behoerden', 'betzenberg', 'sprechstunde', '01a21dd5-42c7-752e-9bd5-75299b539881', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_doc_requestfacts VALUES ('01a21dd5-42c2-7070-bb95-cf03147fae3e', '{"Id": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "Topic": "videotelefonie", "Number": "2026-0003", "Status": "Open", "Channel": "Hotline", "Outcome": null, "Reopens": 0, "CallerId": "01a21dd5-42c2-7eb0-84e6-e831a7328eda", "District": "morlautern", "HelpMode": "video", "LoggedAt": "2026-11-27T16:27:25.2502177+00:00", "ResolvedBy": null, "VolunteerId": null, "FirstClaimAt": null, "MinutesSpent": 0, "FirstResolvedAt": null, "FollowUpAllGood": null, "MinutesToFirstClaim": null, "MinutesToResolution": null}', '2026-11-27 16:27:26.084197+00', 'DigitaleHilfe.Web.Features.Statistics.RequestFacts', 1, '2026-11-27 16:27:25.250217+00', 'Hotline', 'videotelefonie', 'morlautern', 'video', '01a21dd5-42c2-7eb0-84e6-e831a7328eda', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_doc_requestfacts VALUES ('01a21dd5-42cf-78b3-b864-0e2203e19a96', '{"Id": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "Topic": "internet-wlan", "Number": "2026-0005", "Status": "Open", "Channel": "Hotline", "Outcome": null, "Reopens": 0, "CallerId": "01a21dd5-42cf-7a37-bacd-017e600a3b0b", "District": "hohenecken", "HelpMode": "hausbesuch", "LoggedAt": "2026-11-27T16:27:25.2639746+00:00", "ResolvedBy": null, "VolunteerId": null, "FirstClaimAt": null, "MinutesSpent": 0, "FirstResolvedAt": null, "FollowUpAllGood": null, "MinutesToFirstClaim": null, "MinutesToResolution": null}', '2026-11-27 16:27:26.084197+00', 'DigitaleHilfe.Web.Features.Statistics.RequestFacts', 1, '2026-11-27 16:27:25.263974+00', 'Hotline', 'internet-wlan', 'hohenecken', 'hausbesuch', '01a21dd5-42cf-7a37-bacd-017e600a3b0b', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_doc_requestfacts VALUES ('01a21dd5-42b4-794e-9a11-d4fdd8625fed', '{"Id": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "Topic": "smartphone", "Number": "2026-0002", "Status": "Open", "Channel": "Hotline", "Outcome": null, "Reopens": 0, "CallerId": "01a21dd5-42b4-7986-bc69-03f86836bc4f", "District": "erfenbach", "HelpMode": "telefon", "LoggedAt": "2026-11-27T16:27:25.2365411+00:00", "ResolvedBy": null, "VolunteerId": null, "FirstClaimAt": null, "MinutesSpent": 0, "FirstResolvedAt": null, "FollowUpAllGood": null, "MinutesToFirstClaim": null, "MinutesToResolution": null}', '2026-11-27 16:27:26.084197+00', 'DigitaleHilfe.Web.Features.Statistics.RequestFacts', 1, '2026-11-27 16:27:25.236541+00', 'Hotline', 'smartphone', 'erfenbach', 'telefon', '01a21dd5-42b4-7986-bc69-03f86836bc4f', NULL, NULL, 0, 0, NULL, NULL, NULL, NULL);


--
-- Data for Name: mt_doc_undeliverableemail; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_usersession; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_volunteeractivity; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_doc_volunteerprofile; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_doc_volunteerprofile VALUES ('01a21dd5-4082-7215-b268-db0389aeb979', '{"Id": "01a21dd5-4082-7215-b268-db0389aeb979", "Emails": {"Nudges": true, "ClaimDetails": true, "AppointmentReminders": true}, "Topics": ["online-banking", "smartphone", "tablet"], "Capacity": 3, "Districts": ["erfenbach", "innenstadt-ost", "morlautern"], "HelpModes": ["hausbesuch", "telefon"], "Languages": ["de", "en"], "PausedUntil": null, "Availability": [], "MaxInvitationsPerDay": null}', '2026-11-27 16:27:24.855554+00', 'DigitaleHilfe.Web.Features.Volunteers.VolunteerProfile', 1);


--
-- Data for Name: mt_event_progression; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_event_progression VALUES ('VolunteerActivity:All', 11, '2026-11-27 16:27:26.043293+00', 'none', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_event_progression VALUES ('RequestFacts:All', 11, '2026-11-27 16:27:26.084197+00', 'none', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_event_progression VALUES ('ReminderPlanner:All', 11, '2026-11-27 16:27:26.103198+00', 'none', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_event_progression VALUES ('HighWaterAllocationFence', 11, '2026-11-27 16:28:22.40963+00', 'none', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO digitalehilfe.mt_event_progression VALUES ('HighWaterMark', 11, '2026-11-27 16:28:22.411856+00', 'none', 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: mt_event_projection_floors; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_events; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_events VALUES (1, '2e9846bc-08a8-4444-b1aa-8e3daddd72ae', '01a21dd5-4082-7215-b268-db0389aeb979', 1, '{"Emails": null, "Topics": ["online-banking", "smartphone", "tablet"], "Capacity": 3, "Districts": ["erfenbach", "innenstadt-ost", "morlautern"], "HelpModes": ["hausbesuch", "telefon"], "Languages": ["de", "en"], "UpdatedAt": "2026-11-27T16:27:24.7435834+00:00", "UpdatedBy": "Demo", "PausedUntil": null, "VolunteerId": "01a21dd5-4082-7215-b268-db0389aeb979", "Availability": [], "MaxInvitationsPerDay": null}', NULL, 'volunteer_profile_updated', '2026-11-27 16:27:24.793056+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.Volunteers.VolunteerProfileUpdated, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (2, '81052aa4-d183-4977-bab3-a0fa7e48f4b9', '01a21dd5-4264-7085-b195-76de5d1f5f98', 1, '{"Topic": "online-banking", "Number": "2026-0001", "Urgent": false, "Channel": "Hotline", "Summary": null, "CallerId": "01a21dd5-4264-75c5-9b83-000bab58b4e5", "District": "innenstadt-ost", "HelpMode": "hausbesuch", "LoggedAt": "2026-11-27T16:27:25.1564414+00:00", "LoggedBy": "System", "RequestId": "01a21dd5-4264-7085-b195-76de5d1f5f98", "Description": "Möchte Überweisungen am Tablet machen, die App fragt nach einem Code, den sie nicht findet.", "PreferredTimes": null}', NULL, 'help_request_opened', '2026-11-27 16:27:25.183191+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequestOpened, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (3, '4f44fe97-ed4b-478b-8ab8-14733619af6c', '01a21dd5-4264-7085-b195-76de5d1f5f98', 2, '{"CallerId": "01a21dd5-4264-75c5-9b83-000bab58b4e5", "RequestId": "01a21dd5-4264-7085-b195-76de5d1f5f98", "RecordedAt": "2026-11-27T16:27:25.1564414+00:00", "RecordedBy": "System", "TextVersion": "2026-12/12"}', NULL, 'consent_recorded', '2026-11-27 16:27:25.183191+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.ConsentRecorded, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (4, '20bb8841-8fa8-4499-98fc-25b9ef7577bb', '01a21dd5-42b4-794e-9a11-d4fdd8625fed', 1, '{"Topic": "smartphone", "Number": "2026-0002", "Urgent": false, "Channel": "Hotline", "Summary": null, "CallerId": "01a21dd5-42b4-7986-bc69-03f86836bc4f", "District": "erfenbach", "HelpMode": "telefon", "LoggedAt": "2026-11-27T16:27:25.2365411+00:00", "LoggedBy": "System", "RequestId": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "Description": "Neues Smartphone vom Enkel, weiß nicht, wie man Fotos per WhatsApp verschickt.", "PreferredTimes": null}', NULL, 'help_request_opened', '2026-11-27 16:27:25.238342+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequestOpened, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (5, 'aaf489f1-6eae-4519-80a8-4e9778ed78b7', '01a21dd5-42b4-794e-9a11-d4fdd8625fed', 2, '{"CallerId": "01a21dd5-42b4-7986-bc69-03f86836bc4f", "RequestId": "01a21dd5-42b4-794e-9a11-d4fdd8625fed", "RecordedAt": "2026-11-27T16:27:25.2365411+00:00", "RecordedBy": "System", "TextVersion": "2026-12/12"}', NULL, 'consent_recorded', '2026-11-27 16:27:25.238342+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.ConsentRecorded, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (6, '30f77776-a478-42e5-9e1b-aaf9f0a7382b', '01a21dd5-42c2-7070-bb95-cf03147fae3e', 1, '{"Topic": "videotelefonie", "Number": "2026-0003", "Urgent": false, "Channel": "Hotline", "Summary": null, "CallerId": "01a21dd5-42c2-7eb0-84e6-e831a7328eda", "District": "morlautern", "HelpMode": "video", "LoggedAt": "2026-11-27T16:27:25.2502177+00:00", "LoggedBy": "System", "RequestId": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "Description": "Will mit der Tochter in Kanada per Video sprechen; Kamera bleibt schwarz.", "PreferredTimes": null}', NULL, 'help_request_opened', '2026-11-27 16:27:25.25176+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequestOpened, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (7, '20155e33-24d4-45c7-805b-df23a54584b1', '01a21dd5-42c2-7070-bb95-cf03147fae3e', 2, '{"CallerId": "01a21dd5-42c2-7eb0-84e6-e831a7328eda", "RequestId": "01a21dd5-42c2-7070-bb95-cf03147fae3e", "RecordedAt": "2026-11-27T16:27:25.2502177+00:00", "RecordedBy": "System", "TextVersion": "2026-12/12"}', NULL, 'consent_recorded', '2026-11-27 16:27:25.25176+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.ConsentRecorded, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (8, '44134435-1c7e-4b01-927a-6dec1cd48335', '01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49', 1, '{"Topic": "online-behoerden", "Number": "2026-0004", "Urgent": false, "Channel": "Hotline", "Summary": null, "CallerId": "01a21dd5-42c7-752e-9bd5-75299b539881", "District": "betzenberg", "HelpMode": "sprechstunde", "LoggedAt": "2026-11-27T16:27:25.2555493+00:00", "LoggedBy": "System", "RequestId": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "Description": "Braucht einen Termin beim Bürgercenter und kommt mit dem Online-Formular nicht zurecht.", "PreferredTimes": null}', NULL, 'help_request_opened', '2026-11-27 16:27:25.256872+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequestOpened, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (9, '9b93d208-013d-4d6c-b3d0-ae6440a50e20', '01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49', 2, '{"CallerId": "01a21dd5-42c7-752e-9bd5-75299b539881", "RequestId": "01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49", "RecordedAt": "2026-11-27T16:27:25.2555493+00:00", "RecordedBy": "System", "TextVersion": "2026-12/12"}', NULL, 'consent_recorded', '2026-11-27 16:27:25.256872+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.ConsentRecorded, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (10, '94c0fc5a-e9c7-4de4-a751-5657156619b5', '01a21dd5-42cf-78b3-b864-0e2203e19a96', 1, '{"Topic": "internet-wlan", "Number": "2026-0005", "Urgent": false, "Channel": "Hotline", "Summary": null, "CallerId": "01a21dd5-42cf-7a37-bacd-017e600a3b0b", "District": "hohenecken", "HelpMode": "hausbesuch", "LoggedAt": "2026-11-27T16:27:25.2639746+00:00", "LoggedBy": "System", "RequestId": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "Description": "WLAN-Passwort vergessen, Router steht im Keller. Hört schlecht, bitte langsam sprechen.", "PreferredTimes": null}', NULL, 'help_request_opened', '2026-11-27 16:27:25.265188+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.HelpRequestOpened, DigitaleHilfe.Web', false);
INSERT INTO digitalehilfe.mt_events VALUES (11, '3b55be8b-2e1d-4c3d-91c4-70546faba124', '01a21dd5-42cf-78b3-b864-0e2203e19a96', 2, '{"CallerId": "01a21dd5-42cf-7a37-bacd-017e600a3b0b", "RequestId": "01a21dd5-42cf-78b3-b864-0e2203e19a96", "RecordedAt": "2026-11-27T16:27:25.2639746+00:00", "RecordedBy": "System", "TextVersion": "2026-12/12"}', NULL, 'consent_recorded', '2026-11-27 16:27:25.265188+00', '*DEFAULT*', 'DigitaleHilfe.Web.Features.HelpRequests.ConsentRecorded, DigitaleHilfe.Web', false);


--
-- Data for Name: mt_high_water_skips; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: mt_streams; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--

INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-4082-7215-b268-db0389aeb979', NULL, 1, '2026-11-27 16:27:24.855554+00', '2026-11-27 16:27:24.855554+00', '*DEFAULT*', 0, false);
INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-4264-7085-b195-76de5d1f5f98', 'help_request', 2, '2026-11-27 16:27:25.228912+00', '2026-11-27 16:27:25.228912+00', '*DEFAULT*', 0, false);
INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-42b4-794e-9a11-d4fdd8625fed', 'help_request', 2, '2026-11-27 16:27:25.243236+00', '2026-11-27 16:27:25.243236+00', '*DEFAULT*', 0, false);
INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-42c2-7070-bb95-cf03147fae3e', 'help_request', 2, '2026-11-27 16:27:25.252617+00', '2026-11-27 16:27:25.252617+00', '*DEFAULT*', 0, false);
INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-42c7-7ff8-b4cf-9e3cf2e2ea49', 'help_request', 2, '2026-11-27 16:27:25.257594+00', '2026-11-27 16:27:25.257594+00', '*DEFAULT*', 0, false);
INSERT INTO digitalehilfe.mt_streams VALUES ('01a21dd5-42cf-78b3-b864-0e2203e19a96', 'help_request', 2, '2026-11-27 16:27:25.265855+00', '2026-11-27 16:27:25.265855+00', '*DEFAULT*', 0, false);


--
-- Data for Name: request_numbers; Type: TABLE DATA; Schema: digitalehilfe; Owner: -
--



--
-- Data for Name: aggregatedcounter; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: counter; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: hash; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: job; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: jobparameter; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: jobqueue; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: list; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: lock; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: schema; Type: TABLE DATA; Schema: hangfire; Owner: -
--

INSERT INTO hangfire.schema VALUES (23);


--
-- Data for Name: server; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: set; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Data for Name: state; Type: TABLE DATA; Schema: hangfire; Owner: -
--



--
-- Name: mt_events_sequence; Type: SEQUENCE SET; Schema: digitalehilfe; Owner: -
--

SELECT pg_catalog.setval('digitalehilfe.mt_events_sequence', 11, true);


--
-- Name: request_number_2026; Type: SEQUENCE SET; Schema: digitalehilfe; Owner: -
--

SELECT pg_catalog.setval('digitalehilfe.request_number_2026', 5, true);


--
-- Name: aggregatedcounter_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.aggregatedcounter_id_seq', 1, false);


--
-- Name: counter_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.counter_id_seq', 1, false);


--
-- Name: hash_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.hash_id_seq', 1, false);


--
-- Name: job_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.job_id_seq', 1, false);


--
-- Name: jobparameter_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.jobparameter_id_seq', 1, false);


--
-- Name: jobqueue_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.jobqueue_id_seq', 1, false);


--
-- Name: list_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.list_id_seq', 1, false);


--
-- Name: set_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.set_id_seq', 1, false);


--
-- Name: state_id_seq; Type: SEQUENCE SET; Schema: hangfire; Owner: -
--

SELECT pg_catalog.setval('hangfire.state_id_seq', 1, false);


--
-- Name: mt_event_progression pk_mt_event_progression; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_event_progression
    ADD CONSTRAINT pk_mt_event_progression PRIMARY KEY (name);


--
-- Name: mt_doc_account pkey_mt_doc_account_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_account
    ADD CONSTRAINT pkey_mt_doc_account_id PRIMARY KEY (id);


--
-- Name: mt_doc_accounttoken pkey_mt_doc_accounttoken_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_accounttoken
    ADD CONSTRAINT pkey_mt_doc_accounttoken_id PRIMARY KEY (id);


--
-- Name: mt_doc_apikey pkey_mt_doc_apikey_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_apikey
    ADD CONSTRAINT pkey_mt_doc_apikey_id PRIMARY KEY (id);


--
-- Name: mt_doc_auditentry pkey_mt_doc_auditentry_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_auditentry
    ADD CONSTRAINT pkey_mt_doc_auditentry_id PRIMARY KEY (id);


--
-- Name: mt_doc_backgroundproblem pkey_mt_doc_backgroundproblem_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_backgroundproblem
    ADD CONSTRAINT pkey_mt_doc_backgroundproblem_id PRIMARY KEY (id);


--
-- Name: mt_doc_callbacktask pkey_mt_doc_callbacktask_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_callbacktask
    ADD CONSTRAINT pkey_mt_doc_callbacktask_id PRIMARY KEY (id);


--
-- Name: mt_doc_caller pkey_mt_doc_caller_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_caller
    ADD CONSTRAINT pkey_mt_doc_caller_id PRIMARY KEY (id);


--
-- Name: mt_doc_dataprotectionkey pkey_mt_doc_dataprotectionkey_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_dataprotectionkey
    ADD CONSTRAINT pkey_mt_doc_dataprotectionkey_id PRIMARY KEY (id);


--
-- Name: mt_doc_deadletterevent pkey_mt_doc_deadletterevent_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_deadletterevent
    ADD CONSTRAINT pkey_mt_doc_deadletterevent_id PRIMARY KEY (id);


--
-- Name: mt_doc_digestsent pkey_mt_doc_digestsent_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_digestsent
    ADD CONSTRAINT pkey_mt_doc_digestsent_id PRIMARY KEY (id);


--
-- Name: mt_doc_followuplink pkey_mt_doc_followuplink_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_followuplink
    ADD CONSTRAINT pkey_mt_doc_followuplink_id PRIMARY KEY (id);


--
-- Name: mt_doc_helprequest pkey_mt_doc_helprequest_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_helprequest
    ADD CONSTRAINT pkey_mt_doc_helprequest_id PRIMARY KEY (id);


--
-- Name: mt_doc_intakereceipt pkey_mt_doc_intakereceipt_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_intakereceipt
    ADD CONSTRAINT pkey_mt_doc_intakereceipt_id PRIMARY KEY (id);


--
-- Name: mt_doc_plannedreminder pkey_mt_doc_plannedreminder_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_plannedreminder
    ADD CONSTRAINT pkey_mt_doc_plannedreminder_id PRIMARY KEY (id);


--
-- Name: mt_doc_releasealert pkey_mt_doc_releasealert_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_releasealert
    ADD CONSTRAINT pkey_mt_doc_releasealert_id PRIMARY KEY (id);


--
-- Name: mt_doc_reminderdelivery pkey_mt_doc_reminderdelivery_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_reminderdelivery
    ADD CONSTRAINT pkey_mt_doc_reminderdelivery_id PRIMARY KEY (id);


--
-- Name: mt_doc_requestfacts pkey_mt_doc_requestfacts_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_requestfacts
    ADD CONSTRAINT pkey_mt_doc_requestfacts_id PRIMARY KEY (id);


--
-- Name: mt_doc_undeliverableemail pkey_mt_doc_undeliverableemail_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_undeliverableemail
    ADD CONSTRAINT pkey_mt_doc_undeliverableemail_id PRIMARY KEY (id);


--
-- Name: mt_doc_usersession pkey_mt_doc_usersession_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_usersession
    ADD CONSTRAINT pkey_mt_doc_usersession_id PRIMARY KEY (id);


--
-- Name: mt_doc_volunteeractivity pkey_mt_doc_volunteeractivity_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_volunteeractivity
    ADD CONSTRAINT pkey_mt_doc_volunteeractivity_id PRIMARY KEY (id);


--
-- Name: mt_doc_volunteerprofile pkey_mt_doc_volunteerprofile_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_doc_volunteerprofile
    ADD CONSTRAINT pkey_mt_doc_volunteerprofile_id PRIMARY KEY (id);


--
-- Name: mt_event_projection_floors pkey_mt_event_projection_floors_name_tenant_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_event_projection_floors
    ADD CONSTRAINT pkey_mt_event_projection_floors_name_tenant_id PRIMARY KEY (name, tenant_id);


--
-- Name: mt_events pkey_mt_events_seq_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_events
    ADD CONSTRAINT pkey_mt_events_seq_id PRIMARY KEY (seq_id);


--
-- Name: mt_high_water_skips pkey_mt_high_water_skips_ending_sequence; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_high_water_skips
    ADD CONSTRAINT pkey_mt_high_water_skips_ending_sequence PRIMARY KEY (ending_sequence);


--
-- Name: mt_streams pkey_mt_streams_id; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_streams
    ADD CONSTRAINT pkey_mt_streams_id PRIMARY KEY (id);


--
-- Name: request_numbers pkey_request_numbers_year; Type: CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.request_numbers
    ADD CONSTRAINT pkey_request_numbers_year PRIMARY KEY (year);


--
-- Name: aggregatedcounter aggregatedcounter_key_key; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.aggregatedcounter
    ADD CONSTRAINT aggregatedcounter_key_key UNIQUE (key);


--
-- Name: aggregatedcounter aggregatedcounter_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.aggregatedcounter
    ADD CONSTRAINT aggregatedcounter_pkey PRIMARY KEY (id);


--
-- Name: counter counter_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.counter
    ADD CONSTRAINT counter_pkey PRIMARY KEY (id);


--
-- Name: hash hash_key_field_key; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.hash
    ADD CONSTRAINT hash_key_field_key UNIQUE (key, field);


--
-- Name: hash hash_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.hash
    ADD CONSTRAINT hash_pkey PRIMARY KEY (id);


--
-- Name: job job_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.job
    ADD CONSTRAINT job_pkey PRIMARY KEY (id);


--
-- Name: jobparameter jobparameter_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.jobparameter
    ADD CONSTRAINT jobparameter_pkey PRIMARY KEY (id);


--
-- Name: jobqueue jobqueue_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.jobqueue
    ADD CONSTRAINT jobqueue_pkey PRIMARY KEY (id);


--
-- Name: list list_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.list
    ADD CONSTRAINT list_pkey PRIMARY KEY (id);


--
-- Name: lock lock_resource_key; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.lock
    ADD CONSTRAINT lock_resource_key UNIQUE (resource);

ALTER TABLE ONLY hangfire.lock REPLICA IDENTITY USING INDEX lock_resource_key;


--
-- Name: schema schema_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.schema
    ADD CONSTRAINT schema_pkey PRIMARY KEY (version);


--
-- Name: server server_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.server
    ADD CONSTRAINT server_pkey PRIMARY KEY (id);


--
-- Name: set set_key_value_key; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.set
    ADD CONSTRAINT set_key_value_key UNIQUE (key, value);


--
-- Name: set set_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.set
    ADD CONSTRAINT set_pkey PRIMARY KEY (id);


--
-- Name: state state_pkey; Type: CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.state
    ADD CONSTRAINT state_pkey PRIMARY KEY (id);


--
-- Name: mt_doc_account_uidx_email; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE UNIQUE INDEX mt_doc_account_uidx_email ON digitalehilfe.mt_doc_account USING btree (((data ->> 'Email'::text)));


--
-- Name: mt_doc_apikey_idx_account_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_apikey_idx_account_id ON digitalehilfe.mt_doc_apikey USING btree ((((data ->> 'AccountId'::text))::uuid));


--
-- Name: mt_doc_auditentry_idx_account_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_auditentry_idx_account_id ON digitalehilfe.mt_doc_auditentry USING btree ((((data ->> 'AccountId'::text))::uuid));


--
-- Name: mt_doc_auditentry_idx_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_auditentry_idx_at ON digitalehilfe.mt_doc_auditentry USING btree (digitalehilfe.mt_immutable_timestamptz((data ->> 'At'::text)));


--
-- Name: mt_doc_callbacktask_idx_due_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_callbacktask_idx_due_at ON digitalehilfe.mt_doc_callbacktask USING btree (digitalehilfe.mt_immutable_timestamptz((data ->> 'DueAt'::text)));


--
-- Name: mt_doc_caller_idx_phones_gin; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_caller_idx_phones_gin ON digitalehilfe.mt_doc_caller USING gin (((data -> 'Phones'::text)) jsonb_path_ops) WITH (fastupdate=off);


--
-- Name: mt_doc_caller_idx_search_text; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_caller_idx_search_text ON digitalehilfe.mt_doc_caller USING gin (search_text digitalehilfe.gin_trgm_ops);


--
-- Name: mt_doc_helprequest_idx_caller_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_caller_id ON digitalehilfe.mt_doc_helprequest USING btree (caller_id);


--
-- Name: mt_doc_helprequest_idx_logged_at_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_logged_at_id ON digitalehilfe.mt_doc_helprequest USING btree (logged_at, id);


--
-- Name: mt_doc_helprequest_idx_number_trgm; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_number_trgm ON digitalehilfe.mt_doc_helprequest USING gin (((data ->> 'Number'::text)) digitalehilfe.gin_trgm_ops);


--
-- Name: mt_doc_helprequest_idx_status_logged_at_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_status_logged_at_id ON digitalehilfe.mt_doc_helprequest USING btree (status, logged_at, id);


--
-- Name: mt_doc_helprequest_idx_status_status_since_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_status_status_since_id ON digitalehilfe.mt_doc_helprequest USING btree (status, status_since, id);


--
-- Name: mt_doc_helprequest_idx_volunteer_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_helprequest_idx_volunteer_id ON digitalehilfe.mt_doc_helprequest USING btree (volunteer_id);


--
-- Name: mt_doc_helprequest_uidx_number; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE UNIQUE INDEX mt_doc_helprequest_uidx_number ON digitalehilfe.mt_doc_helprequest USING btree (((data ->> 'Number'::text)));


--
-- Name: mt_doc_plannedreminder_idx_due_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_plannedreminder_idx_due_at ON digitalehilfe.mt_doc_plannedreminder USING btree (digitalehilfe.mt_immutable_timestamptz((data ->> 'DueAt'::text)));


--
-- Name: mt_doc_plannedreminder_idx_request_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_plannedreminder_idx_request_id ON digitalehilfe.mt_doc_plannedreminder USING btree ((((data ->> 'RequestId'::text))::uuid));


--
-- Name: mt_doc_releasealert_idx_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_releasealert_idx_at ON digitalehilfe.mt_doc_releasealert USING btree (digitalehilfe.mt_immutable_timestamptz((data ->> 'At'::text)));


--
-- Name: mt_doc_requestfacts_idx_logged_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_requestfacts_idx_logged_at ON digitalehilfe.mt_doc_requestfacts USING btree (logged_at);


--
-- Name: mt_doc_requestfacts_idx_resolved_by; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_requestfacts_idx_resolved_by ON digitalehilfe.mt_doc_requestfacts USING btree (resolved_by);


--
-- Name: mt_doc_undeliverableemail_idx_at; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_undeliverableemail_idx_at ON digitalehilfe.mt_doc_undeliverableemail USING btree (digitalehilfe.mt_immutable_timestamptz((data ->> 'At'::text)));


--
-- Name: mt_doc_usersession_idx_account_id; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE INDEX mt_doc_usersession_idx_account_id ON digitalehilfe.mt_doc_usersession USING btree ((((data ->> 'AccountId'::text))::uuid));


--
-- Name: pk_mt_events_stream_and_version; Type: INDEX; Schema: digitalehilfe; Owner: -
--

CREATE UNIQUE INDEX pk_mt_events_stream_and_version ON digitalehilfe.mt_events USING btree (stream_id, version);


--
-- Name: ix_hangfire_counter_expireat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_counter_expireat ON hangfire.counter USING btree (expireat);


--
-- Name: ix_hangfire_counter_key; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_counter_key ON hangfire.counter USING btree (key);


--
-- Name: ix_hangfire_hash_expireat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_hash_expireat ON hangfire.hash USING btree (expireat);


--
-- Name: ix_hangfire_job_expireat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_job_expireat ON hangfire.job USING btree (expireat);


--
-- Name: ix_hangfire_job_statename; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_job_statename ON hangfire.job USING btree (statename);


--
-- Name: ix_hangfire_job_statename_is_not_null; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_job_statename_is_not_null ON hangfire.job USING btree (statename) INCLUDE (id) WHERE (statename IS NOT NULL);


--
-- Name: ix_hangfire_jobparameter_jobidandname; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_jobparameter_jobidandname ON hangfire.jobparameter USING btree (jobid, name);


--
-- Name: ix_hangfire_jobqueue_fetchedat_queue_jobid; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_jobqueue_fetchedat_queue_jobid ON hangfire.jobqueue USING btree (fetchedat NULLS FIRST, queue, jobid);


--
-- Name: ix_hangfire_jobqueue_jobidandqueue; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_jobqueue_jobidandqueue ON hangfire.jobqueue USING btree (jobid, queue);


--
-- Name: ix_hangfire_jobqueue_queueandfetchedat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_jobqueue_queueandfetchedat ON hangfire.jobqueue USING btree (queue, fetchedat);


--
-- Name: ix_hangfire_list_expireat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_list_expireat ON hangfire.list USING btree (expireat);


--
-- Name: ix_hangfire_set_expireat; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_set_expireat ON hangfire.set USING btree (expireat);


--
-- Name: ix_hangfire_set_key_score; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_set_key_score ON hangfire.set USING btree (key, score);


--
-- Name: ix_hangfire_state_jobid; Type: INDEX; Schema: hangfire; Owner: -
--

CREATE INDEX ix_hangfire_state_jobid ON hangfire.state USING btree (jobid);


--
-- Name: mt_events fkey_mt_events_stream_id; Type: FK CONSTRAINT; Schema: digitalehilfe; Owner: -
--

ALTER TABLE ONLY digitalehilfe.mt_events
    ADD CONSTRAINT fkey_mt_events_stream_id FOREIGN KEY (stream_id) REFERENCES digitalehilfe.mt_streams(id) ON DELETE CASCADE;


--
-- Name: jobparameter jobparameter_jobid_fkey; Type: FK CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.jobparameter
    ADD CONSTRAINT jobparameter_jobid_fkey FOREIGN KEY (jobid) REFERENCES hangfire.job(id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- Name: state state_jobid_fkey; Type: FK CONSTRAINT; Schema: hangfire; Owner: -
--

ALTER TABLE ONLY hangfire.state
    ADD CONSTRAINT state_jobid_fkey FOREIGN KEY (jobid) REFERENCES hangfire.job(id) ON UPDATE CASCADE ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


