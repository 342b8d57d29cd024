-- More question kinds: multiple response ('multiple'), 'short_answer' and 'numeric'.
-- `answer_key` holds a version's whole key as JSON (choices, right set, accepted answers with
-- their credit and feedback, ranges); `choices` and `correct` stay beside it for SQL that
-- reads the right answer (for typed kinds: the accepted answers as shown, and the first one
-- at full credit). Versions written before this have no key and read from those columns.
ALTER TABLE question_versions ADD COLUMN answer_key TEXT;
-- What a member typed (short answer, numeric). For those kinds `answers.choice` is the
-- accepted answer matched (-1 for none); for multiple response it is the set of choices
-- picked as bits (choice i is bit i).
ALTER TABLE answers ADD COLUMN response TEXT;
