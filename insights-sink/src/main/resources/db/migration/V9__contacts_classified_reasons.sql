-- The classifier's own reasons of a contact, kept beside the reasons in force: a correction
-- replaces the primary reason in contacts.reasons, and the latest correction is applied to the
-- classifier's reasons whether it arrives before or after the classification (and again when a
-- later correction changes the editor's mind), so the result does not depend on arrival order.
ALTER TABLE contacts ADD COLUMN classified_reasons jsonb;
COMMENT ON COLUMN contacts.classified_reasons IS
    'The reasons as the analyzer gave them (same shape as reasons); NULL until the classification arrived. reasons is this with the latest correction applied.';
