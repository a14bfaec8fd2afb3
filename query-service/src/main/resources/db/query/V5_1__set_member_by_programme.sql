-- The dashboard counts everyone ever in a programme's sets (the minimum group: DESIGN section 6) by programme;
-- without this index that count reads the whole of set_member, once per dashboard.
create index set_member_by_programme on set_member (programme_id, person_id);
