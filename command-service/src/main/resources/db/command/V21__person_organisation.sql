-- The organisation each person belongs to: the one whose set they first joined (as member or facilitator),
-- written in the transaction of that event. A person joins sets of that organisation only, so their own
-- organisation can always erase them and an administrator can only link a user account to their own people.
create table person_organisation (
    person_id    uuid primary key,
    organisation text not null
);

-- People recorded before: those whose data lies in one organisation only. Anyone already in sets of several
-- organisations keeps the earlier rule (erased by an administrator of every one of them).
insert into person_organisation (person_id, organisation)
select pp.person_id, min(s.organisation)
from person_programme pp
join access_scope s on s.id = pp.programme_id
group by pp.person_id
having count(distinct s.organisation) = 1;
