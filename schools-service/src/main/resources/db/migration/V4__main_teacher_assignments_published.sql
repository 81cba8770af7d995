-- Main teachers' classes are published since issue 10 (class.main-teacher-assigned / -unassigned, docs/EVENTS.md),
-- so that applications-service gives a main teacher the pupils their principal recorded. The assignments recorded
-- before that are published once here, through the outbox like any other event: the person is their token's sub,
-- no name.
INSERT INTO outbox_event (id, topic, message_key, type, subject, payload)
SELECT gen_random_uuid(), 'tremplin.schools.v1', m.uai, 'class.main-teacher-assigned',
       'schools/' || m.uai || '/classes/' || c.class_id,
       jsonb_build_object('uai', m.uai, 'classId', c.class_id, 'personId', m.person_id,
                          'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
FROM staff_membership m
JOIN staff_membership_class c ON c.membership_id = m.id
WHERE m.role = 'MAIN_TEACHER'
ORDER BY m.uai, m.created_at, c.class_id;
