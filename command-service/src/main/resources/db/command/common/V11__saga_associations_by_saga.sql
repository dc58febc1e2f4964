-- Axon's JdbcSagaStore reads a saga's associations by the saga's id and type every time it loads the saga (for every
-- event the escalation saga handles and every deadline it acts on). Without an index for that read it scanned the
-- associations of every open case: the more cases open, the dearer each saga step (a third of the command service's
-- time with 10,000 open cases, sampled while their deadlines fired). Axon's own schema has this index.
CREATE INDEX association_value_by_saga ON AssociationValueEntry (sagaId, sagaType);
