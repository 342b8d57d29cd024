-- Question kinds: how a question is asked. 'single' (one right choice among 2-5, as every
-- question was before) or 'true_false' (choices "True" and "False", correct 0 for true). Every
-- kind is answered by picking one of `choices`, so answers, memory and item statistics read
-- them alike.
ALTER TABLE question_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'single';
