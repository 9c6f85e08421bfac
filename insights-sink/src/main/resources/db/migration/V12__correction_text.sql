-- A correction keeps the words it is about, so that the sink can compile the model in force as
-- the analyzer does (the taxonomy's examples plus the corrections), e.g. for the backtest of a
-- drafted rule. Rows stored before this version have no words (NULL).

ALTER TABLE corrections ADD COLUMN text text;
ALTER TABLE corrections ADD COLUMN language text;
COMMENT ON COLUMN corrections.text IS
    'The corrected contact''s redacted customer words (and subject), the labelled example the analyzer learns from; NULL for corrections stored before the sink kept them.';
COMMENT ON COLUMN corrections.language IS 'The corrected contact''s language, when known; NULL otherwise and for corrections stored before the sink kept it.';
