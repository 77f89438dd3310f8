-- The probationary member's own self-review form (Mẫu 10-KNĐ) is kept beside 02A and 02B.
-- Widening a varchar and swapping the check rewrite no row, so the kept reviews stay untouched.
alter table evaluation.self_review drop constraint self_review_form_check;
alter table evaluation.self_review alter column form type varchar(10);
alter table evaluation.self_review add constraint self_review_form_check
  check (form in ('02A', '02B', '10-KNĐ'));
