-- The participation figures of each closed meeting, computed once by the projection when the meeting closes
-- (its counts cannot change after that). A programme's dashboard then reads a row per meeting instead of every
-- attendee's counts (about 600 rows for a programme of ten sets). Meetings closed before this table existed have no
-- row until the next rebuild; readers compute those from the counts, as they do for meetings still open.
create table meeting_figures (
    meeting_id          uuid primary key,
    set_id              uuid             not null,
    programme_id        uuid             not null,
    attendees           integer          not null,
    gini                double precision,
    normalised_entropy  double precision,
    dominance           double precision,
    question_focus      double precision,
    open_question_ratio double precision
);
