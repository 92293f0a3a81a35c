"""Block clipboard: copy a StreamField block from one page and paste it into another
(Wagtail lacks this, wagtail#8339). Generic – works for any page type with StreamFields."""
