"""app.ui.html escapes exactly as html.escape(quote=True) does, without importing html."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from app.ui.html import Markup, esc, join, tag


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("&<>\"'a;#x\u00e9\u4e2d ") | st.characters(), max_size=60))
def test_text_is_escaped_as_html_escape_does(text):
    assert esc(text) == html.escape(text, quote=True)
    assert type(esc(text)) is Markup


def test_markup_is_not_escaped_twice_and_attributes_are_escaped():
    assert esc(Markup("<b>x</b>")) == "<b>x</b>"
    assert esc(None) == "" and esc(3) == "3"
    assert tag("a", "R&D <ltd>", href='x" onclick="y') == '<a href="x&quot; onclick=&quot;y">R&amp;D &lt;ltd&gt;</a>'
    assert join(["a<", Markup("<br>")], sep="&") == "a&lt;&amp;<br>"
