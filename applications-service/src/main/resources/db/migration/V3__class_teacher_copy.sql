-- The classes each main teacher leads as their principal recorded them in schools-service (class.main-teacher-
-- assigned / -unassigned on tremplin.schools.v1): with the token's classes claim, what gives a main teacher the
-- candidacies of their pupils. The person is their token's sub; no name. An ended assignment stays as a row with
-- leads = false, so that an older assignment arriving late cannot bring it back.
CREATE TABLE class_teacher_copy (
    class_id   TEXT        NOT NULL,
    person_id  TEXT        NOT NULL,
    uai        VARCHAR(8)  NOT NULL,
    leads      BOOLEAN     NOT NULL,
    as_of      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (class_id, person_id)
);
CREATE INDEX class_teacher_copy_person ON class_teacher_copy (person_id, uai) WHERE leads;
