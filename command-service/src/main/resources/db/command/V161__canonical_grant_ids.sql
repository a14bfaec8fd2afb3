-- Programme and set ids in grants as every id is written (lower case): an upper-case copy matched no programme or
-- set and was left behind when its member was removed. Grants read from here are canonical from now on.
delete from user_grant g
 where g.role <> 'ADMIN' and g.scope <> lower(g.scope)
   and exists (select 1 from user_grant h where h.username = g.username and h.role = g.role
                                          and h.scope = lower(g.scope));
update user_grant set scope = lower(scope) where role <> 'ADMIN' and scope <> lower(scope);
