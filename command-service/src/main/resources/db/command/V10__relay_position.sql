-- The last sequence number the relay published per aggregate, written in the relay batch's transaction (with its
-- token). The relay publishes an aggregate's events in sequence order even when their store positions commit out of
-- order: an event at or below the last published sequence was already published (by the gap filler); one beyond the
-- next first brings the missing ones from the event store.
create table relay_position (
    aggregate_identifier varchar(255) primary key,
    aggregate_type       varchar(255),
    last_sequence        bigint       not null,
    published_at         timestamptz  not null
);

-- The service's connections end a statement after als.eventstore.statement-timeout; this one reads the whole store.
set local statement_timeout = 0;

-- An existing store: everything up to the relay's token was published (its gaps were not: they are positions rolled
-- back or not yet committed, so at start-up, with no command running, rolled back).
insert into relay_position (aggregate_identifier, aggregate_type, last_sequence, published_at)
select e.aggregateidentifier, max(e.type), max(e.sequencenumber), now()
from domainevententry e
cross join (
    select convert_from(token, 'UTF8')::jsonb as token
    from tokenentry
    where processorname = 'kafka-relay' and token is not null
      and tokentype = 'org.axonframework.eventhandling.GapAwareTrackingToken'
) t
where e.globalindex <= (t.token ->> 'index')::bigint
  and not coalesce(t.token -> 'gaps' @> to_jsonb(e.globalindex), false)
group by e.aggregateidentifier;
